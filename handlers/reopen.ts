import { cardUpdateOf } from '../cards/card-update.js';
import type { Reply } from '../src/domain/reply.js';
import { can } from '../src/domain/permissions.js';
import { infoCard } from '../cards/info.js';
import { buttonsFor, dayCn } from '../cards/format.js';
import {
  loadItem,
  nowCn,
  refusalMessage,
  refuse,
  toOrigin,
  toPerson,
  unknownItemMessage,
  refuseOnItem,
} from './common.js';
import { rosterView, supervisorsToTell } from './roster-view.js';
import type { Handler } from './types.js';

/** 重新打开 ZG-12 [原因]: a leader brings a closed item back to 整改中; school and supervisor hear. */
export const reopen: Handler<'reopen'> = async (cmd, actor, deps) => {
  const id = cmd.item;
  const loaded = await loadItem(deps, id);
  if (!loaded) return refuse(unknownItemMessage(id));
  const allowed = can(actor, 'reopen', loaded.perm);
  if (!allowed.ok) return refuseOnItem(actor, allowed, loaded.perm, id);
  const r = await deps.store.transition({
    item: id,
    action: 'reopen',
    actor: actor.id,
    source: deps.source,
    now: deps.now,
    note: cmd.note,
  });
  if (!r.ok) return refuse(refusalMessage(r, 'reopen', id));
  const item = r.item;
  const view = await rosterView(deps);
  const fields = [
    { label: '学校', value: loaded.school.name },
    { label: '事项', value: item.text },
    { label: '期限', value: dayCn(item.deadline) },
  ];
  if (cmd.note) fields.push({ label: '原因', value: cmd.note });
  const replies: Reply[] = [
    toOrigin(infoCard(`${id} 已重新打开`, { subtitle: '状态：整改中', fields }), [id]),
  ];
  const toSchool = infoCard(`${id} 已重新打开，请继续整改`, {
    subtitle: `${actor.name} 重新打开`,
    fields,
    buttons: buttonsFor(item, ['done', 'extend']),
  });
  const toSup = infoCard(`${id} 已重新打开`, { subtitle: `${actor.name} 重新打开`, fields });
  const seen = new Set([actor.id]);
  for (const p of view.principalsOf(item.school)) {
    if (!seen.has(p.id)) replies.push(toPerson(p.id, toSchool, `p-${p.id}`, [id]));
    seen.add(p.id);
  }
  for (const p of supervisorsToTell(view, item)) {
    if (!seen.has(p.id)) replies.push(toPerson(p.id, toSup, `sup-${p.id}`, [id]));
    seen.add(p.id);
  }
  return { replies, cardUpdates: [cardUpdateOf(item, r.seq, `${actor.name} 重新打开（${nowCn(deps)}）`)] };
};

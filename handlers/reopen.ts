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
import { zh } from '../src/text/zh-CN/index.js';

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
    { label: zh.cards.labels.school, value: loaded.school.name },
    { label: zh.cards.labels.item, value: item.text },
    { label: zh.cards.labels.deadline, value: dayCn(item.deadline) },
  ];
  if (cmd.note) fields.push({ label: zh.cards.labels.reason, value: cmd.note });
  const replies: Reply[] = [
    toOrigin(infoCard(zh.handlers.reopen.title(id), { subtitle: zh.handlers.reopen.subtitle, fields }), [id]),
  ];
  const toSchool = infoCard(zh.handlers.reopen.schoolTitle(id), {
    subtitle: zh.handlers.reopen.bySubtitle(actor.name),
    fields,
    buttons: buttonsFor(item, ['done', 'extend']),
  });
  const toSup = infoCard(zh.handlers.reopen.title(id), {
    subtitle: zh.handlers.reopen.bySubtitle(actor.name),
    fields,
  });
  const seen = new Set([actor.id]);
  for (const p of view.principalsOf(item.school)) {
    if (!seen.has(p.id)) replies.push(toPerson(p.id, toSchool, `p-${p.id}`, [id]));
    seen.add(p.id);
  }
  for (const p of supervisorsToTell(view, item)) {
    if (!seen.has(p.id)) replies.push(toPerson(p.id, toSup, `sup-${p.id}`, [id]));
    seen.add(p.id);
  }
  return {
    replies,
    cardUpdates: [
      cardUpdateOf(item, r.seq, zh.handlers.common.outcome(actor.name, zh.handlers.reopen.verb, nowCn(deps))),
    ],
  };
};

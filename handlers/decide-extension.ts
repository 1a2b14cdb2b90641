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
import { rosterView } from './roster-view.js';
import type { Handler } from './types.js';

/**
 * 同意延期 / 不同意延期 ZG-12 [意见]: a supervisor of the item or a leader of its zone decides the
 * pending request; approval moves the deadline to the requested day. The school hears of it.
 */
export const decideExtension: Handler<'decide_extension'> = async (cmd, actor, deps) => {
  const id = cmd.item;
  const action = cmd.approve ? 'approve_extension' : 'refuse_extension';
  const loaded = await loadItem(deps, id);
  if (!loaded) return refuse(unknownItemMessage(id));
  const allowed = can(actor, action, loaded.perm);
  if (!allowed.ok) return refuseOnItem(actor, allowed, loaded.perm, id);
  const pending = loaded.item.extension;
  const r = await deps.store.transition({
    item: id,
    action,
    actor: actor.id,
    source: deps.source,
    now: deps.now,
    note: cmd.note,
    until: pending?.until,
  });
  if (!r.ok) return refuse(refusalMessage(r, action, id));
  const item = r.item;
  const oldDeadline = loaded.item.deadline;
  const verdict = cmd.approve
    ? `已同意延期至 ${dayCn(item.deadline)}`
    : `不同意延期，期限仍为 ${dayCn(item.deadline)}`;

  const view = await rosterView(deps);
  const replies: Reply[] = [
    toOrigin(
      infoCard(`${id} ${verdict}`, {
        subtitle: loaded.school.name,
        note: cmd.note ? `意见：${cmd.note}` : undefined,
      }),
      [id],
    ),
  ];
  const fields = [
    { label: '事项', value: item.text },
    { label: cmd.approve ? '新期限' : '期限', value: dayCn(item.deadline) },
  ];
  if (cmd.approve && oldDeadline !== item.deadline)
    fields.push({ label: '原期限', value: dayCn(oldDeadline) });
  if (cmd.note) fields.push({ label: '意见', value: cmd.note });
  const notice = infoCard(`延期申请${cmd.approve ? '已同意' : '未同意'} · ${id}`, {
    subtitle: `${actor.name} ${cmd.approve ? '同意' : '不同意'}延期`,
    fields,
    buttons: buttonsFor(id, ['done']),
  });
  const tell = new Set(view.principalsOf(item.school).map((p) => p.id));
  if (pending?.by && view.person(pending.by)?.active) tell.add(pending.by);
  tell.delete(actor.id);
  for (const pid of tell) replies.push(toPerson(pid, notice, `p-${pid}`, [id]));
  return { replies, cardUpdates: [cardUpdateOf(item, r.seq, `${actor.name} ${verdict}（${nowCn(deps)}）`)] };
};

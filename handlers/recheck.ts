import { cardUpdateOf } from '../cards/card-update.js';
import type { Reply } from '../src/domain/reply.js';
import { can } from '../src/domain/permissions.js';
import { infoCard } from '../cards/info.js';
import { errorCard } from '../cards/error.js';
import { buttonsFor, dayCn } from '../cards/format.js';
import { SUPERVISION_NOTICE_WORKDAYS, supervisionDeadline } from '../src/reminders/plan-reminders.js';
import {
  loadItem,
  nowCn,
  refusalMessage,
  refuse,
  toOrigin,
  toPerson,
  unknownItemMessage,
  refuseOnItem,
  today,
} from './common.js';
import { rosterView } from './roster-view.js';
import type { Handler } from './types.js';

/** The reply when 退回 comes without a reason: the school needs to know what to fix. */
export function rejectNeedsReason(id: string) {
  return errorCard(`退回 ${id} 需要写明原因，学校才知道还要整改什么。`, {
    title: '请写明退回原因',
    note: `例如：退回 ${id} 公示栏仍未按周更新`,
  });
}

/**
 * 验收 ZG-12 通过/退回 [意见]: close (销号) or send back to the school (reason required). Only a
 * submitted item can be rechecked; the loser of a race hears the item's current state.
 */
export const recheck: Handler<'recheck'> = async (cmd, actor, deps) => {
  const id = cmd.item;
  const action = cmd.pass ? 'close' : 'reject';
  const note = cmd.note?.trim() || undefined;
  const loaded = await loadItem(deps, id);
  if (!loaded) return refuse(unknownItemMessage(id));
  const allowed = can(actor, action, loaded.perm);
  if (!allowed.ok) return refuseOnItem(actor, allowed, loaded.perm, id);
  if (!cmd.pass && !note) return { replies: [toOrigin(rejectNeedsReason(id))] };

  // Sent back after its deadline, an item would be overdue the moment it returns: it gets the
  // deadline written in the 退回, or the office's 督办 deadline (SUPERVISION_NOTICE_WORKDAYS
  // working days from today), and the reply says which.
  const day = today(deps);
  let until = cmd.pass ? undefined : cmd.until;
  let newDeadlineNote: string | undefined;
  if (!cmd.pass && until === undefined && loaded.item.deadline < day) {
    until = supervisionDeadline(day, deps.calendar);
    newDeadlineNote = `原期限 ${dayCn(loaded.item.deadline)} 已过，新期限按 ${SUPERVISION_NOTICE_WORKDAYS} 个工作日计至 ${dayCn(until)}；如需其他期限，可在退回时写明，例如：退回 ${id} 原因，5个工作日内整改`;
  }

  const r = await deps.store.transition({
    item: id,
    action,
    actor: actor.id,
    source: deps.source,
    now: deps.now,
    note,
    ...(until ? { until } : {}),
  });
  if (!r.ok) return refuse(refusalMessage(r, action, id));
  const item = r.item;
  const school = loaded.school.name;

  const view = await rosterView(deps);
  const replies: Reply[] = [
    toOrigin(
      infoCard(cmd.pass ? `${id} 验收通过，已销号` : `${id} 已退回`, {
        subtitle: cmd.pass ? school : `${school} 需重新整改，期限 ${dayCn(item.deadline)}`,
        note: [note ? `意见：${note}` : undefined, newDeadlineNote].filter(Boolean).join('\n') || undefined,
      }),
      [id],
    ),
  ];
  const fields = [{ label: '事项', value: item.text }];
  if (note) fields.push({ label: cmd.pass ? '意见' : '退回原因', value: note });
  if (!cmd.pass) fields.push({ label: '期限', value: dayCn(item.deadline) });
  const notice = cmd.pass
    ? infoCard(`${id} 已验收销号`, { subtitle: `${actor.name} 验收通过`, fields })
    : infoCard(`${id} 被退回，请重新整改`, {
        subtitle: `${actor.name} 退回`,
        fields,
        buttons: buttonsFor(item, ['done', 'extend']),
      });
  for (const p of view.principalsOf(item.school)) {
    if (p.id !== actor.id) replies.push(toPerson(p.id, notice, `p-${p.id}`, [id]));
  }
  const outcome = cmd.pass
    ? `${actor.name} 验收通过，已销号（${nowCn(deps)}）`
    : `${actor.name} 已退回（${nowCn(deps)}）`;
  // after 退回 every card of the item says why and by when (the deadline stays the item's)
  const shown = cmd.pass ? [] : [{ label: '退回原因', value: note ?? '' }];
  return { replies, cardUpdates: [cardUpdateOf(item, r.seq, outcome, shown)] };
};

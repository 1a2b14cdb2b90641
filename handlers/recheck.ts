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
import { zh } from '../src/text/zh-CN/index.js';

/** The reply when 退回 comes without a reason: the school needs to know what to fix. */
export function rejectNeedsReason(id: string) {
  return errorCard(zh.handlers.recheck.needsReason(id), {
    title: zh.handlers.recheck.needsReasonTitle,
    note: zh.handlers.recheck.needsReasonExample(id),
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
    newDeadlineNote = zh.handlers.recheck.newDeadline(
      dayCn(loaded.item.deadline),
      SUPERVISION_NOTICE_WORKDAYS,
      dayCn(until),
      id,
    );
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
      infoCard(cmd.pass ? zh.handlers.recheck.passedTitle(id) : zh.handlers.recheck.rejectedTitle(id), {
        subtitle: cmd.pass ? school : zh.handlers.recheck.rejectedSubtitle(school, dayCn(item.deadline)),
        note:
          [note ? zh.handlers.common.opinion(note) : undefined, newDeadlineNote].filter(Boolean).join('\n') ||
          undefined,
      }),
      [id],
    ),
  ];
  const fields = [{ label: zh.cards.labels.item, value: item.text }];
  if (note)
    fields.push({ label: cmd.pass ? zh.cards.labels.opinion : zh.handlers.recheck.reasonLabel, value: note });
  if (!cmd.pass) fields.push({ label: zh.cards.labels.deadline, value: dayCn(item.deadline) });
  const notice = cmd.pass
    ? infoCard(zh.handlers.recheck.closedTitle(id), {
        subtitle: zh.handlers.recheck.closedSubtitle(actor.name),
        fields,
      })
    : infoCard(zh.handlers.recheck.sentBackTitle(id), {
        subtitle: zh.handlers.recheck.sentBackSubtitle(actor.name),
        fields,
        buttons: buttonsFor(item, ['done', 'extend']),
      });
  for (const p of view.principalsOf(item.school)) {
    if (p.id !== actor.id) replies.push(toPerson(p.id, notice, `p-${p.id}`, [id]));
  }
  const outcome = zh.handlers.common.outcome(
    actor.name,
    cmd.pass ? zh.handlers.recheck.verbs.pass : zh.handlers.recheck.verbs.reject,
    nowCn(deps),
  );
  // after 退回 every card of the item says why and by when (the deadline stays the item's)
  const shown = cmd.pass ? [] : [{ label: zh.handlers.recheck.reasonLabel, value: note ?? '' }];
  return { replies, cardUpdates: [cardUpdateOf(item, r.seq, outcome, shown)] };
};

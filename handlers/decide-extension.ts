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
import { zh } from '../src/text/zh-CN/index.js';

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
    ? zh.handlers.decideExtension.approved(dayCn(item.deadline))
    : zh.handlers.decideExtension.refused(dayCn(item.deadline));

  const view = await rosterView(deps);
  const replies: Reply[] = [
    toOrigin(
      infoCard(zh.handlers.decideExtension.title(id, verdict), {
        subtitle: loaded.school.name,
        note: cmd.note ? zh.handlers.common.opinion(cmd.note) : undefined,
      }),
      [id],
    ),
  ];
  const fields = [
    { label: zh.cards.labels.item, value: item.text },
    {
      label: cmd.approve ? zh.handlers.decideExtension.newDeadlineLabel : zh.cards.labels.deadline,
      value: dayCn(item.deadline),
    },
  ];
  if (cmd.approve && oldDeadline !== item.deadline)
    fields.push({ label: zh.cards.labels.originalDeadline, value: dayCn(oldDeadline) });
  if (cmd.note) fields.push({ label: zh.cards.labels.opinion, value: cmd.note });
  const notice = infoCard(
    cmd.approve
      ? zh.handlers.decideExtension.approvedTitle(id)
      : zh.handlers.decideExtension.refusedTitle(id),
    {
      subtitle: cmd.approve
        ? zh.handlers.decideExtension.approvedSubtitle(actor.name)
        : zh.handlers.decideExtension.refusedSubtitle(actor.name),
      fields,
      buttons: buttonsFor(id, ['done']),
    },
  );
  const tell = new Set(view.principalsOf(item.school).map((p) => p.id));
  if (pending?.by && view.person(pending.by)?.active) tell.add(pending.by);
  tell.delete(actor.id);
  for (const pid of tell) replies.push(toPerson(pid, notice, `p-${pid}`, [id]));
  return {
    replies,
    cardUpdates: [cardUpdateOf(item, r.seq, zh.handlers.common.outcome(actor.name, verdict, nowCn(deps)))],
  };
};

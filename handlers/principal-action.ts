import { cardUpdateOf } from '../cards/card-update.js';
import type { HandlerResult, Reply } from '../src/domain/reply.js';
import { can } from '../src/domain/permissions.js';
import { progressNoticeCard } from '../cards/progress-notice.js';
import { infoCard } from '../cards/info.js';
import { buttonsFor, dayCn } from '../cards/format.js';
import {
  loadItem,
  nowCn,
  refusalMessage,
  refuse,
  toOrigin,
  toPerson,
  today,
  unknownItemMessage,
  refuseOnItem,
} from './common.js';
import { rosterView, supervisorsToTell } from './roster-view.js';
import type { HandlerDeps } from './types.js';
import type { Person } from '../src/domain/roster.js';
import { zh } from '../src/text/zh-CN/index.js';

type PrincipalAction = 'acknowledge' | 'progress' | 'done';

/**
 * 收到 / 整改进度 / 整改完成: the principal moves their item on. The supervisor hears of it (with
 * 验收通过 / 退回 once it is submitted); earlier cards of the item show what happened.
 */
export async function principalAction(
  deps: HandlerDeps,
  actor: Person,
  id: string,
  action: PrincipalAction,
  note?: string,
): Promise<HandlerResult> {
  const loaded = await loadItem(deps, id);
  if (!loaded) return refuse(unknownItemMessage(id));
  const allowed = can(actor, action, loaded.perm);
  // a principal of another school learns nothing about the item, not even its school
  if (!allowed.ok) return refuseOnItem(actor, allowed, loaded.perm, id);

  const r = await deps.store.transition({
    item: id,
    action,
    actor: actor.id,
    source: deps.source,
    now: deps.now,
    note,
  });
  if (!r.ok) return refuse(refusalMessage(r, action, id));
  const item = r.item;
  if (action !== 'acknowledge') await deps.store.markEvidenceTarget(actor.id, { type: 'item', id }, deps.now);

  const view = await rosterView(deps);
  const school = loaded.school.name;
  // ack / progress: the card now carries the next steps (an update strips the old card's buttons)
  const next = { buttons: buttonsFor(item, ['done', 'extend']) };
  const confirm =
    action === 'done'
      ? infoCard(zh.handlers.principalAction.doneTitle(id), {
          subtitle: zh.handlers.principalAction.doneSubtitle,
          note: zh.handlers.principalAction.doneNote,
        })
      : action === 'progress'
        ? infoCard(zh.handlers.principalAction.progressTitle(id), {
            subtitle: zh.cards.deadline(dayCn(item.deadline)),
            ...next,
          })
        : infoCard(zh.handlers.principalAction.ackTitle(id), {
            subtitle: zh.handlers.principalAction.ackSubtitle(dayCn(item.deadline)),
            ...next,
          });
  const replies: Reply[] = [toOrigin(confirm, [id])];
  const notice = progressNoticeCard({
    item,
    action,
    schoolName: school,
    actorName: actor.name,
    note,
    today: today(deps),
  });
  for (const p of supervisorsToTell(view, item)) {
    if (p.id !== actor.id) replies.push(toPerson(p.id, notice, `sup-${p.id}`, [id]));
  }
  const verb = zh.handlers.principalAction.verbs[action];
  return {
    replies,
    cardUpdates: [cardUpdateOf(item, r.seq, zh.handlers.common.outcome(actor.name, verb, nowCn(deps)))],
  };
}

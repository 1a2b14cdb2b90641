import type { Reply } from '../src/domain/reply.js';
import type { Item, VisitRecord } from '../src/domain/records.js';
import { can } from '../src/domain/permissions.js';
import { recordSummaryCard } from '../cards/record-summary.js';
import { rectificationNoticeCard, rectificationSummaryCard } from '../cards/rectification-notice.js';
import { infoCard } from '../cards/info.js';
import { dayCn, visitKindText } from '../cards/format.js';
import { duplicateRecordCard } from '../cards/duplicate-record.js';
import { WATERMARK_CLAIM } from '../src/reminders/plan-reminders.js';
import { refuse, toOrigin, toPerson } from './common.js';
import { findDuplicateRecord } from './duplicate-record.js';
import { rosterView } from './roster-view.js';
import type { Handler } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/**
 * 提交督导记录: create the record and its items (idempotent per source message), answer the
 * submitter with the summary, send each principal of the school the notice with buttons, and the
 * zone's bound group a short notice without the problems themselves (other schools read it).
 */
export const submitRecord: Handler<'submit_record'> = async (cmd, actor, deps) => {
  const school = await deps.store.getSchool(cmd.school.id);
  if (!school?.active) return refuse(zh.handlers.submitRecord.schoolNotFound(cmd.school.name));
  const allowed = can(actor, 'submit_record', { school });
  if (!allowed.ok) return refuse(allowed.message);

  // the same record sent twice is held back unless the text says 确认重复 (possible_duplicate)
  if (!cmd.confirmDuplicate) {
    const earlier = await findDuplicateRecord(deps.store, cmd, { supervisor: actor.id, source: deps.source });
    if (earlier) return { replies: [toOrigin(duplicateRecordCard(earlier, school.name))] };
  }

  const { record, items } = await deps.store.createRecord({
    command: cmd,
    supervisor: actor.id,
    source: deps.source,
    now: deps.now,
    ...(deps.voice ? { via: 'voice' as const } : {}),
  });
  await deps.store.markEvidenceTarget(actor.id, { type: 'record', id: record.id }, deps.now);
  // an item already overdue lies before the days a watermarked reminder pass reads: the next
  // pass reads every open item, so it enters 督办 there (on a retry too: this is idempotent)
  if (deps.warnings?.some((w) => w.code === 'deadline_past'))
    await deps.store.releaseOnce(WATERMARK_CLAIM.scope, WATERMARK_CLAIM.id);

  const view = await rosterView(deps);
  const principals = items.length ? view.principalsOf(school.id) : [];
  const ids = items.map((i) => i.id);
  const replies: Reply[] = [
    toOrigin(
      recordSummaryCard({
        record,
        items,
        schoolName: school.name,
        notified: principals.map((p) => p.name),
        assumptions: deps.assumptions,
        warnings: deps.warnings,
        defaultWorkdays: deps.config.defaultDeadlineWorkdays,
      }),
      ids,
    ),
  ];
  replies.push(
    ...principalNotices(principals, { record, items, schoolName: school.name, supervisorName: actor.name }),
  );
  const chats = await deps.store.listChats();
  const zoneChats = chats.filter((c) => c.binding.type === 'zone' && c.binding.id === school.zone);
  // submitted in the zone's own group: the summary there is the notice
  const inZoneChat = zoneChats.some((c) => c.chatId === deps.conversation?.id);
  if (zoneChats.length && !inZoneChat) {
    const card = infoCard(zh.cards.recordSummary.title(record.id), {
      subtitle: zh.handlers.submitRecord.zoneSubtitle(
        actor.name,
        dayCn(record.date),
        school.name,
        visitKindText(record),
      ),
      note: items.length ? zh.handlers.submitRecord.zoneNote : undefined,
    });
    replies.push({
      to: { type: 'bound_chat', binding: { type: 'zone', id: school.zone } },
      card,
      key: `zone-${school.zone}`,
    });
  }
  return { replies };
};

/**
 * Each principal gets one card per item, each with its own buttons, after a short summary when
 * there are several (docs/spec/interfaces.md, "Cards act on one item each"). Replies to one person go out
 * in order (src/queue/reply-order.ts), so the summary comes first and the items in their order.
 */
function principalNotices(
  principals: { id: string }[],
  n: { record: VisitRecord; items: Item[]; schoolName: string; supervisorName: string },
): Reply[] {
  if (!n.items.length) return [];
  const ids = n.items.map((i) => i.id);
  const summary = n.items.length > 1 ? rectificationSummaryCard(n) : undefined;
  const cards = n.items.map((item, k) =>
    rectificationNoticeCard({ ...n, item, position: { n: k + 1, of: n.items.length } }),
  );
  return principals.flatMap((p) => [
    ...(summary ? [toPerson(p.id, summary, `notice-${p.id}`, ids)] : []),
    ...cards.map((card, k) => toPerson(p.id, card, `notice-${p.id}-${ids[k]}`, [ids[k]!])),
  ]);
}

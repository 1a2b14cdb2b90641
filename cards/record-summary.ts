import type { Card } from '../src/domain/card.js';
import type { Item, VisitRecord } from '../src/domain/records.js';
import type { ParseWarning } from '../src/domain/command.js';
import { zh } from '../src/text/zh-CN/index.js';
import { clip, dayCn, finish, joinNote, visitKindText } from './format.js';

/** A warning in the words of the reply, naming the item it is about (ZG-21). */
export function warningText(w: ParseWarning, itemId: string | undefined): string {
  const which = itemId ?? zh.cards.recordSummary.warnings.anItem;
  switch (w.code) {
    case 'deadline_past':
      return zh.cards.recordSummary.warnings.deadlinePast(which, dayCn(w.deadline));
    case 'deadline_day_off':
      return zh.cards.recordSummary.warnings.deadlineDayOff(
        which,
        dayCn(w.deadline),
        w.dayOff,
        dayCn(w.nextWorkday),
      );
    case 'possible_duplicate':
      return zh.cards.recordSummary.warnings.possibleDuplicate(w.record);
  }
}

export interface RecordSummaryInput {
  record: VisitRecord;
  items: Item[];
  schoolName: string;
  /** names of the principals who got the notice ('李校长') */
  notified: string[];
  /** what the parser assumed (matched short name, default date…) */
  assumptions?: string[];
  /** what the supervisor must notice: a deadline already past, a deadline on a day off */
  warnings?: ParseWarning[];
  /** DEFAULT_DEADLINE_WORKDAYS, to say how a default deadline was set */
  defaultWorkdays: number;
}

/**
 * To the supervisor who submitted a record: its number, the items created with their deadlines,
 * who was notified, and what was assumed. Mirrors docs/spec/commands.md's example reply.
 */
export function recordSummaryCard(i: RecordSummaryInput): Card {
  const { record, items } = i;
  const defaults = items.filter((it) => it.deadlineSource === 'default').map((it) => it.id);
  const warnings = i.warnings ?? [];
  const entries = items.map((it, n) => {
    const mine = warnings.filter((w) => 'item' in w && w.item === n);
    const flags = [
      mine.some((w) => w.code === 'deadline_past') && zh.cards.recordSummary.flags.overdue,
      mine.some((w) => w.code === 'deadline_day_off') && zh.cards.recordSummary.flags.dayOff,
    ].filter(Boolean);
    return {
      id: it.id,
      text: clip(it.text, 40),
      meta: `${zh.cards.deadline(dayCn(it.deadline))}${it.deadlineSource === 'default' ? zh.cards.recordSummary.byDefault : ''}${flags.length ? ` · ${flags.join(' · ')}` : ''}`,
    };
  });
  // the subtitle already says school, date and kind: fields only add what it does not
  const fields = [
    {
      label: zh.cards.labels.items,
      value: items.length ? zh.cards.count(items.length) : zh.cards.recordSummary.noItems,
    },
  ];
  if (warnings.length) {
    fields.push({
      label: zh.cards.recordSummary.warningsLabel,
      value: warnings
        .map((w) => warningText(w, 'item' in w ? items[w.item]?.id : undefined))
        .join(zh.cards.noteSep),
    });
  }
  if (items.length) {
    fields.push({
      label: zh.cards.recordSummary.notifiedLabel,
      value: i.notified.length
        ? zh.cards.recordSummary.notified(i.schoolName, i.notified.join(zh.cards.listSep))
        : zh.cards.recordSummary.noPrincipal,
    });
  }
  const note = joinNote([
    ...(i.assumptions ?? []),
    defaults.length > 0 &&
      zh.cards.recordSummary.defaults(defaults.join(zh.cards.listSep), i.defaultWorkdays),
    zh.cards.recordSummary.evidenceNote,
  ]);
  return finish({
    kind: 'record_summary',
    title: zh.cards.recordSummary.title(record.id),
    subtitle: zh.cards.recordSummary.subtitle(i.schoolName, record.date, visitKindText(record)),
    fields,
    entries,
    note,
  });
}

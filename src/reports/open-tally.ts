import type { WorkCalendar } from '../domain/calendar.js';

/**
 * How the open (not closed) items stand on a day: the ONE computation behind the digest's
 * 未销号/逾期/升级 lines, `GET /api/v1/stats`'s `open` and `overdue`, and the board's 三色 table
 * (src/reports/board-overview.ts), so the three can never disagree for the same items and day.
 *
 * For an item not closed, judged on day D:
 * - overdue (逾期, 红): its deadline is before D — the 督办 notice goes out on the first day overdue;
 * - escalated (升级): overdue by ESCALATE_AFTER_WORKDAYS working days or more (escalated to leaders);
 * - due soon (黄): not overdue, deadline within the reminder window: on or before the
 *   REMINDER_WORKDAYS_BEFORE-th (its largest value) working day after D;
 * - otherwise on time (绿).
 * A school's colour is that of its worst open item; a school with no open item is green.
 */
export interface OpenRules {
  calendar: WorkCalendar;
  escalateAfterWorkdays: number;
  /** the largest value of REMINDER_WORKDAYS_BEFORE (3 by default) */
  dueSoonWorkdays: number;
}

export interface OpenTally {
  open: number;
  overdue: number;
  escalated: number;
  dueSoon: number;
}

export type OpenColor = 'green' | 'yellow' | 'red';

export const emptyTally = (): OpenTally => ({ open: 0, overdue: 0, escalated: 0, dueSoon: 0 });

/** A judge of deadlines for one day; memoised, since many items share a deadline. */
export function openJudge(day: string, rules: OpenRules): (deadline: string) => keyof OpenTally | 'onTime' {
  const soonUntil = rules.calendar.addWorkdays(day, Math.max(0, rules.dueSoonWorkdays));
  const memo = new Map<string, keyof OpenTally | 'onTime'>();
  return (deadline) => {
    let v = memo.get(deadline);
    if (v === undefined) {
      if (deadline < day)
        v =
          rules.calendar.workdaysBetween(deadline, day) >= rules.escalateAfterWorkdays
            ? 'escalated'
            : 'overdue';
      else v = deadline <= soonUntil ? 'dueSoon' : 'onTime';
      memo.set(deadline, v);
    }
    return v;
  };
}

export type OpenVerdict = ReturnType<ReturnType<typeof openJudge>>;
export const isOverdue = (v: OpenVerdict) => v === 'overdue' || v === 'escalated';

/**
 * Tally open items by a key (zone, school, '*' for the total). `items` are the open ones (the
 * caller decides what "open at that instant" means); `escalated` ⊆ `overdue` ⊆ `open`.
 */
export function tallyOpen<T>(
  items: readonly T[],
  o: { day: string; rules: OpenRules; deadline: (x: T) => string; key: (x: T) => string },
): Map<string, OpenTally> {
  const judge = openJudge(o.day, o.rules);
  const out = new Map<string, OpenTally>();
  for (const x of items) {
    const k = o.key(x);
    let t = out.get(k);
    if (!t) out.set(k, (t = emptyTally()));
    t.open++;
    const v = judge(o.deadline(x));
    if (v === 'escalated') {
      t.overdue++;
      t.escalated++;
    } else if (v === 'overdue') t.overdue++;
    else if (v === 'dueSoon') t.dueSoon++;
  }
  return out;
}

/** Sum tallies (a zone's schools, the zones of a scope). */
export function sumTallies(ts: Iterable<OpenTally>): OpenTally {
  const s = emptyTally();
  for (const t of ts) {
    s.open += t.open;
    s.overdue += t.overdue;
    s.escalated += t.escalated;
    s.dueSoon += t.dueSoon;
  }
  return s;
}

export function colorOf(t: OpenTally): OpenColor {
  return t.overdue > 0 ? 'red' : t.dueSoon > 0 ? 'yellow' : 'green';
}

import type { WorkCalendar } from '../domain/calendar.js';
import { addDays, dayInZone } from '../domain/day.js';

/**
 * The reminder plan, pure: given the instant of a pass and one open item, which message (if any)
 * is due. No Redis, no queue: jobs/reminder-pass.ts streams the items, claims and enqueues.
 *
 * The stages of one deadline D, each on a working day (t = the day of the pass):
 *   before-n   n ∈ REMINDER_WORKDAYS_BEFORE, n > 0: n working days are left, i.e. the working
 *              days in (t, D] number n (calendar.workdaysBetween(t, D) = n)
 *   due        0 working days are left: D itself, or, when D falls on a day off, the last working
 *              day before it (a holiday starting the day before a deadline makes the day before the
 *              holiday the due day; the item is overdue from the first working day after D,
 *              consistent with the store's "deadline < today" rule)
 *   overdue    the first working day after D: 督办通知 to the principal and the supervisor, with a
 *              new short deadline SUPERVISION_NOTICE_WORKDAYS working days after the notice
 *   escalation ESCALATE_AFTER_WORKDAYS working days after D: to the leaders of the item's zone
 *
 * Only the LATEST stage reached is sent: after downtime (or quiet hours) a pass sends that one
 * stage and never the ones it skipped, so nobody gets a burst of stale reminders. Stages that fall
 * on the same day (overdue and escalation when ESCALATE_AFTER_WORKDAYS = 1) go out together.
 * A reminder stage (before, due) reached on or before the day the item was created is not sent: its
 * principal has just got the item's notice card. An item already overdue when created (a
 * back-dated record) does enter 督办: its latest stage (overdue or escalation) goes out at the next
 * pass, as after downtime.
 */

export type ReminderStage = 'before' | 'due' | 'overdue' | 'escalation';

/**
 * The 督办 notice's new deadline, in working days after the notice is sent. A constant on purpose:
 * the office's practice is "3个工作日内整改到位"; it is printed on the notice and never stored
 * (the item's own deadline only moves through an approved extension).
 */
export const SUPERVISION_NOTICE_WORKDAYS = 3;

/**
 * The once-claim that holds the reminder pass's watermark (jobs/reminder-run.ts). Releasing it
 * makes the next pass read every open item: what a record with an item already overdue needs, as
 * its deadline lies before the days a watermarked pass reads.
 */
export const WATERMARK_CLAIM = { scope: 'pass', id: 'reminder-watermark' } as const;

export interface ReminderPolicy {
  /** REMINDER_WORKDAYS_BEFORE: working days before the deadline (0 = on the day) */
  beforeWorkdays: readonly number[];
  /** ESCALATE_AFTER_WORKDAYS */
  escalateAfterWorkdays: number;
  /** WORK_HOURS, 'HH:MM' in timeZone; a pass sends only when start <= time < end */
  workHours: { start: string; end: string };
  timeZone: string;
}

/** One stage due for an item at a pass. */
export interface DueStage {
  stage: ReminderStage;
  /** the claim key part: 'before-3', 'due', 'overdue', 'escalation' */
  key: string;
  /** working days left (before, due) or overdue (overdue, escalation), counted at the pass */
  workdays: number;
  /** the working day the stage was reached */
  triggerDay: string;
}

export type PassWindow =
  | { open: true; day: string; time: string }
  | { open: false; day: string; time: string; reason: 'not_workday' | 'quiet_hours' };

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** 'HH:MM' of an instant in a time zone (24-hour clock). */
export function timeInZone(at: Date, timeZone: string): string {
  let f = timeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormatters.set(timeZone, f);
  }
  let h = '00';
  let m = '00';
  for (const p of f.formatToParts(at)) {
    if (p.type === 'hour') h = p.value.padStart(2, '0');
    else if (p.type === 'minute') m = p.value.padStart(2, '0');
  }
  return `${h}:${m}`;
}

/** Whether a pass at `at` may send: a working day, inside WORK_HOURS. */
export function passWindow(at: Date, policy: ReminderPolicy, cal: WorkCalendar): PassWindow {
  const day = dayInZone(at, policy.timeZone);
  const time = timeInZone(at, policy.timeZone);
  if (!cal.isWorkday(day)) return { open: false, day, time, reason: 'not_workday' };
  if (time < policy.workHours.start || time >= policy.workHours.end)
    return { open: false, day, time, reason: 'quiet_hours' };
  return { open: true, day, time };
}

export interface PlannableItem {
  deadline: string;
  /** ISO instant; its day in the office's zone decides which stages are "pre-history" */
  createdAt: string;
  status: string;
}

/**
 * A planner for one pass day. Stage arithmetic walks the calendar, so it is cached per deadline:
 * 100 000 items share a few hundred deadlines, and the pass stays well under a second of CPU.
 */
export interface ReminderPlanner {
  readonly today: string;
  /** the latest stage(s) reached by `today`, or [] when none (or only pre-history ones) */
  due(item: PlannableItem): DueStage[];
  /** the latest stage(s) of a deadline alone, before the creation-day rule (cached per deadline) */
  stagesOf(deadline: string): DueStage[];
  /** whether a stage was reached on or before the item's creation day (never sent) */
  preHistory(stage: DueStage, createdAt: string): boolean;
  /** the furthest deadline that can have a stage today: scan the index up to here */
  readonly scanUntil: string;
  /**
   * The oldest deadline worth scanning, given the day of the last pass that ran to its end
   * (`watermark`): a deadline whose last stage (the escalation) was reached before that day had
   * all its stages handled by that pass, or superseded. undefined: scan from the oldest.
   */
  scanFrom(watermark: string | undefined): string | undefined;
}

export function createReminderPlanner(
  today: string,
  policy: ReminderPolicy,
  cal: WorkCalendar,
): ReminderPlanner {
  if (!cal.isWorkday(today)) throw new RangeError(`reminder planner: ${today} is not a working day`);
  const before = [...new Set(policy.beforeWorkdays)].filter((n) => n >= 0).sort((a, b) => a - b);
  const maxBefore = before.length ? before[before.length - 1]! : 0;
  const escalateAt = Math.max(1, policy.escalateAfterWorkdays);
  const byDeadline = new Map<string, DueStage[]>();

  const rawStages = (deadline: string): DueStage[] => {
    if (deadline >= today) {
      const left = cal.workdaysBetween(today, deadline);
      // the smallest configured n with n >= left is the latest "before" stage reached
      const n = before.find((b) => b >= left);
      if (n === undefined) return [];
      const lastWorkday = cal.isWorkday(deadline) ? deadline : cal.previousWorkday(deadline);
      const triggerDay = cal.addWorkdays(lastWorkday, -n);
      return [
        {
          stage: n === 0 ? 'due' : 'before',
          key: n === 0 ? 'due' : `before-${n}`,
          workdays: left,
          triggerDay,
        },
      ];
    }
    const over = cal.workdaysBetween(deadline, today); // >= 1: today is a working day after D
    const out: DueStage[] = [];
    if (over >= escalateAt)
      out.push({
        stage: 'escalation',
        key: 'escalation',
        workdays: over,
        triggerDay: cal.addWorkdays(deadline, escalateAt),
      });
    if (over < escalateAt || escalateAt === 1)
      out.push({
        stage: 'overdue',
        key: 'overdue',
        workdays: over,
        triggerDay: cal.addWorkdays(deadline, 1),
      });
    return out;
  };
  const stagesOf = (deadline: string): DueStage[] => {
    let stages = byDeadline.get(deadline);
    if (!stages) byDeadline.set(deadline, (stages = rawStages(deadline)));
    return stages;
  };
  const clearlyAfter = new Map<string, string>();
  const preHistory = (stage: DueStage, createdAt: string): boolean => {
    // 督办 and escalation are never pre-history: an item overdue at creation enters the flow
    if (stage.stage === 'overdue' || stage.stage === 'escalation') return false;
    // The creation day in the office's zone is within a day of the UTC day in the ISO string:
    // decide from the string when it is clear (nearly always), and format the instant otherwise.
    let margin = clearlyAfter.get(stage.triggerDay);
    if (margin === undefined) clearlyAfter.set(stage.triggerDay, (margin = addDays(stage.triggerDay, -1)));
    if (createdAt.slice(0, 10) < margin) return false;
    return stage.triggerDay <= dayInZone(new Date(createdAt), policy.timeZone);
  };

  return {
    today,
    scanUntil: lastDayWithin(today, maxBefore, cal),
    scanFrom(watermark) {
      if (!watermark || watermark > today || !cal.isWorkday(watermark)) return undefined;
      // the first deadline D with addWorkdays(D, escalateAt) >= watermark
      return cal.addWorkdays(watermark, -escalateAt);
    },
    stagesOf,
    preHistory,
    due(item) {
      if (item.status === 'closed') return [];
      return stagesOf(item.deadline).filter((s) => !preHistory(s, item.createdAt));
    },
  };
}

/** The last day D with workdaysBetween(today, D) <= n: the day before the (n+1)th working day. */
function lastDayWithin(today: string, n: number, cal: WorkCalendar): string {
  return addDays(cal.addWorkdays(today, n + 1), -1);
}

/** The 督办 notice's deadline for a notice sent on `day`. */
export function supervisionDeadline(day: string, cal: WorkCalendar): string {
  return cal.addWorkdays(day, SUPERVISION_NOTICE_WORKDAYS);
}

/** The claim id of one stage of one item at one deadline: an extension makes new ids. */
export const reminderClaimId = (itemId: string, stageKey: string, deadline: string) =>
  `${itemId}|${stageKey}|${deadline}`;

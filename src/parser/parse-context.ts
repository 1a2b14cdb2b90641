import type { WorkCalendar } from '../domain/calendar.js';
import type { Role } from '../domain/roster.js';
import type { SchoolIndex } from './school-index.js';

/** Everything parse() needs besides the text. No clock, no store: all of it is passed in. */
export interface ParseContext {
  /** the instant the message was sent (or --now); "today" is its day in `timezone` */
  now: Date;
  /** the office's IANA zone (config TIMEZONE) */
  timezone: string;
  /** the roster's schools and zones (createSchoolIndex), rebuilt when the roster changes */
  schools: SchoolIndex;
  calendar: WorkCalendar;
  /** config DEFAULT_DEADLINE_WORKDAYS: the deadline of a problem given none */
  defaultDeadlineWorkdays: number;
  /** the sender's role, to pick the examples in failure messages */
  role?: Role;
  /** the bot's display names, whose @-mention is stripped (default: 督导助手) */
  botNames?: readonly string[];
}

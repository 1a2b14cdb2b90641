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
  /** the text is the platform's transcription of a voice message: homophones of command words are read */
  voice?: boolean;
  /**
   * The text of the message this one quotes, when the platform gives it apart (WeCom smart bot
   * `quote`, DingTalk `repliedMsg`). Context only, never run: it lends its item number to a reply
   * that names none (`收到`).
   */
  quote?: string;
}

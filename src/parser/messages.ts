import type { Role, School } from '../domain/roster.js';
import { formatDayCn } from '../domain/day.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * The parser's replies when it cannot act. Their wording lives in the message catalogue
 * (src/text/zh-CN/parser.ts); this module hands it the parser's values as the strings it shows:
 * schools by name, days as "3月15日（周一）", the length limit.
 */

export const MAX_MESSAGE_CHARS = 10_000;

/** A record as a supervisor would send it; the school is a real one from the roster when known. */
export const recordTemplate = (school?: string): string => zh.parser.recordTemplate(school);

/** Copyable examples for a role (or for anyone). */
export function roleExamples(role?: Role): string[] {
  return zh.parser.examples[role ?? 'anyone'].slice();
}

const replies = zh.parser.replies;
const names = (schools: readonly School[]) => schools.map((s) => s.name);

export const messages = {
  ...replies,
  tooLong: (length: number) => replies.tooLong(length, MAX_MESSAGE_CHARS),
  unknownSchool: (query: string, suggestions: School[]) => replies.unknownSchool(query, names(suggestions)),
  inactiveSchool: (school: School) => replies.inactiveSchool(school.name),
  ambiguousSchool: (query: string, candidates: School[]) => replies.ambiguousSchool(query, names(candidates)),
  deadlineBeforeVisit: (which: string, deadline: string, visit: string) =>
    replies.deadlineBeforeVisit(which, formatDayCn(deadline), formatDayCn(visit)),
  untilInPast: (until: string, today: string) => replies.untilInPast(formatDayCn(until), formatDayCn(today)),
};

/**
 * The command language: text → Command (src/domain/command.ts). See README.md in this folder for
 * every date convention. Build a SchoolIndex once per roster version and a WorkCalendar once per
 * configuration, then call parse() per message.
 */
export { parse } from './parse.js';
export type { ParseContext } from './parse-context.js';
export { createSchoolIndex, nameKey, type SchoolIndex } from './school-index.js';
export { matchSchool, matchZone, type SchoolMatch } from './match-school.js';
export { normalizeText, displayText } from './normalize-text.js';
export { normalizeItemId, normalizeRecordId } from './item-number.js';
export { readDeadline } from './deadline.js';
export { readVisitDate } from './visit-date.js';
export { readStatsRange } from './stats-range.js';
export { OFFICE_TARGET } from './bind-target.js';
export { messages, recordTemplate, roleExamples, MAX_MESSAGE_CHARS } from './messages.js';
export { formatParseJson, formatParseHuman } from './parse-cli.js';

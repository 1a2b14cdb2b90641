import type { ParseFailure } from '../domain/command.js';
import type { SchoolMatch } from './match-school.js';
import { messages } from './messages.js';

/** The reply for a school that matched nothing, or more than one. */
export function schoolFailure(m: Extract<SchoolMatch, { ok: false }>): ParseFailure {
  if (m.code === 'ambiguous_school') {
    return { ok: false, code: 'ambiguous_school', message: messages.ambiguousSchool(m.query, m.candidates) };
  }
  const message = m.inactive
    ? messages.inactiveSchool(m.inactive)
    : messages.unknownSchool(m.query, m.suggestions);
  return { ok: false, code: 'unknown_school', message };
}

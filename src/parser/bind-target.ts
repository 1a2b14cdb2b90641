import type { ParseResult } from '../domain/command.js';
import { cleanName, matchSchool, matchZone } from './match-school.js';
import { messages } from './messages.js';
import type { ParseContext } from './parse-context.js';

/**
 * 绑定本群 <责任区 | 学校 | 督导室>. The office itself has no roster entry, so it is the fixed
 * target {type: 'office', id: 'office', name: '督导室'}. A zone is tried before a school: zone
 * names (城关责任区) rarely collide with school names, and a zone is what groups are usually for.
 */

export const OFFICE_TARGET = { type: 'office', id: 'office', name: '督导室' } as const;

const OFFICE_RE =
  /^(?:本|全)?(?:督导室|教育督导室|督导办|督导办公室|政府教育督导室|教育督导委员会办公室|全区|全县|全市)$/;

export function parseBindChat(rest: string, ctx: ParseContext): ParseResult {
  const query = cleanName(rest.replace(/^(?:到|为|至)/, ''));
  if (query.length > 64)
    return {
      ok: false,
      code: 'unknown_school',
      message: messages.unknownBindTarget(`${query.slice(0, 20)}…`, []),
    };
  if (query === '') return { ok: false, code: 'missing_field', message: messages.missingBindTarget() };
  if (OFFICE_RE.test(query))
    return { ok: true, command: { command: 'bind_chat', target: { ...OFFICE_TARGET } }, assumptions: [] };

  const zone = matchZone(query, ctx.schools);
  if (zone.ok) {
    return {
      ok: true,
      command: { command: 'bind_chat', target: { type: 'zone', id: zone.zone.id, name: zone.zone.name } },
      assumptions: zone.assumption ? [zone.assumption] : [],
    };
  }
  if (zone.candidates.length > 1) {
    return {
      ok: false,
      code: 'ambiguous_school',
      message: messages.ambiguousZone(
        query,
        zone.candidates.map((z) => z.name),
      ),
    };
  }
  const school = matchSchool(query, ctx.schools);
  if (school.ok) {
    return {
      ok: true,
      command: {
        command: 'bind_chat',
        target: { type: 'school', id: school.school.id, name: school.school.name },
      },
      assumptions: school.assumption ? [school.assumption] : [],
    };
  }
  if (school.code === 'ambiguous_school')
    return {
      ok: false,
      code: 'ambiguous_school',
      message: messages.ambiguousSchool(query, school.candidates),
    };
  if (school.suggestions.length > 0)
    return { ok: false, code: 'unknown_school', message: messages.unknownSchool(query, school.suggestions) };
  return {
    ok: false,
    code: 'unknown_school',
    message: messages.unknownBindTarget(
      query,
      ctx.schools.zones.map((z) => z.name),
    ),
  };
}

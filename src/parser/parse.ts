import type { ParseFailure, ParseResult } from '../domain/command.js';
import { dayInZone } from '../domain/day.js';
import { parseBindChat } from './bind-target.js';
import { normalizeItemId, normalizeRecordId } from './item-number.js';
import { matchKeyword } from './keywords.js';
import { MAX_MESSAGE_CHARS, messages } from './messages.js';
import { normalizeText } from './normalize-text.js';
import type { ParseContext } from './parse-context.js';
import { parseItemCommand } from './parse-item-command.js';
import { parseRecord } from './parse-record.js';
import { readStatsRange } from './stats-range.js';

/**
 * Text → Command, or a failure carrying the Chinese reply. Pure: no I/O, no global clock (today
 * is ctx.now's day in ctx.timezone), and it never throws — an unexpected error becomes a polite
 * failure, because a message must always get an answer and never a stack trace.
 */
export function parse(text: string, ctx: ParseContext): ParseResult {
  try {
    return parseUnsafe(text, ctx);
  } catch {
    return { ok: false, code: 'empty', message: messages.internal() };
  }
}

function parseUnsafe(raw: string, ctx: ParseContext): ParseResult {
  const exampleSchool = ctx.schools.schools[0]?.name;
  if (typeof raw !== 'string')
    return { ok: false, code: 'empty', message: messages.empty(ctx.role, exampleSchool) };
  // measured before any work, so a huge message costs nothing
  if (raw.length > MAX_MESSAGE_CHARS)
    return { ok: false, code: 'too_long', message: messages.tooLong(raw.length) };
  const text = normalizeText(raw, ctx.botNames);
  if (text === '') return { ok: false, code: 'empty', message: messages.empty(ctx.role, exampleSchool) };
  const today = dayInZone(ctx.now, ctx.timezone);

  const kw = matchKeyword(text);
  if (!kw) {
    // a bare number is a question about it: "ZG-12", "#12", "DD-7"
    const bare = text.replace(/[\s.。!?~]+$/, '');
    const item = /^(?:#|zg)/i.test(bare) ? normalizeItemId(bare) : undefined;
    if (item) return { ok: true, command: { command: 'query', item }, assumptions: [] };
    const record = normalizeRecordId(bare);
    if (record) return { ok: true, command: { command: 'query', record }, assumptions: [] };
    return { ok: true, command: { command: 'none' }, assumptions: [] };
  }

  switch (kw.intent) {
    case 'submit_record': {
      // "督导记录 DD-7" asks about a record
      const record = normalizeRecordId(kw.rest.replace(/[\s.。!?~]+$/, ''));
      if (record) return { ok: true, command: { command: 'query', record }, assumptions: [] };
      return parseRecord(kw.rest, ctx, today);
    }
    case 'todo':
      return { ok: true, command: { command: 'todo' }, assumptions: [] };
    case 'overdue':
      return { ok: true, command: { command: 'overdue' }, assumptions: [] };
    case 'digest_now':
      return { ok: true, command: { command: 'digest_now' }, assumptions: [] };
    case 'help':
      return { ok: true, command: { command: 'help' }, assumptions: [] };
    case 'stats': {
      const r = readStatsRange(kw.rest, today);
      if (!r.ok) return failure('bad_date', messages.badStatsRange(kw.rest));
      return {
        ok: true,
        command: { command: 'stats', from: r.from, to: r.to },
        assumptions: r.assumption ? [r.assumption] : [],
      };
    }
    case 'bind_chat':
      return parseBindChat(kw.rest, ctx);
    default:
      return parseItemCommand(kw.intent, kw.rest, ctx, today);
  }
}

function failure(code: ParseFailure['code'], message: string): ParseFailure {
  return { ok: false, code, message };
}

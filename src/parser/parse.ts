import type { ParseFailure, ParseResult } from '../domain/command.js';
import { dayInZone } from '../domain/day.js';
import { parseBindChat } from './bind-target.js';
import { suggestKeyword } from './did-you-mean.js';
import { normalizeItemId, normalizeRecordId, readLeadingId } from './item-number.js';
import { matchKeyword, type KeywordMatch } from './keywords.js';
import { MAX_MESSAGE_CHARS, messages } from './messages.js';
import { normalizeText } from './normalize-text.js';
import type { ParseContext } from './parse-context.js';
import { parseItemCommand } from './parse-item-command.js';
import { parseRecord } from './parse-record.js';
import { splitInlineQuote } from './quote.js';
import { toSimplified } from './simplified.js';
import { readStatsRange } from './stats-range.js';
import { charSet, trimEndChars, trimStartChars } from './trim.js';

/**
 * Text → Command, or a failure carrying the Chinese reply. Pure: no I/O, no global clock (today
 * is ctx.now's day in ctx.timezone), and it never throws — an unexpected error becomes a polite
 * failure, because a message must always get an answer and never a stack trace.
 *
 * The way through (README.md in this folder): length guard → canonical text (width, spaces,
 * mentions) → simplified characters → a quoted message set apart → fillers around the command
 * (`好的，收到 ZG-1`, `李校长：…`, `ZG-1 已整改`) → the keyword (or a typo of it) → the command.
 * Every step is linear in the text.
 */
export function parse(text: string, ctx: ParseContext): ParseResult {
  try {
    return parseUnsafe(text, ctx);
  } catch {
    return { ok: false, code: 'empty', message: messages.internal() };
  }
}

const LEAD = charSet(' \n:;,、。.-—~');
const TRAIL = charSet(' \n.。!?~');
/** Polite words before a command: 好的，收到 ZG-1 / 您好，申请延期 … */
const FILLER_RE = /^(?:好的|好|嗯嗯|嗯|ok|您好|你好|老师好|领导好|各位领导|各位老师|报告|请|麻烦)[ ,!。:]+/i;
/** A speaker before a command: 李校长：收到 ZG-41 */
const SPEAKER_RE = /^[\u4e00-\u9fff]{2,6}:/;
const CONFIRM_DUPLICATE = '确认重复';
/** Commands that may follow their item (ZG-41 已整改, ZG-41 申请延期至…, ZG-41 验收通过). */
const ITEM_FIRST: ReadonlySet<string> = new Set([
  'progress',
  'progress_done',
  'acknowledge',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'recheck',
  'recheck_pass',
  'recheck_reject',
  'reopen',
]);
/** Punctuation and spaces that a typed message has and a voice transcription lacks. */
const PUNCT = charSet(' \n:;,。、!?()');

function voiceLike(text: string, ctx: ParseContext): boolean {
  if (ctx.voice) return true;
  if (text.length < 12) return false;
  for (let i = 0; i < text.length; i++) if (PUNCT.has(text[i]!)) return false;
  return true;
}

interface Found {
  kw: KeywordMatch;
  /** the keyword was read from a homophone in a voice message (said on the reply) */
  heard?: string;
}

/** The keyword at the start, or after an item number written first (ZG-41 已整改, #12 收到). */
function keywordAt(text: string): KeywordMatch | undefined {
  const direct = matchKeyword(text);
  if (direct) return direct;
  const id = readLeadingId(text, { bare: false });
  if (id.ok && id.token.kind === 'item' && id.rest !== '') {
    const after = matchKeyword(trimStartChars(id.rest, LEAD));
    if (after && ITEM_FIRST.has(after.intent))
      return { ...after, rest: `${id.token.id} ${after.rest}`.trim() };
  }
  return undefined;
}

/** The command keyword, with the fillers people put around it (one filler, never a loop over them). */
function findKeyword(text: string, voice: boolean): Found | { typo: string } | undefined {
  const direct = keywordAt(text);
  if (direct) return { kw: direct };
  for (const re of [FILLER_RE, SPEAKER_RE]) {
    const m = re.exec(text);
    if (!m) continue;
    const kw = keywordAt(trimStartChars(text.slice(m[0].length), LEAD));
    if (kw) return { kw };
  }
  const s = suggestKeyword(text);
  if (!s) return undefined;
  if (voice) {
    const kw = matchKeyword(s.text);
    if (kw) return { kw, heard: text.slice(0, s.length) };
  }
  return { typo: s.text };
}

function parseUnsafe(raw: string, ctx: ParseContext): ParseResult {
  const exampleSchool = ctx.schools.schools[0]?.name;
  if (typeof raw !== 'string')
    return { ok: false, code: 'empty', message: messages.empty(ctx.role, exampleSchool) };
  // measured before any work, so a huge message costs nothing
  if (raw.length > MAX_MESSAGE_CHARS)
    return { ok: false, code: 'too_long', message: messages.tooLong(raw.length) };
  const canonical = toSimplified(normalizeText(raw, ctx.botNames));
  const { quote, body } = splitInlineQuote(canonical);
  let text = trimStartChars(body, LEAD);
  if (text === '') return { ok: false, code: 'empty', message: messages.empty(ctx.role, exampleSchool) };
  const today = dayInZone(ctx.now, ctx.timezone);
  const pctx: ParseContext = quote !== undefined && ctx.quote === undefined ? { ...ctx, quote } : ctx;

  let confirmDuplicate = false;
  if (text.includes(CONFIRM_DUPLICATE)) {
    confirmDuplicate = true;
    text = trimStartChars(text.replaceAll(CONFIRM_DUPLICATE, ' ').trim(), LEAD);
  }
  const voice = voiceLike(text, ctx);

  const found = findKeyword(text, voice);
  if (!found) {
    // a bare number is a question about it: "ZG-12", "#12", "DD-7"
    const bare = trimEndChars(text, TRAIL);
    const item = /^(?:#|z\s?g)/i.test(bare) ? normalizeItemId(bare) : undefined;
    if (item) return { ok: true, command: { command: 'query', item }, assumptions: [] };
    const record = normalizeRecordId(bare);
    if (record) return { ok: true, command: { command: 'query', record }, assumptions: [] };
    return { ok: true, command: { command: 'none' }, assumptions: [] };
  }
  if ('typo' in found)
    return {
      ok: false,
      code: 'did_you_mean',
      message: messages.didYouMean(found.typo),
      suggestion: found.typo,
    };

  const result = dispatch(found.kw, pctx, today, { voiceLike: voice, confirmDuplicate });
  if (found.heard && result.ok)
    result.assumptions.unshift(`语音识别为『${found.heard}』，按『${found.kw.keyword}』理解`);
  return result;
}

function dispatch(
  kw: KeywordMatch,
  ctx: ParseContext,
  today: string,
  o: { voiceLike: boolean; confirmDuplicate: boolean },
): ParseResult {
  switch (kw.intent) {
    case 'submit_record': {
      // "督导记录 DD-7" asks about a record
      const record = normalizeRecordId(trimEndChars(kw.rest, TRAIL));
      if (record) return { ok: true, command: { command: 'query', record }, assumptions: [] };
      return parseRecord(kw.rest, ctx, today, o);
    }
    case 'todo':
      return { ok: true, command: { command: 'todo' }, assumptions: [] };
    case 'overdue':
      return { ok: true, command: { command: 'overdue' }, assumptions: [] };
    case 'digest_now':
      return { ok: true, command: { command: 'digest_now' }, assumptions: [] };
    case 'board_link':
      return { ok: true, command: { command: 'board_link' }, assumptions: [] };
    case 'help':
      return { ok: true, command: { command: 'help' }, assumptions: [] };
    case 'stats': {
      const r = readStatsRange(kw.rest, today);
      if (!r.ok) return failure('bad_date', messages.badStatsRange(kw.rest.slice(0, 40)));
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

import type { ParseFailure, ParseResult } from '../domain/command.js';
import { dayInZone } from '../domain/day.js';
import { parseBindChat } from './bind-target.js';
import { suggestKeyword } from './did-you-mean.js';
import { normalizeItemId, normalizeRecordId, readLeadingId } from './item-number.js';
import { matchKeyword, type KeywordMatch } from './keywords.js';
import { zh } from '../text/zh-CN/index.js';
import { MAX_MESSAGE_CHARS, messages } from './messages.js';
import { normalizeText } from './normalize-text.js';
import type { ParseContext } from './parse-context.js';
import { parseItemCommand } from './parse-item-command.js';
import { looksLikeNarrativeRecord } from './narrative.js';
import { parseRecord } from './parse-record.js';
import { readPageTail } from './page-tail.js';
import { itemsInQuote, splitInlineQuote } from './quote.js';
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
/** A greeting: 各位领导好，ZG-12 已整改到位 / 王督学好！验收… / 王督学，… */
const GREETING_RE =
  /^(?:(?:各位)?(?:领导|老师|督学|校长|园长|主任)们?(?:好|您好|你好)?|[\u4e00-\u9fff]{1,2}(?:督学|校长|园长|主任|老师)(?:好|您好|你好)?)[ ,!。]+/;
/** A filler glued to the command, as voice and quick typing write it: 好的收到 ZG-12 */
const GLUED_FILLER_RE = /^(?:好的|好滴|嗯嗯|嗯|呃|那个|这个|好|请帮我|麻烦帮我|帮我|麻烦|请)/;
/** A short clause before the command: 经现场查看，验收 ZG-12 通过 (only for item commands and queries) */
const LEAD_CLAUSE_RE = /^[^,;。\n:]{1,10}[,;。]/;
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
  // "关于ZG-12，申请延期…", "关于 ZG-12 的整改：已完成"
  const id = readLeadingId(text.replace(ABOUT_RE, ''), { bare: false });
  if (id.ok && id.token.kind === 'item' && id.rest !== '') {
    let rest = trimStartChars(trimStartChars(id.rest, LEAD).replace(ITS_RE, ''), LEAD);
    // "ZG12 ZG13 都已整改": the command reads, and refuses the second item (one item a message)
    let others = '';
    for (let i = 0; i < 5; i++) {
      const next = readLeadingId(rest, { bare: false });
      if (!next.ok || next.token.kind !== 'item') break;
      others += `${next.token.id} `;
      rest = trimStartChars(next.rest, LEAD).replace(/^(?:都|均|全部)(?=已)/, '');
    }
    if (others !== '') {
      const kw = matchKeyword(rest);
      if ((kw && ITEM_FIRST.has(kw.intent)) || ITEM_DONE_RE.test(rest))
        return { intent: kw?.intent ?? 'progress_done', keyword: '', rest: `${id.token.id} ${others}` };
      return undefined;
    }
    const after = matchKeyword(rest);
    if (after && ITEM_FIRST.has(after.intent))
      return { ...after, rest: `${id.token.id} ${after.rest}`.trim() };
    // "ZG-45 正在整改中，预计本周五完成"
    if (DOING_RE.test(rest)) return { intent: 'progress', keyword: '', rest: `${id.token.id} ${rest}` };
    // "ZG-45 已按要求整改到位，请审核"
    const done = ITEM_DONE_RE.exec(rest);
    if (done)
      return {
        intent: 'progress_done',
        keyword: done[0],
        rest: `${id.token.id} ${trimStartChars(rest.slice(done[0].length), LEAD)}`.trim(),
      };
  }
  // "申请 ZG-45 延期至4月15日"; "我校已完成 ZG-45 的整改"
  const around = AROUND_ITEM_RE.exec(text);
  if (around) {
    const inner = readLeadingId(text.slice(around[0].length), { bare: false });
    if (inner.ok && inner.token.kind === 'item') {
      const after = trimStartChars(inner.rest, LEAD);
      const tail = (around[1] ? EXTENSION_TAIL_RE : DONE_TAIL_RE).exec(after);
      if (tail)
        return {
          intent: around[1] ? 'request_extension' : 'progress_done',
          keyword: around[0],
          rest: `${inner.token.id} ${trimStartChars(after.slice(tail[0].length), LEAD)}`.trim(),
        };
    }
  }
  return undefined;
}

const ABOUT_RE = /^关于\s?/;
const SPOKEN_DASH_RE = /(z\s?g)\s?杠\s?(?=[\d一二三四五六七八九十百])/gi;
const BRACKETED_ITEM_RE = /^[【[(]\s?((?:z\s?g\s?-?\s?|#)\d{1,9})\s?[】\])]/i;
const QUOTED_DONE_RE =
  /^(?:该问题|此问题|这个问题|该项|此项|问题)?(?:已经?|均已)(?:按要求)?(?:整改完毕|整改到位|整改完成|完成整改|整改好了?|整改|处理完毕|处理好了?|维修好了?|修好了?|修复好?了?|更换完毕|清理完毕|清理干净了?)/;
/** What an item is followed by before its news: ZG-12 的整改：已完成 */
const ITS_RE = /^(?:的)?(?:整改情况|整改工作|整改|问题)?(?=\s?[:,]|\s?已|\s?正在|\s?申请)/;
/** Done, said after the item without a command word: 已按要求整改到位, 均已整改完毕 */
const ITEM_DONE_RE =
  /^(?:已经?|均已|全部)(?:按要求|按期|全部)?(?:整改到位|整改完毕|整改完成|完成整改|整改好了?|处理完毕|处理好了?|维修好了?|修好了?|修复好?了?|更换完毕|清理完毕|清理干净了?)|^(?:已经?|均已)按要求(?:完成|整改)/;
/** A command word split around its item: 申请 ZG-45 延期…, 我校已完成 ZG-45 的整改 */
const AROUND_ITEM_RE = /^(申请|请求)\s?|^(?:我校|我们|本校|我园|本园)?(?:已经?|均已)(?:完成|落实)了?\s?/;
const EXTENSION_TAIL_RE = /^(?:的)?(?:延期|延长)(?:申请)?/;
const DONE_TAIL_RE = /^(?:的)?(?:整改|问题整改|整改工作|整改任务)/;

/** Work in progress, said without a command word (after the item, or replying to its notice). */
const DOING_RE = /^(?:正在整改|整改中|进行中|正在处理|处理中|推进中|正在推进)/;

/** The command keyword, with the fillers people put around it (one filler, never a loop over them). */
function findKeyword(text: string, voice: boolean, ctx: ParseContext): Found | { typo: string } | undefined {
  const direct = keywordAt(text);
  if (direct) return { kw: direct };
  for (const re of [FILLER_RE, SPEAKER_RE, GREETING_RE, GLUED_FILLER_RE]) {
    const m = re.exec(text);
    if (!m) continue;
    const kw = keywordAt(trimStartChars(text.slice(m[0].length), LEAD));
    if (kw) return { kw };
  }
  const clause = LEAD_CLAUSE_RE.exec(text);
  if (clause) {
    const kw = keywordAt(trimStartChars(text.slice(clause[0].length), LEAD));
    if (kw && (ITEM_FIRST.has(kw.intent) || kw.intent === 'query') && readLeadingId(kw.rest).ok)
      return { kw };
  }
  const reply = verdictReply(text, ctx);
  if (reply) return { kw: reply };
  const s = suggestKeyword(text);
  if (!s) return undefined;
  if (voice) {
    const kw = matchKeyword(s.text);
    if (kw) return { kw, heard: text.slice(0, s.length) };
  }
  return { typo: s.text };
}

/**
 * A decision written as a bare word, as people answer a request (docs/spec/commands.md → "Also read
 * as people really write"): `同意 ZG-12 延期`, `不同意 ZG-12 延期申请，…`, and — replying to a message
 * that names one item — `同意`, `不同意，…`, `通过`, `合格`, `不合格，…`. Without an item in the text
 * or the quote these words are talk, never a command.
 */
const VERDICT_RE =
  /^(不同意|不批准|同意|批准|不通过|未通过|不合格|通过|合格)(?![\u4e00-\u9fff])|^(不同意|不批准|同意|批准)(?=延期)/;
const EXTENSION_WORD_RE = /^(?:的)?(?:延期申请|延期)/;

function verdictReply(text: string, ctx: ParseContext): KeywordMatch | undefined {
  // "进行中，已联系物业" replying to a notice: progress on the quoted item
  if (DOING_RE.test(text) && ctx.quote !== undefined && itemsInQuote(ctx.quote).length > 0)
    return { intent: 'progress', keyword: '', rest: text };
  // "该问题已整改完毕，请验收" replying to a notice
  const done = QUOTED_DONE_RE.exec(text);
  if (done && ctx.quote !== undefined && itemsInQuote(ctx.quote).length > 0)
    return {
      intent: 'progress_done',
      keyword: done[0],
      rest: trimStartChars(text.slice(done[0].length), LEAD),
    };
  const m = VERDICT_RE.exec(text);
  if (!m) return undefined;
  const word = (m[1] ?? m[2])!;
  const extension = /同意|批准/.test(word);
  let rest = trimStartChars(text.slice(word.length), LEAD);
  const id = readLeadingId(rest, { bare: false });
  if (id.ok && id.token.kind === 'item') {
    const after = trimStartChars(id.rest, LEAD);
    const ext = EXTENSION_WORD_RE.exec(after);
    if (extension && !ext) return undefined; // 同意 ZG-12: agree to what?
    if (!extension) return undefined; // 通过 ZG-12 reads as 验收 only with the keyword
    rest = `${id.token.id} ${ext ? after.slice(ext[0].length) : after}`;
  } else {
    if (ctx.quote === undefined || itemsInQuote(ctx.quote).length === 0) return undefined;
    if (extension && !/延期/.test(ctx.quote) && !EXTENSION_WORD_RE.test(rest)) return undefined;
    const ext = EXTENSION_WORD_RE.exec(rest);
    if (ext) rest = trimStartChars(rest.slice(ext[0].length), LEAD);
  }
  const intent = extension
    ? word.startsWith('不')
      ? 'refuse_extension'
      : 'approve_extension'
    : /不|未/.test(word)
      ? 'recheck_reject'
      : 'recheck_pass';
  return { intent, keyword: word, rest };
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

  // 【ZG-12】已整改: the item in brackets; ZG杠12: the dash as it is said
  text = text.replace(BRACKETED_ITEM_RE, '$1 ');
  if (text.includes('杠')) text = text.replace(SPOKEN_DASH_RE, '$1-');
  let confirmDuplicate = false;
  if (text.includes(CONFIRM_DUPLICATE)) {
    confirmDuplicate = true;
    text = trimStartChars(text.replaceAll(CONFIRM_DUPLICATE, ' ').trim(), LEAD);
  }
  const voice = voiceLike(text, ctx);

  const found = findKeyword(text, voice, pctx);
  if (!found) {
    // a bare number is a question about it: "ZG-12", "#12", "DD-7"
    const bare = trimEndChars(text, TRAIL);
    const item = /^(?:#|z\s?g)/i.test(bare) ? normalizeItemId(bare) : undefined;
    if (item) return { ok: true, command: { command: 'query', item }, assumptions: [] };
    const record = normalizeRecordId(bare);
    if (record) return { ok: true, command: { command: 'query', record }, assumptions: [] };
    // "今天上午到龙泉小学督导，发现…" sent to the bot without 提交督导记录
    if (looksLikeNarrativeRecord(text, ctx.schools)) {
      const r = parseRecord(text, pctx, today, { voiceLike: voice, confirmDuplicate });
      if (r.ok) r.assumptions.unshift(zh.parser.narrative.noKeyword);
      return r;
    }
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
    result.assumptions.unshift(zh.parser.readings.heard(found.heard, found.kw.keyword));
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
    case 'overdue': {
      const page = readPageTail(kw.rest, { bare: true })?.page;
      return {
        ok: true,
        command: { command: kw.intent, ...(page && page > 1 ? { page } : {}) },
        assumptions: [],
      };
    }
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

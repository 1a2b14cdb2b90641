import type { Command, ParseFailure, ParseResult } from '../domain/command.js';
import { readDeadline, scanDeadlines } from './deadline.js';
import { deadlineFailure } from './parse-record.js';
import { readLeadingId, startsWithAnotherId, type IdToken } from './item-number.js';
import { matchKeyword, type Intent } from './keywords.js';
import { matchSchool } from './match-school.js';
import { readPageTail } from './page-tail.js';
import { messages } from './messages.js';
import { displayText, foldWidth } from './normalize-text.js';
import type { ParseContext } from './parse-context.js';
import { itemsInQuote } from './quote.js';
import { schoolFailure } from './school-failure.js';
import { charSet, trimEndChars, trimStartChars } from './trim.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * Commands about one item (收到, 整改进度, 申请延期, 同意/不同意延期, 验收/销号/退回, 重新打开) and
 * the queries (整改进度 <学校>, 查询 <学校>, 查询 ZG-12, DD-7). One message, one item: a second
 * item number is refused rather than silently dropped.
 */

const fail = (code: ParseFailure['code'], message: string): ParseFailure => ({ ok: false, code, message });
const ok = (command: Command, assumptions: string[] = []): ParseResult => ({
  ok: true,
  command,
  assumptions,
});

const EXAMPLES: Partial<Record<Intent, string>> = {
  progress: '整改进度 ZG-12 已完成 公示栏已更新',
  progress_done: '整改完成 ZG-12 公示栏已更新',
  acknowledge: '收到 ZG-12',
  request_extension: '申请延期 ZG-12 至 4月10日 原因：器材未到货',
  approve_extension: '同意延期 ZG-12',
  refuse_extension: '不同意延期 ZG-12 请按原期限完成',
  recheck: '验收 ZG-12 通过',
  recheck_pass: '销号 ZG-12',
  recheck_reject: '退回 ZG-12 公示栏仍未更新',
  reopen: '重新打开 ZG-12 原因：家长反映问题复发',
};

const DONE_RE =
  /^(?:(?:已经?|均已|全部)(?:完成整改|整改完毕|整改完成|整改到位|整改好|整改|完成|到位|完毕)|完成整改|整改完毕|整改完成|整改到位|整改好|完成)了?/;
/** "已完成50%", "已完成一半", "已完成百分之八十": a share done is work in progress. */
const PARTIAL_RE =
  /^\s?(?:约|大约)?(?:\d{1,2}(?:\.\d)?\s?%|百分之|一半|大半|过半|大部分|部分|[一二三四五六七八九]成|\d成)/;
const DOING_RE = /^(?:正在整改中|正在整改|整改中|进行中|正在处理|处理中|推进中|正在推进)/;
const PASS_RE = /^(?:通过|合格|同意销号|销号|验收通过)/;
const REJECT_RE = /^(?:退回|不通过|不合格|未通过|驳回)/;
const QUESTION_RE = /^(?:怎么样了?|如何了?|进展如何|到哪了|呢)?[\s?.。!~]*$/;

/** A period rather than a day: "延期一周" does not say from when, so it is refused. */
const DURATION_RE =
  /(?:\d|[一二两三四五六七八九十半])\s?个?\s?(?:工作日|天|日内|周|星期|礼拜|月内|个月)|立即|立行|当天|当日/;
/** A label before the note ("原因：…", "原因是…"); "理由不充分" is the note itself. */
const NOTE_LABEL_RE = /^(?:原因|理由|意见|备注|说明|情况)(?::|\s|是|为)/;

/** What follows the item: separators and a "原因：" label removed; undefined when nothing is left. */
const NOTE_HEAD = charSet(' \n:;,、。.-—!?');
const NOTE_TAIL = charSet(' \n:;,、');

function note(text: string): string | undefined {
  const t = trimEndChars(trimStartChars(text, NOTE_HEAD).replace(NOTE_LABEL_RE, ''), NOTE_TAIL).trim();
  return /^[\p{P}\s]*$/u.test(t) ? undefined : displayText(t);
}

type ItemRead = { ok: true; item: string; rest: string } | { ok: false; failure: ParseFailure };

/** The item number right after the keyword. */
function readItem(rest: string, intent: Intent): ItemRead {
  const example = EXAMPLES[intent] ?? '收到 ZG-12';
  const r = readLeadingId(rest);
  if (!r.ok) {
    return {
      ok: false,
      failure:
        r.bad !== undefined
          ? fail('bad_item', messages.badItem(r.bad, example))
          : fail('missing_field', messages.missingItem(example)),
    };
  }
  if (r.token.kind !== 'item')
    return { ok: false, failure: fail('bad_item', messages.badItem(r.token.id, example)) };
  if (startsWithAnotherId(r.rest))
    return { ok: false, failure: fail('bad_item', messages.oneItemOnly(example)) };
  return { ok: true, item: r.token.id, rest: r.rest };
}

function queryOf(token: IdToken): Command {
  return token.kind === 'item'
    ? { command: 'query', item: token.id }
    : { command: 'query', record: token.id };
}

const QUERY_PREFIX_RE = /^(?:学校|一下|下)\s?/;
const QUERY_SUFFIX_RE =
  /\s?(?:的)?(?:整改情况|整改进度|整改事项|督导情况|督导记录|情况|进度|事项|问题)?(?:怎么样了?|如何)?[\s?。!]*$/;

/** A query by item, record or school name (整改进度 …, 查询 …, 学校 …). */
export function parseQuery(text: string, ctx: ParseContext, onEmpty: () => ParseFailure): ParseResult {
  // "查询 龙泉小学 第2页": the page of a list, then what is asked about
  const paged = readPageTail(text);
  const rest = paged ? paged.rest : text;
  const page = paged && paged.page > 1 ? { page: paged.page } : {};
  if (rest.trim() === '') return onEmpty();
  // "查询逾期事项", "查看我的待办": the list asked for, not a school
  const list = matchKeyword(rest);
  if (list && (list.intent === 'overdue' || list.intent === 'todo'))
    return ok({ command: list.intent === 'overdue' ? 'overdue' : 'todo', ...page });
  const id = readLeadingId(rest, { bare: false });
  if (id.ok) return ok(queryOf(id.token));
  if (id.bad !== undefined) return fail('bad_item', messages.badItem(id.bad, '查询 ZG-12'));
  let school = matchSchool(rest, ctx.schools);
  if (!school.ok) {
    // "查询学校 二十七小", "查询光谷27小的整改情况", "查询 城关27小 整改进度"
    // a school name is short: the unanchored suffix pattern only ever sees a short text
    const bare = rest.length > 80 ? rest : rest.replace(QUERY_PREFIX_RE, '').replace(QUERY_SUFFIX_RE, '');
    if (bare !== rest && bare !== '') {
      const again = matchSchool(bare, ctx.schools);
      if (again.ok) school = again;
    }
  }
  if (!school.ok) return schoolFailure(school);
  return ok(
    { command: 'query', school: { id: school.school.id, name: school.school.name }, ...page },
    school.assumption ? [school.assumption] : [],
  );
}

/** 整改进度 / 进度: a query without a status, a progress report with one. */
function parseProgress(rest: string, ctx: ParseContext): ParseResult {
  const id = readLeadingId(rest);
  // "整改进度 ZG-12？", "进度 ZG-12 怎么样了" ask; they report nothing
  if (id.ok && QUESTION_RE.test(id.rest)) return ok(queryOf(id.token));
  if (!id.ok || id.token.kind === 'record') {
    return parseQuery(rest, ctx, () => fail('missing_field', messages.missingProgressTarget()));
  }
  const item = readItem(rest, 'progress');
  if (!item.ok) return item.failure;
  const after = item.rest.replace(/^[\s:;,、。.\-—]+/, '');
  const done = DONE_RE.exec(after);
  if (done && PARTIAL_RE.test(after.slice(done[0].length)))
    return ok(withNote({ command: 'report_progress', item: item.item, status: 'in_progress' }, note(after)));
  if (done)
    return ok(
      withNote(
        { command: 'report_progress', item: item.item, status: 'done' },
        note(after.slice(done[0].length)),
      ),
    );
  const doing = DOING_RE.exec(after);
  if (doing)
    return ok(
      withNote(
        { command: 'report_progress', item: item.item, status: 'in_progress' },
        note(after.slice(doing[0].length)),
      ),
    );
  return ok(withNote({ command: 'report_progress', item: item.item, status: 'in_progress' }, note(after)), [
    '未写『进行中』或『已完成』，按『进行中』登记',
  ]);
}

function withNote<T extends Command>(command: T, text: string | undefined): T {
  return text === undefined ? command : { ...command, note: text };
}

/** 申请延期 ZG-12 至 4月10日 原因：… — the date may also come after the reason. */
function parseExtension(rest: string, ctx: ParseContext, today: string): ParseResult {
  const item = readItem(rest, 'request_extension');
  if (!item.ok) return item.failure;
  const lead = /^(?:延期|延长|推迟|顺延|延)?(?:至|到)?/;
  const after = item.rest.replace(/^[\s:;,、。.\-—]+/, '');
  // the date right after the item, up to the next separator or 原因/因为
  const head = trimStartChars(after.replace(lead, ''), NOTE_HEAD);
  const cut = /[\s,;。]|原因|理由|因为|由于/.exec(head);
  const candidates: [string, string][] = [
    [head.slice(0, cut ? cut.index : head.length), head.slice(cut ? cut.index : head.length)],
  ];
  // or "…，延期至4月10日" anywhere
  const later = /(?:延期|延长|推迟|顺延|延)?(?:至|到)([^\s,;。]+)/.exec(after);
  if (later)
    candidates.push([
      later[1]!,
      after.slice(0, later.index) + ' ' + after.slice(later.index + later[0].length),
    ]);
  // or the last deadline written anywhere ("…，预计4月15日前完成")
  const strong = scanDeadlines(after.slice(0, 400), today, ctx.calendar).filter((h) => h.strong);
  const last = strong[strong.length - 1];
  if (last && !DURATION_RE.test(last.text)) candidates.push([last.text, after]); // the date is part of the reason's sentence: kept in it
  for (const [dateText, reasonText] of candidates) {
    if (dateText === '' || dateText.length > 60) continue; // no date is written that long
    const r = readDeadline(dateText, today, ctx.calendar);
    if (!r.ok && r.error.kind === 'invalid_date')
      return fail(
        'bad_deadline',
        messages.invalidDeadline(r.error.text, r.error.detail ?? '不是有效日期', '延期日期'),
      );
    if (!r.ok) continue;
    if (DURATION_RE.test(dateText)) {
      return fail('bad_deadline', messages.relativeUntil(dateText, item.item));
    }
    if (r.day < today) return fail('bad_deadline', messages.untilInPast(r.day, today));
    const reason = note(reasonText);
    const command: Command = {
      command: 'request_extension',
      item: item.item,
      until: r.day,
      ...(reason ? { reason } : {}),
    };
    return ok(command, r.assumption ? [r.assumption] : []);
  }
  const attempted = candidates[0]![0];
  if (attempted !== '' && /\d|月|日|号|周|天/.test(attempted)) {
    return fail('bad_deadline', messages.unreadableDeadline(attempted, '延期日期'));
  }
  return fail('missing_field', messages.missingUntil(item.item));
}

/** 验收 ZG-12 通过/退回 [意见]; 验收 通过 ZG-12 also reads. */
function parseRecheck(rest: string, ctx: ParseContext, today: string): ParseResult {
  let text = rest;
  let verdict: boolean | undefined;
  const leading = PASS_RE.exec(text) ?? REJECT_RE.exec(text);
  if (leading) {
    verdict = PASS_RE.test(leading[0]);
    text = text.slice(leading[0].length).replace(/^[\s:;,、。.\-—]+/, '');
  }
  const item = readItem(text, 'recheck');
  if (!item.ok) return item.failure;
  let after = item.rest.replace(/^[\s:;,、。.\-—]+/, '');
  if (verdict === undefined) {
    const reject = REJECT_RE.exec(after);
    const pass = reject ? undefined : PASS_RE.exec(after);
    if (!reject && !pass) return fail('missing_field', messages.missingVerdict(item.item));
    verdict = !reject;
    after = after.slice((reject ?? pass)![0].length);
  }
  const command = withNote({ command: 'recheck' as const, item: item.item, pass: verdict }, note(after));
  return verdict ? ok(command) : rejectWithDeadline(command, ctx, today);
}

/**
 * 退回 with a new deadline in its reason ("退回 ZG-12 公示栏仍未更新，3个工作日内整改"): the deadline,
 * counted from today, goes with the command (`until`); the handler gives one when the old deadline
 * has passed and none is written.
 */
function rejectWithDeadline(
  command: Extract<Command, { command: 'recheck' }>,
  ctx: ParseContext,
  today: string,
): ParseResult {
  if (!command.note) return ok(command);
  // the note is display text (full-width ：，); the deadline patterns read the canonical form
  const hits = scanDeadlines(foldWidth(command.note), today, ctx.calendar).filter((h) => h.strong);
  const hit = hits[hits.length - 1];
  if (!hit) return ok(command);
  if (!hit.result.ok) return deadlineFailure(hit.result.error, '新的整改期限');
  if (hit.result.day < today) return fail('bad_deadline', messages.untilInPast(hit.result.day, today));
  return ok({ ...command, until: hit.result.day }, hit.result.assumption ? [hit.result.assumption] : []);
}

/** Intents that act on one item: a quoted message may name it (`收到` in reply to a notice). */
const QUOTE_INTENTS: ReadonlySet<Intent> = new Set([
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

/** Every intent about one item, and the queries. */
export function parseItemCommand(
  intent: Intent,
  rest: string,
  ctx: ParseContext,
  today: string,
): ParseResult {
  // A reply that names no item acts on the item of the message it quotes (the quote is context:
  // only its item number is used). Several items in the quote: ask which.
  if (ctx.quote !== undefined && !readLeadingId(trimStartChars(rest, NOTE_HEAD)).ok) {
    const quoted = itemsInQuote(ctx.quote);
    const bareProgress =
      intent === 'progress' &&
      (rest.trim() === '' || DONE_RE.test(rest.trim()) || DOING_RE.test(rest.trim()));
    if (quoted.length > 0 && (QUOTE_INTENTS.has(intent) || bareProgress)) {
      if (quoted.length > 1)
        return fail('bad_item', messages.quoteManyItems(quoted, EXAMPLES[intent] ?? '收到 ZG-12'));
      const r = parseItemCommand(intent, `${quoted[0]} ${rest}`, { ...ctx, quote: undefined }, today);
      if (r.ok) r.assumptions.unshift(zh.parser.readings.quoted(quoted[0]!));
      return r;
    }
  }
  switch (intent) {
    case 'progress':
      return parseProgress(rest, ctx);
    case 'query':
      return parseQuery(rest, ctx, () => fail('missing_field', messages.missingQuery()));
    case 'request_extension':
      return parseExtension(rest, ctx, today);
    case 'recheck':
      return parseRecheck(rest, ctx, today);
  }
  const item = readItem(rest, intent);
  if (!item.ok) return item.failure;
  const n = note(item.rest);
  switch (intent) {
    case 'progress_done':
      // "ZG-12 已完成80%": a share done is work in progress
      if (PARTIAL_RE.test(item.rest.replace(/^[\s:;,、。.\-—]+/, '')))
        return ok(
          withNote(
            { command: 'report_progress', item: item.item, status: 'in_progress' },
            note(`已完成${item.rest}`),
          ),
        );
      return ok(withNote({ command: 'report_progress', item: item.item, status: 'done' }, n));
    case 'acknowledge':
      return ok(withNote({ command: 'acknowledge', item: item.item }, n));
    case 'approve_extension':
    case 'refuse_extension':
      return ok(
        withNote(
          { command: 'decide_extension', item: item.item, approve: intent === 'approve_extension' },
          n,
        ),
      );
    case 'recheck_pass':
      return ok(withNote({ command: 'recheck', item: item.item, pass: true }, n));
    case 'recheck_reject':
      return rejectWithDeadline(
        withNote({ command: 'recheck', item: item.item, pass: false }, n),
        ctx,
        today,
      );
    case 'reopen':
      return ok(withNote({ command: 'reopen', item: item.item }, n));
    default:
      // unreachable: every item intent is handled above
      return fail('missing_field', messages.internal());
  }
}

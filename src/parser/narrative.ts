import { charSet, trimChars } from './trim.js';
import type { SchoolIndex } from './school-index.js';

/**
 * A record told as prose (docs/spec/commands.md → "Also read as people really write"):
 *
 *   今天上午到龙泉小学开展了常规督导，发现三年级作业公示栏未按周更新，要求月底前整改。
 *
 * From the prose before the findings: the school (the first roster name or short name it
 * mentions), the visit date (the first date: 3月15日, 今天, 上周五…), the kind (挂牌督导, 常规督导,
 * 双减专项督导 → 专项督导 with topic 双减, 暗访…). The findings start at 发现 / 存在 (`未发现问题`
 * means none); what follows is split into problems at `；` and `。` (numbered lists as usual), and
 * the last sentences that speak to all of them (`要求…`, `以上问题…`, `请学校于…`) are the
 * record's 整改要求, whose deadline is the record's. Commas never split a finding: one item holding
 * two findings loses nothing, a finding cut in two would be an item that makes no sense.
 *
 * Bounded: the school, date and kind are looked for in the first 300 characters; every scan is
 * one global expression or a loop with look-ups of at most 20 characters: linear.
 */

export interface Narrative {
  /** the school as written (a roster name or short name) */
  school: string;
  /** the visit date as written, with a weekday after it if any */
  date?: string;
  /** the kind as readVisitKind reads it ("专项督导(双减)暗访") */
  kind?: string;
  /** the prose before the findings */
  findings?: string;
  /** the findings as problem lines, when the prose has them */
  problems?: string[];
  /** the prose says nothing was found (未发现问题) */
  none?: boolean;
  /** the sentences after the findings that speak to all of them (要求…月底前整改) */
  requirement?: string;
  /** other roster schools the prose names before the findings (a joint visit: asked, not guessed) */
  others: string[];
}

const HEAD = 300;
const MAX_NAME = 20;

/** The first roster school named in a text (longest name at the earliest position). */
export function findSchoolMention(
  text: string,
  index: SchoolIndex,
): { start: number; name: string } | undefined {
  const head = text.slice(0, HEAD);
  for (let i = 0; i < head.length - 1; i++) {
    for (let len = Math.min(MAX_NAME, head.length - i); len >= 2; len--) {
      const s = head.slice(i, i + len);
      if (index.byName.has(s) || index.byShortName.has(s)) return { start: i, name: s };
    }
  }
  return undefined;
}

const CN = '[一二三四五六七八九十]';
const DATE_TOKEN_RE = new RegExp(
  [
    '\\d{4}\\s?年\\s?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?[日号]?',
    '\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}',
    `(?<![\\d年])(?:\\d{1,2}|${CN}{1,2})\\s?月\\s?(?:\\d{1,2}|${CN}{1,3})\\s?[日号]`,
    '大前天|前天|昨天|昨日|今天|今日|明天|明日|后天',
    '(?:本|这|上)个?(?:周|星期|礼拜)[一二三四五六日天]',
    // 3.15上午 / 3/15 / 15日上午 (this month)
    '(?<![\\d./年月])\\d{1,2}[./]\\d{1,2}(?![\\d./])(?=\\s?(?:上午|下午|晚上|日|号|,|到|在|对|去|赴|\\s|$))',
    `(?<![\\d./年月第])(?:\\d{1,2}|${CN}{1,3})\\s?[日号](?=\\s?(?:上午|下午|晚上|,|到|在|对|去|赴|\\s))`,
  ].join('|'),
  'g',
);
const WEEKDAY_AFTER_RE = /^\s?\(?(?:周|星期|礼拜)[一二三四五六日天]\)?/;

/** The first date in a text, with the weekday written after it. */
function findDate(text: string): string | undefined {
  DATE_TOKEN_RE.lastIndex = 0;
  const m = DATE_TOKEN_RE.exec(text);
  if (!m) return undefined;
  const wd = WEEKDAY_AFTER_RE.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 8));
  return m[0] + (wd ? wd[0] : '');
}

const KIND_RE = /挂牌督导|经常性督导|常规督导|日常督导|专项督导|随机督导|综合督导|回头看|复查|随机抽查/;
const MANNER_RE = /暗访|明查|明察/;
/** The topic before 专项督导: the words after the verb ("开展了双减专项督导", "参加课后服务专项督导"). */
const TOPIC_RE = /(?:开展|进行|参加|组织|实施|做|搞)了?(?:一次|了)?([\u4e00-\u9fff“”"]{1,12})$/;

const BRACKET_TOPIC_RE = /^\(([^()]{1,12})\)/;

function findKind(text: string): string | undefined {
  const k = KIND_RE.exec(text);
  const manner = MANNER_RE.exec(text)?.[0];
  if (!k) return manner;
  let topic: string | undefined;
  if (k[0] === '专项督导') {
    // 专项督导（送教上门）, or the words before it: 开展了双减专项督导
    const bracket = BRACKET_TOPIC_RE.exec(text.slice(k.index + k[0].length, k.index + k[0].length + 20));
    const t = bracket ?? TOPIC_RE.exec(text.slice(Math.max(0, k.index - 16), k.index));
    if (t) topic = t[1];
  }
  return `${k[0]}${topic ? `(${topic})` : ''}${manner ?? ''}`;
}

/** The visit date and kind a prose text states (for a 基本情况 section that tells them). */
export function visitFacts(text: string): { date?: string; kind?: string } {
  const head = text.slice(0, HEAD);
  const date = findDate(head);
  const kind = findKind(head);
  return { ...(date ? { date } : {}), ...(kind ? { kind } : {}) };
}

/** Where the findings start: 发现 / 存在, and the words that only announce them. */
const CUE_RE = /(?:发现|存在)/g;
const CUE_TAIL_RE =
  /^(?:了)?(?:存在)?(?:的)?(?:以下|如下|下列)?(?:几个|[一二两三四五六七八九十\d]{1,2}\s?(?:个|点|项|条|处))?(?:方面)?(?:的)?(?:主要)?(?:问题|不足|隐患)?(?:如下|有)?(?:[一二两三四五六七八九十\d]{1,2}\s?(?:个|点|项|条|处))?(?:\s?[:,])?/;
/** The cue's words that announce a list ("存在以下问题：") rather than begin a finding. */
const ANNOUNCES_RE = /问题|不足|隐患|以下|如下|下列|[:,]/;
const CLAUSE_END = charSet(',;。\n:');
/** With no 发现/存在: a contrast after what was fine ("…较好，但…") */
const CONTRAST_RE = /[,;。]\s?(?:但是|但|不过)[,]?/g;
/** 未发现, 没有发现, 无…: a finding of nothing */
const NEGATION = charSet('未没无');
const NOTHING_RE = /^(?:新的?|明显的?|其他|任何|重大)?(?:的)?(?:问题|不足|隐患|异常)/;

/** A clause of demands after a finding, with more than a deadline in it: "，要求学校立即调查处理，…" */
const DEMAND_RE = /,(?:要求|请|责令|限)(?=[^,]{5,})/;
/** …that names when: a date or a count of days, 立即, 月底… */
const DEADLINE_HINT_RE =
  /\d|[一二两三四五六七八九十]\s?(?:个工作日|天|周|日)|立即|马上|月底|月末|年底|本周|下周|节前|节后/;
/** "等问题" closing a list of findings adds nothing. */
const ETC_RE = /等(?:问题|情况|现象|隐患|不足)(?=[,;。\n]|$)/g;
/** A sentence that speaks to all findings. */
const REQUIREMENT_RE = /^(?:以上|上述|所有|全部|各项|均|务必|要求|请|限|责令|督促|整改要求|整改期限|期限)/;
const LINE_TRIM = charSet(' \n,;。、:');

/**
 * Read a prose record. `withProblems`: the message has no 问题 field, so the findings come from
 * the prose. Undefined when the prose names no school of the roster.
 */
export function readNarrative(
  prose: string,
  index: SchoolIndex,
  withProblems: boolean,
  /** the school, when a label gave it (督导学校：龙泉小学 ⏎ 今天上午…) */
  known?: string,
): Narrative | undefined {
  const school = known !== undefined ? { start: 0, name: known } : findSchoolMention(prose, index);
  if (!school) return undefined;

  // the first finding cue after the school; a negated one (未发现问题) only says there is none
  let cue: { start: number; end: number } | undefined;
  let none = false;
  CUE_RE.lastIndex = school.start;
  for (let m = CUE_RE.exec(prose); m; m = CUE_RE.exec(prose)) {
    const before = prose[m.index - 1];
    const negated =
      (before !== undefined && NEGATION.has(before)) || prose.slice(m.index - 2, m.index) === '没有';
    if (negated) {
      if (NOTHING_RE.test(prose.slice(m.index + 2, m.index + 10))) none = true;
      continue;
    }
    const tail = CUE_TAIL_RE.exec(prose.slice(m.index + 2, m.index + 40))?.[0] ?? '';
    cue = { start: m.index, end: m.index + 2 + tail.length };
    if (m[0] === '存在' && !ANNOUNCES_RE.test(tail)) {
      // "校门口存在安全隐患": the finding is the whole clause, its subject before 存在
      let s = m.index;
      const floor = known !== undefined ? 0 : school.start + school.name.length;
      while (s > floor && !CLAUSE_END.has(prose[s - 1]!)) s--;
      cue = { start: s, end: s };
    }
    break;
  }

  if (!cue && !none) {
    // "…上次的问题已整改，但午睡室消毒记录仍不完整，一周内补齐": a contrast brings the finding
    CONTRAST_RE.lastIndex = school.start + school.name.length;
    const m = CONTRAST_RE.exec(prose);
    if (m) cue = { start: m.index, end: m.index + m[0].length };
  }

  const intro = prose.slice(0, cue?.start ?? prose.length);
  const out: Narrative = { school: school.name, others: [] };
  if (known === undefined) {
    // "到龙泉小学和龙泉中学开展联合督导": which one the record is for is not ours to guess
    const first = index.byName.get(school.name) ?? index.byShortName.get(school.name)?.[0];
    let from = school.start + school.name.length;
    for (let i = 0; i < 3; i++) {
      const more = findSchoolMention(intro.slice(from), index);
      if (!more) break;
      const s = index.byName.get(more.name) ?? index.byShortName.get(more.name)?.[0];
      if (s && s !== first && !out.others.includes(more.name)) out.others.push(more.name);
      from += more.start + more.name.length;
    }
  }
  const date = findDate(intro.slice(0, HEAD));
  if (date) out.date = date;
  const kind = findKind(intro.slice(0, HEAD));
  if (kind) out.kind = kind;
  const findings = trimChars(intro, LINE_TRIM);
  if (findings !== '') out.findings = findings;
  if (!withProblems) return out;
  if (!cue) {
    if (none) out.none = true;
    return out;
  }

  // the sentences after the findings that speak to all of them
  const sentences = prose
    .slice(cue.end)
    .replace(ETC_RE, '')
    .split(/[。\n]/)
    .map((s) => trimChars(s, LINE_TRIM))
    .filter((s) => s !== '');
  let last = sentences.length;
  while (last > 1 && REQUIREMENT_RE.test(sentences[last - 1]!)) last--;
  const requirement = sentences.slice(last);
  // "发现X，要求学校立即调查处理，3月19日前报送处理结果": the demand closing the last finding
  const final = sentences[last - 1];
  const demand = final === undefined ? undefined : DEMAND_RE.exec(final);
  const demandText = demand ? final!.slice(demand.index + 1) : '';
  // only a demand of more than one clause: "，要求一周内整改" alone is the finding's own deadline
  if (demand && demand.index > 0 && demandText.includes(',') && DEADLINE_HINT_RE.test(demandText)) {
    requirement.unshift(demandText);
    sentences[last - 1] = final!.slice(0, demand.index);
  }
  if (requirement.length > 0) out.requirement = requirement.join('。');
  out.problems = sentences
    .slice(0, last)
    .flatMap((s) => s.split(';'))
    .map((s) => trimChars(s, LINE_TRIM))
    .filter((s) => s !== '');
  return out;
}

/** Words that tell a message without a command keyword is a visit told as prose. */
const VISIT_RE = /督导|检查|视导|走访|暗访|巡查|督查|调研|抽查/;

/**
 * Whether a message without a keyword is a record told as prose: it names a roster school near
 * its start, a visit, and something found there (a plain remark about a school is not a record).
 */
export function looksLikeNarrativeRecord(text: string, index: SchoolIndex): boolean {
  const head = text.slice(0, HEAD);
  if (!VISIT_RE.test(head)) return false;
  const school = findSchoolMention(head.slice(0, 80), index);
  if (!school) return false;
  CUE_RE.lastIndex = school.start;
  for (let m = CUE_RE.exec(head); m; m = CUE_RE.exec(head)) {
    const before = head[m.index - 1];
    if (before !== undefined && NEGATION.has(before)) continue;
    return true;
  }
  return false;
}

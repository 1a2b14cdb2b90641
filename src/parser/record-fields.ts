import { looksLikeKind, looksLikeVisitDate } from './field-starts.js';
import { charSet, trimChars } from './trim.js';

/**
 * A visit record's labelled fields, found anywhere in the text (docs/spec/commands.md → "Also read as
 * people really write"): at the start of a line, after a separator (space ; , 。 、), or right
 * after the previous value with nothing between (`学校：龙泉小学日期：3月15日`). A label is
 * followed by ':' (also '：' before normalisation, or 如下：), or stands without one where nothing
 * else can be meant: alone on its line, between spaces (`学校 龙泉小学 日期 3月15日`), or in a
 * transcribed voice message without punctuation (`学校龙泉小学日期三月十五日问题…`).
 *
 * A field never swallows the next label. The rules that keep free text intact:
 * - a label glued to the text before it (no separator: a *weak* boundary) opens a field only when
 *   that field is not open yet and its value looks right (a date after 日期/时间, a kind after
 *   类型/方式): "课后服务时间：延长至18:00" stays inside a problem;
 * - inside free text (情况, 亮点, 问题, 备注) a weak-boundary label opens only 问题, 期限 and the
 *   remark sections, which is what a one-line record puts there;
 * - inside the 问题 block an inline "期限:" belongs to that problem, not to the record.
 *
 * 整改建议 [建议, 意见建议, …] and 备注 are remarks, never problems; 整改要求 is read for a deadline
 * (parse-record.ts) and kept as a remark.
 *
 * Linear: labels are found by looking up the few substrings that end at a ':' or start at a
 * position (labels are at most 6 characters), never by a backtracking expression.
 */

export type FieldKey =
  | 'school'
  | 'date'
  | 'kind'
  | 'topic'
  | 'findings'
  | 'highlights'
  | 'problems'
  | 'deadline'
  | 'remark'
  | 'requirement'
  | 'people';

export const FIELD_LABELS: Readonly<Record<FieldKey, readonly string[]>> = {
  school: [
    '学校',
    '校名',
    '督导学校',
    '园所',
    '学校名称',
    '被督导学校',
    '督导对象',
    '被督导单位',
    '单位名称',
  ],
  date: ['日期', '督导日期', '时间', '督导时间', '检查时间', '检查日期', '走访时间', '走访日期'],
  kind: ['类型', '督导类型', '方式', '督导方式', '督导形式'],
  topic: ['主题', '专项', '督导主题', '专项内容'],
  findings: ['情况', '督导情况', '内容', '督导内容', '基本情况', '检查情况', '督导过程', '总体情况'],
  highlights: ['亮点', '经验', '特色', '工作亮点', '主要亮点', '经验做法', '特色亮点'],
  problems: [
    '问题',
    '存在问题',
    '发现问题',
    '整改问题',
    '存在的问题',
    '发现的问题',
    '主要问题',
    '问题清单',
    '存在不足',
    '不足之处',
    '发现问题及整改要求',
    '存在问题及整改要求',
    '问题及整改要求',
    '问题及整改意见',
    '存在问题及整改建议',
    '存在问题及整改意见',
  ],
  deadline: ['期限', '整改期限', '整改时限', '完成时限', '完成期限'],
  remark: [
    '备注',
    '建议',
    '整改建议',
    '意见建议',
    '意见和建议',
    '督导建议',
    '工作建议',
    '整改意见',
    '意见',
    '督导意见',
  ],
  requirement: ['整改要求', '要求'],
  people: ['督学', '督导人', '督导人员', '责任督学', '参加人员', '陪同人员'],
};

/** The Chinese name of each field, as messages show it. */
export const FIELD_NAMES: Readonly<Record<FieldKey, string>> = {
  school: '学校',
  date: '日期',
  kind: '类型',
  topic: '主题',
  findings: '情况',
  highlights: '亮点',
  problems: '问题',
  deadline: '期限',
  remark: '备注',
  requirement: '整改要求',
  people: '督学',
};

const LABEL_TO_KEY = new Map<string, FieldKey>();
for (const [key, labels] of Object.entries(FIELD_LABELS) as [FieldKey, readonly string[]][]) {
  for (const l of labels) LABEL_TO_KEY.set(l, key);
}
const MAX_LABEL = Math.max(...[...LABEL_TO_KEY.keys()].map((l) => l.length));
const MIN_LABEL = Math.min(...[...LABEL_TO_KEY.keys()].map((l) => l.length));

/** Characters after which a label starts cleanly (a strong boundary). */
const SEP = charSet(' ;,。、!?)]】」』.\t');
/** Free-text fields: inside them a glued label opens only what a record puts after them. */
const FREE_TEXT: ReadonlySet<FieldKey> = new Set([
  'findings',
  'highlights',
  'problems',
  'remark',
  'requirement',
]);
const OPENS_INSIDE_FREE_TEXT: ReadonlySet<FieldKey> = new Set([
  'problems',
  'remark',
  'requirement',
  'deadline',
]);
const VALUE_TRIM = charSet(' ;,:');

export interface RecordFields {
  /** each occurrence of a field, as its value lines (the label's own line first, if non-empty) */
  fields: Map<FieldKey, string[][]>;
  /** lines before the first label */
  preamble: string[];
  /** the label of each occurrence, in the same order as `fields` (整改建议, 督学…) */
  labels: Map<FieldKey, string[]>;
  /** labels read without a colon (voice, or `学校 龙泉小学`): said on the reply */
  colonless: string[];
}

export interface SplitOptions {
  /** a transcribed voice message, or text with no punctuation at all: glued labels without ':' count */
  voiceLike?: boolean;
  /** whether a text starts with a school name of the roster (validates a label without ':') */
  startsWithSchool?: (text: string) => boolean;
}

interface Candidate {
  /** where the label starts */
  start: number;
  /** where its value starts (after the label, 如下 and ':') */
  valueStart: number;
  key: FieldKey;
  label: string;
  colon: boolean;
  boundary: 'line' | 'sep' | 'weak';
}

function boundaryAt(text: string, start: number): Candidate['boundary'] {
  if (start === 0 || text[start - 1] === '\n') return 'line';
  return SEP.has(text[start - 1]!) ? 'sep' : 'weak';
}

/** The longest label ending at `end` (exclusive), or undefined. */
function labelEndingAt(text: string, end: number): string | undefined {
  for (let len = Math.min(MAX_LABEL, end); len >= MIN_LABEL; len--) {
    const s = text.slice(end - len, end);
    if (LABEL_TO_KEY.has(s)) return s;
  }
  return undefined;
}

/** The longest label starting at `start`, or undefined. */
function labelStartingAt(text: string, start: number): string | undefined {
  for (let len = Math.min(MAX_LABEL, text.length - start); len >= MIN_LABEL; len--) {
    const s = text.slice(start, start + len);
    if (LABEL_TO_KEY.has(s)) return s;
  }
  return undefined;
}

/** Every label followed by ':' (or 如下:), in order. */
function colonCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (let c = text.indexOf(':'); c !== -1; c = text.indexOf(':', c + 1)) {
    let end = c;
    if (text.slice(c - 2, c) === '如下') end = c - 2;
    const label = labelEndingAt(text, end);
    if (!label) continue;
    const start = end - label.length;
    out.push({
      start,
      valueStart: c + 1,
      key: LABEL_TO_KEY.get(label)!,
      label,
      colon: true,
      boundary: boundaryAt(text, start),
    });
  }
  return out;
}

/** Labels without a colon: alone on a line, between separators, or (voice) glued. */
function colonlessCandidates(text: string, voiceLike: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < text.length; i++) {
    const boundary = boundaryAt(text, i);
    if (boundary === 'weak' && !voiceLike) continue;
    const label = labelStartingAt(text, i);
    if (!label) continue;
    const after = i + label.length;
    const next = text[after];
    if (next === ':' || (next === '如' && text[after + 1] === '下')) continue; // a colon label
    const alone = next === undefined || next === '\n';
    if (!alone && !voiceLike && next !== ' ') continue;
    out.push({
      start: i,
      // spoken, a label is often followed by 是: 学校是龙泉小学, 问题是…
      valueStart: next === ' ' || next === '\n' || (voiceLike && next === '是') ? after + 1 : after,
      key: LABEL_TO_KEY.get(label)!,
      label,
      colon: false,
      boundary: alone && boundary !== 'weak' ? 'line' : boundary,
    });
    i = after - 1;
  }
  return out;
}

/** The first line of a value, for the validators. */
function valueHead(text: string, from: number): string {
  // never search past 40 characters: a line can be the whole 10,000-character message
  const window = text.slice(from, from + 40);
  const nl = window.indexOf('\n');
  return trimChars(nl === -1 ? window : window.slice(0, nl), VALUE_TRIM);
}

/**
 * Labels that may open a field glued to the text before them without a colon (voice). Common
 * words (内容, 要求, 意见, 经验, 特色, 专项) are left out: inside a sentence they are words.
 */
const GLUED_OK: ReadonlySet<string> = new Set([
  '学校',
  '督导学校',
  '日期',
  '督导日期',
  '时间',
  '督导时间',
  '类型',
  '督导类型',
  '督导方式',
  '情况',
  '督导情况',
  '亮点',
  '问题',
  '存在问题',
  '发现问题',
  '存在的问题',
  '发现的问题',
  '主要问题',
  '整改期限',
  '备注',
  '整改建议',
  '意见建议',
  '督导建议',
]);

/** Whether a value fits its field well enough to open it without a clean boundary or a colon. */
function fits(c: Candidate, head: string, o: SplitOptions): boolean {
  if (head === '') return false;
  switch (c.key) {
    case 'date':
      return looksLikeVisitDate(head);
    case 'kind':
      return looksLikeKind(head);
    case 'school':
      return c.colon || !o.startsWithSchool || o.startsWithSchool(head);
    case 'topic':
    case 'people':
      return c.colon; // without a colon only where the boundary is clean
    default:
      return true;
  }
}

/** Which candidates open a field, given the state so far (see the file comment). */
function accept(text: string, candidates: Candidate[], o: SplitOptions): Candidate[] {
  const taken: Candidate[] = [];
  const seen = new Set<FieldKey>();
  let current: FieldKey | undefined;
  let lastEnd = 0;
  for (const c of candidates) {
    if (c.start < lastEnd) continue; // inside a label already taken
    if (current === 'problems' && c.key === 'deadline' && c.boundary !== 'line') continue; // a problem's own 期限
    let ok: boolean;
    const head = valueHead(text, c.valueStart);
    if (c.colon && c.boundary !== 'weak') ok = true;
    else if (c.colon) {
      ok =
        !seen.has(c.key) &&
        fits(c, head, o) &&
        (OPENS_INSIDE_FREE_TEXT.has(c.key) || current === undefined || !FREE_TEXT.has(current));
    } else if (c.boundary === 'line' && (text[c.valueStart - 1] === '\n' || c.valueStart >= text.length)) {
      ok = !seen.has(c.key) || c.key === current; // a label alone on its line
    } else {
      // without a colon, between spaces or glued (voice): only a field not yet open, value checked
      ok =
        !seen.has(c.key) &&
        fits(c, head, o) &&
        (c.boundary !== 'weak' || (!!o.voiceLike && GLUED_OK.has(c.label))) &&
        (OPENS_INSIDE_FREE_TEXT.has(c.key) || current === undefined || !FREE_TEXT.has(current));
    }
    if (!ok) continue;
    taken.push(c);
    seen.add(c.key);
    current = c.key;
    lastEnd = c.valueStart;
  }
  return taken;
}

function linesOf(value: string): string[] {
  const out: string[] = [];
  for (const line of value.split('\n')) {
    const t = trimChars(line, VALUE_TRIM);
    if (t !== '') out.push(t);
  }
  return out;
}

/** A section number before a heading label: 二、存在问题, （三）整改要求, 3.整改意见 */
const SECTION_RE = /^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十\d]{1,2}\)|\d{1,2}[.、])\s?$/;

/** Where the line of a label starts when only a section number stands before it, else the label. */
function sectionStart(text: string, start: number): number {
  let ls = start;
  while (ls > 0 && start - ls < 8 && text[ls - 1] !== '\n') ls--;
  if (ls === start || (ls > 0 && text[ls - 1] !== '\n')) return start;
  return SECTION_RE.test(text.slice(ls, start)) ? ls : start;
}

/** Split a record's body (normalised text, keyword removed) into its fields. */
export function splitRecordFields(body: string, o: SplitOptions = {}): RecordFields {
  const candidates = [...colonCandidates(body), ...colonlessCandidates(body, !!o.voiceLike)].sort(
    (a, b) => a.start - b.start || (a.colon === b.colon ? 0 : a.colon ? -1 : 1),
  );
  const taken = accept(body, candidates, o);
  const fields = new Map<FieldKey, string[][]>();
  const labels = new Map<FieldKey, string[]>();
  const first = taken[0]?.start ?? body.length;
  const preamble = linesOf(body.slice(0, first));
  const colonless: string[] = [];
  taken.forEach((c, i) => {
    const next = taken[i + 1];
    const end = next ? sectionStart(body, next.start) : body.length;
    const list = fields.get(c.key) ?? [];
    list.push(linesOf(body.slice(c.valueStart, end)));
    fields.set(c.key, list);
    const names = labels.get(c.key);
    if (names) names.push(c.label);
    else labels.set(c.key, [c.label]);
    if (!c.colon && c.boundary !== 'line') colonless.push(c.label);
  });
  return { fields, labels, preamble, colonless };
}

/** Whether a text starts with a record label and ':' (a record sent without its keyword). */
export function startsWithLabel(text: string): FieldKey | undefined {
  const c = colonCandidates(text.slice(0, MAX_LABEL + 3))[0];
  return c && c.start === 0 ? c.key : undefined;
}

/** How many distinct labelled fields a text has. */
export function countLabels(text: string): number {
  return splitRecordFields(text).fields.size;
}

/** Every label word in a text, where it starts (for the "swallowed a label" check). */
export function labelPositions(text: string): { start: number; label: string; key: FieldKey }[] {
  const out: { start: number; label: string; key: FieldKey }[] = [];
  for (let i = 0; i < text.length; i++) {
    const l = labelStartingAt(text, i);
    if (l && GLUED_OK.has(l)) {
      out.push({ start: i, label: l, key: LABEL_TO_KEY.get(l)! });
      i += l.length - 1;
    }
  }
  return out;
}

/**
 * A visit record's labelled fields. Labels (with their synonyms from docs/spec/commands.md) may be followed
 * by ':' (after normalisation, also '：') or stand alone on their line with the value below; the
 * order is free. A short form on one line separates fields with ';' (also ',' or a space) — a new
 * field starts there only when a label and ':' follow, so "缺2月数据；3月31日前补齐" stays one text.
 *
 * Inside the 问题 block, an inline "期限:" belongs to that problem, not to the record.
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
  | 'remark';

export const FIELD_LABELS: Readonly<Record<FieldKey, readonly string[]>> = {
  school: ['学校', '校名', '督导学校', '园所', '学校名称', '被督导学校'],
  date: ['日期', '督导日期', '时间', '督导时间'],
  kind: ['类型', '督导类型', '方式', '督导方式'],
  topic: ['主题', '专项', '督导主题'],
  findings: ['情况', '督导情况', '内容', '督导内容'],
  highlights: ['亮点', '经验', '特色'],
  problems: ['问题', '存在问题', '发现问题', '整改问题'],
  deadline: ['期限', '整改期限', '整改时限'],
  remark: ['备注'],
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
};

const LABEL_TO_KEY = new Map<string, FieldKey>();
for (const [key, labels] of Object.entries(FIELD_LABELS) as [FieldKey, readonly string[]][]) {
  for (const l of labels) LABEL_TO_KEY.set(l, key);
}
// longest first, so 督导情况 wins over 情况 and 整改问题 over 问题
const LABELS = [...LABEL_TO_KEY.keys()].sort((a, b) => b.length - a.length).join('|');
const LINE_LABEL_RE = new RegExp(`^(${LABELS})(?:如下)?(?::|$)`);
const INLINE_LABEL_RE = new RegExp(`[;, ](?=(${LABELS})(?:如下)?:)`, 'g');

export interface RecordFields {
  /** each occurrence of a field, as its value lines (the label's own line first, if non-empty) */
  fields: Map<FieldKey, string[][]>;
  /** lines before the first label */
  preamble: string[];
}

/** Whether a text starts with a record label and ':' (a record sent without its keyword). */
export function startsWithLabel(text: string): FieldKey | undefined {
  const m = LINE_LABEL_RE.exec(text);
  return m && text.charAt(m[0].length - 1) === ':' ? LABEL_TO_KEY.get(m[1]!) : undefined;
}

/** How many distinct labelled fields a text has. */
export function countLabels(text: string): number {
  return splitRecordFields(text).fields.size;
}

function segments(line: string, current: FieldKey | undefined): string[] {
  if (!line.includes(':')) return [line]; // an inline field needs its colon
  const cuts: number[] = [];
  INLINE_LABEL_RE.lastIndex = 0;
  const own = LINE_LABEL_RE.exec(line);
  let field = own ? LABEL_TO_KEY.get(own[1]!) : current;
  for (let m = INLINE_LABEL_RE.exec(line); m; m = INLINE_LABEL_RE.exec(line)) {
    const key = LABEL_TO_KEY.get(m[1]!)!;
    if (field === 'problems' && key === 'deadline') continue; // a problem's own 期限
    cuts.push(m.index);
    field = key;
  }
  if (cuts.length === 0) return [line];
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(line.slice(from, c));
    from = c + 1;
  }
  out.push(line.slice(from));
  return out.filter((s) => s !== '');
}

/** Split a record's body (normalised text, keyword removed) into its fields. */
export function splitRecordFields(body: string): RecordFields {
  const fields = new Map<FieldKey, string[][]>();
  const preamble: string[] = [];
  let current: string[] | undefined;
  let currentKey: FieldKey | undefined;
  for (const line of body.split('\n')) {
    for (const seg of segments(line, currentKey)) {
      const m = LINE_LABEL_RE.exec(seg);
      if (m) {
        const key = LABEL_TO_KEY.get(m[1]!)!;
        current = [];
        currentKey = key;
        const list = fields.get(key) ?? [];
        list.push(current);
        fields.set(key, list);
        const value = seg.slice(m[0].length).trim();
        if (value !== '') current.push(value);
      } else if (current) {
        current.push(seg);
      } else {
        preamble.push(seg);
      }
    }
  }
  return { fields, preamble };
}

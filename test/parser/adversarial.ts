/**
 * Messages built to make a parser slow: long runs of what its patterns look for (punctuation,
 * digits, spaces, labels, numbering markers, deadline words, mentions, quotes) after each command
 * keyword, cut to just under the length limit. Shared by test/parser/linear-time.test.ts and
 * bench/parser-adversarial.ts.
 */

export const PREFIXES = [
  '',
  '绑定本群 ',
  '提交督导记录\n学校：',
  '提交督导记录 学校：龙泉小学 问题：',
  '提交督导记录学校龙泉小学问题',
  '学校：龙泉小学\n问题：1.',
  '收到 ',
  '整改进度 ',
  '申请延期 ZG-1 至',
  '验收 ZG-1 ',
  '退回 ZG-1 ',
  '统计 ',
  '查询 ',
  'ZG-1',
  '「王建国：',
  '@督导助手 ',
];

export const UNITS = [
  '!',
  ' ',
  '。',
  '，',
  '；',
  '：',
  '、',
  '1',
  '12',
  '1.',
  '1、',
  '①',
  '(一)',
  '（一）',
  '一是',
  '第一，',
  '一',
  '十',
  '问题：',
  '学校：',
  '日期',
  '时间：',
  '3月',
  '3月15日',
  '个工作日',
  '日前',
  '周',
  '国庆节前',
  '节后',
  '下学期开学前',
  '@张三 ',
  '『',
  '」',
  '- ',
  'ZG-',
  '#',
  '督导',
  '學校：',
  'x ',
  '\n',
];

export const TAILS = ['', 'x', '龙泉小学', '\n- - - -\n收到'];

/** One adversarial message of about `length` characters (never over it). */
export function adversarial(prefix: string, unit: string, tail: string, length = 9_990): string {
  const n = Math.max(1, Math.floor((length - prefix.length - tail.length) / unit.length));
  return prefix + unit.repeat(n) + tail;
}

/** Every combination, as [label, text]. */
export function* allAdversarial(length = 9_990): Generator<[string, string]> {
  for (const p of PREFIXES)
    for (const u of UNITS)
      for (const t of TAILS)
        yield [
          `${JSON.stringify(p)} + ${JSON.stringify(u)}… + ${JSON.stringify(t)}`,
          adversarial(p, u, t, length),
        ];
}

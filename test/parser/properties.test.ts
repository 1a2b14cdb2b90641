import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commandSchema,
  parseErrorCodes,
  visitKinds,
  type Problem,
  type SubmitRecord,
} from '../../src/domain/command.js';
import { addDays, splitDay } from '../../src/domain/day.js';
import { parse } from '../../src/parser/index.js';
import { calendar, ctxAt, schools } from './fixture.js';

/** Every result is well-formed: a valid Command, or a known code with a Chinese message and no stack. */
function expectWellFormed(r: ReturnType<typeof parse>): void {
  if (r.ok) {
    expect(commandSchema.safeParse(r.command).success, JSON.stringify(r.command)).toBe(true);
    expect(Array.isArray(r.assumptions)).toBe(true);
  } else {
    expect(parseErrorCodes).toContain(r.code);
    expect(r.message.length).toBeGreaterThan(0);
    expect(r.message).not.toMatch(/\bat .*\.(?:ts|js)|Error:|undefined|NaN/);
  }
}

const ctx = ctxAt('2021-03-16');
const keywordPrefix = fc.constantFrom(
  '',
  '提交督导记录\n学校：',
  '收到 ',
  '整改进度 ',
  '申请延期 ZG-1 至',
  '验收 ',
  '统计 ',
  '绑定本群 ',
  '查询 ',
  '问题：',
  '@督导助手 ',
);
const nasty = fc.constantFrom(
  '\u0000',
  '\u202e',
  '\ud800',
  '\udfff',
  '👩‍👩‍👧',
  '\r',
  '\u2028',
  '：',
  '（',
  '１',
  '＠',
  '#',
  'ZG-',
  '第',
  '周',
  '月',
  '日前',
  '个工作日内',
  '\u3000',
  '①',
  '、',
);

describe('parse never throws and always answers well-formed', () => {
  it('on any string (binary code units, emoji, control characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => expectWellFormed(parse(s, ctx))),
      { numRuns: 1500 },
    );
  });
  it('on command-shaped noise', () => {
    const noise = fc.array(
      fc.oneof(
        nasty,
        fc.string({ unit: 'grapheme', maxLength: 6 }),
        fc.integer({ min: 0, max: 40 }).map(String),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(keywordPrefix, noise, (k, parts) => expectWellFormed(parse(k + parts.join(''), ctx))),
      { numRuns: 1500 },
    );
  });
  it('on a 100 KB message (too_long, at once)', () => {
    const big =
      '提交督导记录\n学校：龙泉小学\n问题：' + '1、作业公示栏未更新，5个工作日内整改\n'.repeat(6000);
    expect(big.length).toBeGreaterThan(100_000);
    const t0 = performance.now();
    const r = parse(big, ctx);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(r).toMatchObject({ ok: false, code: 'too_long' });
  });
  it('on long adversarial inputs just under the limit, quickly', () => {
    const inputs = [
      '1'.repeat(9_999),
      '周'.repeat(9_999),
      '提交督导记录\n问题：' + '1、'.repeat(4_990),
      '提交督导记录\n学校：龙泉小学\n问题：' + '五个工作日'.repeat(1_990),
      '提交督导记录\n学校：龙泉小学\n问题：' + '3月'.repeat(4_990),
      '提交督导记录\n学校：龙泉小学\n问题：' + '十'.repeat(9_980),
      '提交督导记录\n学校：' + '龙泉'.repeat(4_990),
      '申请延期 ZG-1 至' + '下个月'.repeat(3_300),
      '统计 ' + '2021-'.repeat(1_990),
      '提交督导记录\n' + '学校：;'.repeat(2_400),
      '提交督导记录\n学校：龙泉小学\n问题：' + ' \t'.repeat(4_990),
    ];
    for (const s of inputs) {
      expect(s.length).toBeLessThanOrEqual(10_000);
      // CPU time, not wall time: the test machine may be busy. The bound only catches runaway
      // regular expressions (catastrophic backtracking takes seconds to hours), not slowness.
      const c0 = process.cpuUsage();
      expectWellFormed(parse(s, ctx));
      const c = process.cpuUsage(c0);
      expect((c.user + c.system) / 1000, s.slice(0, 30)).toBeLessThan(1_000);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Width and whitespace variation

const BASE_TEXTS = [
  '@督导助手 提交督导记录\n学校：龙泉小学\n日期：3月15日（周一）\n类型：专项督导（双减）\n情况：抽查三、五年级作业公示和课后服务台账。\n问题：\n1、三年级作业公示栏未按周更新，5个工作日内整改\n2、课后服务学生签到表缺2月数据；3月31日前补齐',
  '提交督导记录 学校：城关27小；日期：2021-03-15；问题：1、食堂留样不全；2、消防通道堵塞，立即整改',
  '提交督导记录\n学校：实验幼儿园\n日期：3/15\n类型：随机督导(暗访)\n亮点：户外活动充足!\n问题：\n(1)保育员健康证过期，一周内补办\n(2)午睡室消毒记录不全 (下周一前)\n备注：园长陪同。',
  '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：1.作业公示栏未更新 2.签到表缺数据',
  '整改进度 ZG-12 已完成，照片见附件',
  '整改进度：ZG-12 进行中 已完成一半',
  '申请延期 ZG-12 至 4月10日 原因：器材未到货',
  '验收 ZG-12 退回，照片看不清(公示栏日期)',
  '统计 3月1日至3月15日',
  '统计 2021-02',
  '绑定本群 城关责任区',
  '查询 城关第27小学',
  '收到 ZG-12',
  '帮助?',
  '待办!',
  '提交督导记录\n学校：龙泉\n日期：3月15日',
  '提交督导记录\n学校：龙泉小学\n日期：3月20日',
  '提交督导记录\n学校：龙泉小学\n问题：作业公示栏未更新，下下周内整改',
];

const FULL: Record<string, string> = {};
for (let c = 0x21; c <= 0x7e; c++) FULL[String.fromCharCode(c)] = String.fromCharCode(c + 0xfee0);
const HALF: Record<string, string> = Object.fromEntries(Object.entries(FULL).map(([h, f]) => [f, h]));
const SEPARATORS = new Set([
  ':',
  ';',
  ',',
  '(',
  ')',
  '!',
  '?',
  '：',
  '；',
  '，',
  '（',
  '）',
  '！',
  '？',
  '、',
  '。',
]);
const SPACES = [' ', '  ', '\t', '\u3000', '\u00a0', ' \u3000'];

/** A variant of `text` in which only width, spacing, line endings and mentions differ. */
function vary(text: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const lines = text.split('\n').map((line) => {
    let out = '';
    for (const ch of line) {
      let c = ch;
      if (FULL[c] && rnd() < 0.5) c = FULL[c]!;
      else if (HALF[c] && rnd() < 0.5) c = HALF[c]!;
      if (ch === ' ') c = pick(SPACES);
      if (SEPARATORS.has(ch) && rnd() < 0.4)
        c = (rnd() < 0.5 ? pick(SPACES) : '') + c + (rnd() < 0.5 ? pick(SPACES) : '');
      out += c;
    }
    if (rnd() < 0.3) out = pick(SPACES) + out;
    if (rnd() < 0.3) out += pick(SPACES);
    if (rnd() < 0.1) out += ' @督导助手';
    return out;
  });
  let joined = lines.join(rnd() < 0.5 ? '\r\n' : '\n');
  if (rnd() < 0.3) joined = '@督导助手\u2005' + joined;
  if (rnd() < 0.2) joined = joined.replace('\n', '\n\n \n');
  return joined;
}

describe('full/half width, whitespace, line endings and mentions never change the result', () => {
  it('for every base text and random variants', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASE_TEXTS), fc.integer(), (text, seed) => {
        let s = seed >>> 0 || 1;
        const rnd = () => ((s = (s * 1_103_515_245 + 12_345) >>> 0) % 10_000) / 10_000;
        const variant = vary(text, rnd);
        expect(parse(variant, ctx), JSON.stringify(variant)).toStrictEqual(parse(text, ctx));
      }),
      { numRuns: 600 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Round trip: a random valid record, rendered as a supervisor would write it, parses back

// Characters that can form no label, keyword, number, date or deadline (see record-fields.ts, deadline.ts)
const SAFE = [
  ...'生作业公示栏课服务台账教师食堂安全消防通道宿舍图书档案资料卫生环境管理制度落实记录检查规范家长会议活动操场器材实验室午餐饮水厕所围墙照明监控',
];
const safeWord = fc.array(fc.constantFrom(...SAFE), { minLength: 2, maxLength: 12 }).map((cs) => cs.join(''));
const safeText = fc.array(safeWord, { minLength: 1, maxLength: 3 }).map((ws) => ws.join('，'));
const safeLines = fc.array(safeText, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
const TOPICS = [
  '双减',
  '开学工作',
  '疫情防控',
  '幼儿园办园行为',
  '校园安全',
  '招生收费',
  '民办学校',
  '食堂管理',
];
const pickable = schools.filter((s) => s.active && s.id !== 's-hxxx' && s.id !== 's-hxyey');

const dayIn2021or2022 = fc.integer({ min: 0, max: 729 }).map((n) => addDays('2021-01-01', n));

interface Generated {
  today: string;
  command: SubmitRecord;
  render: {
    deadlineForms: ('date' | 'workdays' | 'none')[];
    workdays: number[];
    yearless: boolean;
    separator: string;
    useShort: boolean;
    order: number[];
    kindInLabel: boolean;
    marker: number;
    lineBreakLabels: boolean;
  };
}

const generated: fc.Arbitrary<Generated> = fc
  .record({
    today: dayIn2021or2022,
    back: fc.integer({ min: 0, max: 200 }),
    school: fc.constantFrom(...pickable),
    kind: fc.constantFrom(...visitKinds),
    manner: fc.option(fc.constantFrom('暗访' as const, '明查' as const), { nil: undefined }),
    topic: fc.option(fc.constantFrom(...TOPICS), { nil: undefined }),
    findings: fc.option(safeLines, { nil: undefined }),
    highlights: fc.option(safeText, { nil: undefined }),
    remark: fc.option(safeText, { nil: undefined }),
    problems: fc.array(
      fc.record({
        text: safeText,
        form: fc.constantFrom('date' as const, 'workdays' as const, 'none' as const),
        after: fc.integer({ min: 0, max: 150 }),
        n: fc.integer({ min: 1, max: 30 }),
      }),
      { maxLength: 5 },
    ),
    yearless: fc.boolean(),
    separator: fc.constantFrom('：', ':'),
    useShort: fc.boolean(),
    order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 }),
    kindInLabel: fc.boolean(),
    marker: fc.integer({ min: 0, max: 5 }),
    lineBreakLabels: fc.boolean(),
  })
  .map((g) => {
    const date = addDays(g.today, -g.back);
    const problems: Problem[] = g.problems.map((p) => {
      if (p.form === 'date')
        return { text: p.text, deadline: addDays(date, p.after), deadlineSource: 'text' };
      if (p.form === 'workdays')
        return { text: p.text, deadline: calendar.addWorkdays(date, p.n), deadlineSource: 'text' };
      return { text: p.text, deadline: calendar.addWorkdays(date, 10), deadlineSource: 'default' };
    });
    const command: SubmitRecord = {
      command: 'submit_record',
      school: { id: g.school.id, name: g.school.name },
      date,
      kind: g.kind,
      ...(g.manner ? { manner: g.manner } : {}),
      ...(g.topic ? { topic: g.topic } : {}),
      ...(g.findings ? { findings: g.findings } : {}),
      ...(g.highlights ? { highlights: g.highlights } : {}),
      ...(g.remark ? { remark: g.remark } : {}),
      problems,
    };
    return {
      today: g.today,
      command,
      render: {
        deadlineForms: g.problems.map((p) => p.form),
        workdays: g.problems.map((p) => p.n),
        yearless: g.yearless && date.slice(0, 4) === g.today.slice(0, 4),
        separator: g.separator,
        useShort: g.useShort && (g.school.shortNames?.length ?? 0) > 0,
        order: g.order,
        kindInLabel: g.kindInLabel,
        marker: g.marker,
        lineBreakLabels: g.lineBreakLabels,
      },
    };
  });

const cnDay = (d: string, withYear: boolean) => {
  const p = splitDay(d)!;
  return `${withYear ? `${p.year}年` : ''}${p.month}月${p.day}日`;
};
const MARKERS = [
  (i: number) => `${i}、`,
  (i: number) => `${i}.`,
  (i: number) => `（${i}）`,
  (i: number) => `(${i})`,
  (i: number) => '①②③④⑤'[i - 1]!,
  () => '',
];

function render({ command: c, render: r }: Generated): string {
  const label = (name: string, value: string) =>
    r.lineBreakLabels ? `${name}\n${value}` : `${name}${r.separator}${value}`;
  const school = r.useShort ? pickable.find((s) => s.id === c.school.id)!.shortNames[0]! : c.school.name;
  const kindValue = `${c.kind}${c.manner ? ` ${c.manner}` : ''}${c.topic && r.kindInLabel ? `（${c.topic}）` : ''}`;
  const problemLines = c.problems.map((p, i) => {
    const form = r.deadlineForms[i];
    const tail =
      form === 'date'
        ? `，${cnDay(p.deadline, true)}前`
        : form === 'workdays'
          ? `，${r.workdays[i]}个工作日内整改`
          : '';
    return `${MARKERS[r.marker]!(i + 1)}${p.text}${tail}`;
  });
  const blocks = [
    label('学校', school),
    label('日期', cnDay(c.date, !r.yearless)),
    label('类型', kindValue),
    c.topic && !r.kindInLabel ? label('主题', c.topic) : '',
    c.findings ? label('情况', c.findings) : '',
    [c.highlights ? label('亮点', c.highlights) : '', c.remark ? label('备注', c.remark) : '']
      .filter(Boolean)
      .join('\n'),
    c.problems.length ? `问题${r.separator}\n${problemLines.join('\n')}` : '',
  ];
  return ['提交督导记录', ...r.order.map((i) => blocks[i]!).filter((b) => b !== '')].join('\n');
}

describe('a rendered record parses back to the same Command', () => {
  it('for random valid records', () => {
    fc.assert(
      fc.property(generated, (g) => {
        const text = render(g);
        const r = parse(text, ctxAt(g.today));
        expect(r.ok, `${text}\n${JSON.stringify(r)}`).toBe(true);
        if (r.ok) expect(r.command, text).toStrictEqual(g.command);
      }),
      { numRuns: 700 },
    );
  });
});

// The message catalogue (src/text/zh-CN/) holds every sentence a user reads. Two promises about
// it: every entry is used somewhere in the code (a dead entry is wording nobody reviews for a
// reason), and every entry, rendered with long but real arguments, fits where it is shown on
// every platform (src/platforms/card-limits.ts; the smallest message is a WeCom text of 2048
// bytes). Where an entry is shown is read from its key: `…title`, `…subtitle`, `buttons.…` and
// `statusWord…`; anything else is lines of a card or a message. The export workbook's texts
// (`reports.…`) are held to Excel's limits instead: a `…sheet` is a sheet's name, a `…footer` a
// printed page's footer, anything else a cell. What operators and an office's IT person read in a
// terminal or an API answer (`roster.…`, the import's mistakes; `doctor.…`; `cli.…`) is not a chat:
// no platform's limit holds it, only that it is there and used. Nor are the browser pages' texts
// (`board.page.…`, `sim.page.…`), which the pages fill with {name} marks: used where a page names them.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_LIMITS } from '../../src/platforms/card-limits.js';
import { utf8Bytes } from '../../src/platforms/split-message.js';
import { zh } from '../../src/text/zh-CN/index.js';

const root = resolve(import.meta.dirname, '../..');

type Leaf = { path: string; value: unknown };

function leaves(node: unknown, path: string[] = []): Leaf[] {
  if (typeof node === 'string' || typeof node === 'function') return [{ path: path.join('.'), value: node }];
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, k]));
  throw new Error(`${path.join('.')}: a catalogue entry is a string or a function, not ${typeof node}`);
}

const all = leaves(zh);

// ---------------------------------------------------------------- every entry is used

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir))) {
    const p = join(dir, e);
    if (statSync(join(root, p)).isDirectory()) out.push(...sources(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const code = ['src', 'handlers', 'jobs', 'cards']
  .flatMap(sources)
  .filter((f) => !f.startsWith(join('src', 'text')))
  .map((f) => readFileSync(join(root, f), 'utf8'))
  .join('\n');

/**
 * The groups a browser page reads (it cannot import the catalogue): the server writes each whole
 * into its page, so naming the group there uses nothing; the page's script names each entry as
 * `ZH.<key>` and its HTML as `{{zh.<area>.…}}`, and those are the uses.
 */
const PAGE_GROUPS: Record<string, string> = {
  'board.page': join('src', 'http', 'board', 'public'),
  'sim.page': join('src', 'platforms', 'sim', 'public'),
};

function pageFiles(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.js') || f.endsWith('.html'))
    .map((f) => readFileSync(join(root, dir, f), 'utf8'));
}

/** Every `zh.a.b.c` in the code. A path that names a group (zh.cards.buttons[action]) uses all of it. */
function usedPaths(): { exact: Set<string>; groups: string[] } {
  const exact = new Set<string>();
  const groups: string[] = [];
  const use = (path: string) => {
    exact.add(path);
    if (path.split('.').length >= 2 && !all.some((l) => l.path === path) && !(path in PAGE_GROUPS))
      groups.push(`${path}.`);
  };
  const pages = Object.values(PAGE_GROUPS).flatMap(pageFiles).join('\n');
  for (const m of `${code}\n${pages}`.matchAll(/(?<![\w$.])zh((?:\s*\.\s*[A-Za-z_$][\w$]*)+)/g))
    use(m[1]!.replace(/\s/g, '').slice(1));
  for (const [group, dir] of Object.entries(PAGE_GROUPS))
    for (const m of pageFiles(dir)
      .join('\n')
      .matchAll(/(?<![\w$.])ZH((?:\.[A-Za-z_$][\w$]*)+)/g))
      use(`${group}${m[1]}`);
  return { exact, groups };
}

describe('the message catalogue', () => {
  it('has every entry used in the code', () => {
    const { exact, groups } = usedPaths();
    const unused = all
      .map((l) => l.path)
      .filter((p) => !exact.has(p) && !groups.some((g) => p.startsWith(g)));
    expect(unused).toEqual([]);
  });

  it('is only read through zh, the catalogue of the locale', () => {
    const direct = [...code.matchAll(/from\s+'[^']*src\/text\/zh-CN\/(?!index\.js')[^']*'/g)].map(
      (m) => m[0],
    );
    expect(direct).toEqual([]);
  });
});

// ---------------------------------------------------------------- every entry fits

/**
 * Long but real values, by the name of the parameter they fill: the longest school name of a
 * county roster, a four-character name, six-digit item numbers, a date with its weekday, a visit
 * kind with manner and topic. A new parameter name needs its line here.
 */
const DAY = '12月31日 周四';
const PERSON = '欧阳晓明';
const SAMPLES: Record<string, unknown> = {
  item: 'ZG-123456',
  record: 'DD-12345',
  school: '重庆市大足区龙水镇第二中心小学',
  zone: '龙水湖片区第三责任区',
  name: PERSON,
  person: PERSON,
  supervisor: PERSON,
  roles: '督学、领导、管理员',
  day: DAY,
  date: DAY,
  until: DAY,
  deadline: DAY,
  moment: '12月31日 23:59',
  year: '2026',
  month: 12,
  hour: '23',
  minute: '59',
  n: 999,
  page: 999,
  pages: 999,
  of: 999,
  days: 999,
  workdays: 99,
  kind: '综合督导·暗访（义务教育现代化学校创建）',
  manner: '暗访',
  topic: '义务教育现代化学校创建',
  status: '待验收',
  when: '还有 99 个工作日到期',
  action: '验收通过，销号',
  verb: '报告已完成整改，待验收',
  verdict: '不同意延期，期限仍为 12月31日 周四',
  position: '（12/12）',
  title: '督导记录 DD-12345',
  label: '未销号（全部）',
  value: '三年级作业公示栏未按周更新，课后服务学生签到表缺2月数据，已要求学校限期整改',
  note: '公示栏已更新，照片稍后补发',
  url: `https://dudao.example.gov.cn/board/login?t=${'x'.repeat(120)}`,
  command: '申请延期 ZG-123456 至 12月31日 原因：…',
  who: '督学、领导或该校校长',
  example: '申请延期 ZG-12 至 4月10日 原因：器材未到货',
  period: `${DAY} 至 ${DAY}`,
  from: DAY,
  text: '三年级作业公示栏未按周更新，课后服务学生签到表缺2月数据，已要求学校限期整改，请于周五前报送整改照片及说明材料',
  next: DAY,
  dayOff: '劳动节',
  items: 'ZG-123456、ZG-123457、ZG-123458、ZG-123459、ZG-123460',
  to: DAY,
  scope: '龙水湖片区第三责任区',
  names:
    '重庆市大足区龙水镇第二中心小学、重庆市大足区龙水镇第三中心小学、重庆市大足区龙水镇中学、重庆市大足区龙水镇第一小学、重庆市大足区龙水湖实验学校',
  people: `${PERSON}、${PERSON}、${PERSON}、${PERSON}、${PERSON}`,
  unit: '所',
  percent: '100%',
  supervisors: 999,
  schools: 999,
  visits: 9999,
  visited: 999,
  total: 999,
  problems: 9999,
  closed: 9999,
  open: 9999,
  awaiting: 9999,
  due: 9999,
  overdue: 9999,
  // the parser's replies (src/text/zh-CN/parser.ts)
  role: 'supervisor',
  kindText: '综合督导暗访加专项督导（义务教育优质均衡）',
  deadlineText: '下学期开学后第三个礼拜的周三之前',
  length: 99_999,
  limit: 10_000,
  field: '整改期限',
  values: ['3月31日前', '5个工作日内', '月底前'],
  query: '重庆市大足区龙水镇第二中心小',
  suggestions: ['重庆市大足区龙水镇第二中心小学', '重庆市大足区龙水镇第三中心小学', '重庆市大足区龙水镇中学'],
  candidates: ['重庆市大足区龙水镇第二中心小学', '重庆市大足区龙水镇第三中心小学', '重庆市大足区龙水镇中学'],
  reason: '看不懂日期『上上个礼拜三下午』',
  detail: '2月没有30日',
  where: '延期后的日期',
  words: ['问题', '整改期限', '整改建议'],
  reading: `学校：重庆市大足区龙水镇第二中心小学\n日期：${DAY}\n类型：综合督导·暗访（义务教育现代化学校创建）`,
  suggestion: '验收 ZG-123456 通过',
  itemIds: ['ZG-123456', 'ZG-123457', 'ZG-123458'],
  which: '第12项问题',
  visit: DAY,
  bad: 'ZG-十二万三千四百五十六',
  zoneNames: ['龙水湖片区第一责任区', '龙水湖片区第二责任区', '龙水湖片区第三责任区', '龙水湖片区第四责任区'],
  today: DAY,
  // the export workbook (src/text/zh-CN/reports.ts)
  dayOfMonth: 31,
  sheet: '整改事项',
  office: '重庆市大足区人民政府教育督导室',
  what: '督导统计',
  isToday: true,
  // the roster import (src/text/zh-CN/roster.ts)
  path: `/home/dudao/${'名单'.repeat(40)}/督导室名单2026年春季学期（第二次修订）.xlsx`,
  extension: '.numbers',
  hint: '可用的列：编号、名称、简称、类型、性质、责任区、备注',
  header: '企业微信',
  key: 'wecomId',
  json: true,
  columnNames: [
    'id（编号）',
    'name（姓名）',
    'roles（角色）',
    'school（学校）',
    'zones（责任区）',
    'fullTime（专职）',
    'wecomId（企业微信）',
    'dingtalkId（钉钉）',
    'mobile（手机）',
    '备注',
  ],
  near: '人员名单',
  sheets: ['说明', 'Sheet1', '人员名单', '学校名单', '群聊名单', '工作安排表'],
  fileNames: [
    ['schools.csv', '学校.csv'],
    ['people.csv', '人员.csv'],
    ['chats.csv', '群聊.csv'],
    ['plan.csv', '工作安排.csv'],
  ],
  found: ['schools.csv', '学校.csv'],
  choices: ['people.csv', '人员.csv'],
  beside: 'schools.csv',
  keys: ['schools', 'people', 'chats', 'plan'],
  entries: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  max: 500,
  first: 9999,
  types: ['幼儿园', '小学', '初中', '九年一贯制', '完全中学', '高中', '中等职业学校', '特殊教育学校'],
  start: '重庆市大足区龙水镇第',
  option: '--dry-rnu',
  table: '人员',
  added: 9999,
  updated: 9999,
  deactivated: 9999,
  unchanged: 9999,
  chats: 9999,
  plan: 9999,
  row: 9999,
  column: '整改期限',
  message: '简称『龙水二小』对应多所学校，请填学校编号或全称',
  // dudao doctor and the CLI (src/text/zh-CN/doctor.ts, cli.ts)
  time: '23:59:59',
  timeZone: 'Asia/Shanghai',
  fails: 99,
  warns: 99,
  seconds: 999,
  dir: '/var/lib/dudao/before-restore-20260316-023000',
  port: 65535,
  source: '/etc/dudao/dudao.env',
  stream: true,
  platformNames: ['企业微信自建应用', '企业微信智能机器人', '钉钉应用（Stream 模式）'],
  end: '18:00',
  digest: '08:30',
  free: '199 MB',
  version: '6.0.16',
  node: '（主节点 3/3）',
  policy: 'allkeys-lru',
  mb: '1023.9',
  errcode: 60020,
  ip: '203.0.113.254',
  app: '督导助手',
  domain: 'dudao.example.gov.cn',
  host: 'dudao2.example.gov.cn',
  code: 'Forbidden.AccessDenied.IpNotInWhiteList',
  platform: '企业微信',
  ahead: true,
  nextYear: true,
  personNames: ['欧阳晓明', '欧阳晓明', '欧阳晓明', '欧阳晓明', '欧阳晓明', '欧阳晓明'],
  argument: '--dry-rnu',
  scanned: 9999,
  messages: 9999,
  dryRun: true,
  id: 'p-0123456789',
  outcome: '此前已发送，未重复发送',
  leaders: 99,
  sent: 99,
  records: 9999,
  carried: 9999,
  size: '1023.9 MB',
  viaRedisCli: true,
  files: ['dudao-20260301-023000.rdb', 'dudao-20260302-023000.rdb'],
  holiday: '中国人民抗日战争暨世界反法西斯战争胜利纪念日',
  // the parser's readings (src/text/zh-CN/parser.ts)
  keyword: '申请延期',
  before: true,
  numbers: '1、2、3、4、5、6、7、8、9、10、11、12',
  weekday: '周日',
  byDefault: true,
  shown: DAY,
};

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const chars = (s: string) => [...segmenter.segment(s)].length;

function paramNames(f: (...a: never[]) => unknown): string[] {
  const src = f.toString();
  const m = /^(?:async\s*)?(?:function\s*\w*\s*)?\(([^)]*)\)|^(?:async\s*)?([A-Za-z_$][\w$]*)\s*=>/.exec(src);
  if (!m) throw new Error(`cannot read the parameters of ${src.slice(0, 60)}`);
  const list = m[1] ?? m[2] ?? '';
  return list
    .split(',')
    .map((p) => p.split('=')[0]!.trim())
    .filter(Boolean);
}

/**
 * Entries held to their limit with a typical value instead of the longest: these subtitles end in
 * the visit's kind, and with the longest school and the longest kind with its topic they run a
 * few characters past WeCom's 44, where the platform clips the topic's tail ('…'); the card's
 * plain text and the record itself keep it whole. A paged list's title takes only the lists' own
 * names (我的待办, 逾期事项, 未销号事项). Anything new belongs in SAMPLES, not here.
 */
const TYPICAL: Record<string, Record<string, unknown>> = {
  'cards.recordSummary.subtitle': { kind: '专项督导（双减）' },
  'handlers.submitRecord.zoneSubtitle': { kind: '专项督导（双减）' },
  'cards.itemList.pagedTitle': { title: '未销号事项' },
};

function render(l: Leaf): string {
  if (typeof l.value === 'string') return l.value;
  const f = l.value as (...a: unknown[]) => unknown;
  const args = paramNames(f).map((n) => {
    const typical = TYPICAL[l.path];
    if (typical && n in typical) return typical[n];
    if (!(n in SAMPLES)) throw new Error(`${l.path}: add a long sample for the parameter '${n}'`);
    return SAMPLES[n];
  });
  const out = f(...args);
  if (typeof out !== 'string') throw new Error(`${l.path} does not return a string`);
  return out;
}

type Slot = { name: string; maxChars: number; perLine?: boolean; maxBytes?: number; forbidden?: RegExp };

/** the smallest limit of each place a text may be shown, over every platform */
const SLOTS = {
  title: {
    name: 'card title',
    maxChars: Math.min(CARD_LIMITS.wecomApp.title, CARD_LIMITS.dingtalkCard.title),
  },
  subtitle: {
    name: 'card subtitle',
    maxChars: Math.min(CARD_LIMITS.wecomApp.titleDesc, CARD_LIMITS.dingtalkCard.subtitle),
  },
  button: {
    name: 'button',
    maxChars: Math.min(CARD_LIMITS.wecomApp.buttonText, CARD_LIMITS.dingtalkCard.buttonText),
  },
  message: {
    name: 'part of a message',
    maxChars: Number.POSITIVE_INFINITY,
    maxBytes: 2048,
  },
  line: {
    name: 'line of a card or message',
    // a button card's notes, outcome and long fields go into the smart bot's sub_title_text
    maxChars: CARD_LIMITS.wecomBot.subTitle,
    perLine: true,
    // a WeCom text message: the smallest a card's text may go out as
    maxBytes: 2048,
  },
  // Excel's limits (support.microsoft.com, "Excel specifications and limits"; "Rename a worksheet")
  sheetName: { name: 'sheet name', maxChars: 31, forbidden: /[[\]:*?/\\]/ },
  footer: { name: 'page footer', maxChars: 255 },
  cell: { name: 'cell of the workbook', maxChars: 32_767 },
  operator: { name: 'line of a terminal or an API answer', maxChars: Number.POSITIVE_INFINITY },
  page: { name: 'text of a web page', maxChars: Number.POSITIVE_INFINITY },
} satisfies Record<string, Slot>;

const OPERATOR_AREAS = ['roster', 'doctor', 'cli'];

function slotOf(path: string): Slot {
  if (OPERATOR_AREAS.includes(path.split('.')[0]!)) return SLOTS.operator;
  if (Object.keys(PAGE_GROUPS).some((g) => path.startsWith(`${g}.`))) return SLOTS.page;
  if (path.startsWith('reports.')) {
    const key = path.split('.').at(-1)!;
    return key === 'sheet' ? SLOTS.sheetName : key === 'footer' ? SLOTS.footer : SLOTS.cell;
  }
  // the plain-text fallback's frame around what a card shows: only the message's size binds it
  if (path.startsWith('cards.plain.')) return SLOTS.message;
  for (const seg of path.split('.').reverse()) {
    if (/subtitle$/i.test(seg)) return SLOTS.subtitle;
    if (/title$/i.test(seg)) return SLOTS.title;
    if (seg === 'buttons' || /^statusWord/.test(seg)) return SLOTS.button;
  }
  return SLOTS.line;
}

describe('every entry of the message catalogue, with long arguments', () => {
  for (const l of all) {
    it(`${l.path} fits a ${slotOf(l.path).name}`, () => {
      const text = render(l);
      const slot = slotOf(l.path);
      const lines = slot.perLine ? text.split('\n') : [text];
      expect(text.trim(), l.path).not.toBe('');
      for (const line of lines) expect(chars(line), line).toBeLessThanOrEqual(slot.maxChars);
      if (slot.forbidden) expect(text, text).not.toMatch(slot.forbidden);
      if (slot.maxBytes) expect(utf8Bytes(text), text).toBeLessThanOrEqual(slot.maxBytes);
    });
  }
});

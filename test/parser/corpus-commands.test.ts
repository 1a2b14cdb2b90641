import { describe } from 'vitest';
import { cases } from './case.js';
import { S } from './fixture.js';

// Sent on 2021-03-16 (Tue) unless said otherwise.

describe('empty, too long, mentions, talk', () => {
  cases([
    { text: '', expect: { error: 'empty', message: /发送『帮助』/ } },
    { text: '   \n  ', expect: { error: 'empty' } },
    { text: '@督导助手', expect: { error: 'empty' } },
    { text: '@督导助手\u2005', expect: { error: 'empty' } },
    { text: '＠督导助手　\n', expect: { error: 'empty' } },
    {
      name: 'empty: a principal gets principal examples',
      text: '@督导助手 ',
      role: 'principal',
      expect: { error: 'empty', message: /收到 ZG-12/ },
    },
    {
      name: 'empty: a leader gets leader examples',
      text: '@督导助手',
      role: 'leader',
      expect: { error: 'empty', message: /日报/ },
    },
    {
      name: 'empty: an admin gets the binding example',
      text: '@督导助手',
      role: 'admin',
      expect: { error: 'empty', message: /绑定本群/ },
    },
    {
      name: 'empty: a supervisor gets the record template',
      text: '@督导助手',
      role: 'supervisor',
      expect: { error: 'empty', message: /学校：龙泉小学/ },
    },
    {
      name: '10 001 characters are too long',
      text: '待'.repeat(10_001),
      expect: { error: 'too_long', message: /10001 字/ },
    },
    { name: '10 000 characters are not', text: '你'.repeat(10_000), expect: { command: 'none' } },
    { text: '你好', expect: { command: 'none' } },
    { text: '大家辛苦了，今天下午三点开会', expect: { command: 'none' } },
    { text: '@督导助手 今天天气不错', expect: { command: 'none' } },
    { text: '逾期了怎么办', expect: { command: 'none' } },
    { text: '帮助一下吧', expect: { command: 'none' } },
    { text: 'helpful', expect: { command: 'none' } },
    { text: 'ZG', expect: { command: 'none' } },
    { text: '12', expect: { command: 'none' } },
  ]);
});

describe('待办, 逾期, 日报, 帮助', () => {
  cases([
    { text: '待办', expect: { command: 'todo' }, noAssumptions: true },
    { text: '@督导助手 待办', expect: { command: 'todo' } },
    { text: '待办 @督导助手', expect: { command: 'todo' } },
    { text: '我的待办', expect: { command: 'todo' } },
    { text: '待办事项？', expect: { command: 'todo' } },
    { text: '待办。', expect: { command: 'todo' } },
    { text: '逾期', expect: { command: 'overdue' } },
    { text: '逾期清单', expect: { command: 'overdue' } },
    { text: '逾期事项', expect: { command: 'overdue' } },
    { text: '日报', expect: { command: 'digest_now' } },
    { text: '今日日报', expect: { command: 'digest_now' } },
    { text: '帮助', expect: { command: 'help' } },
    { text: 'help', expect: { command: 'help' } },
    { text: 'HELP', expect: { command: 'help' } },
    { text: '?', expect: { command: 'help' } },
    { text: '？', expect: { command: 'help' } },
    { text: '菜单', expect: { command: 'help' } },
    { text: '使用说明', expect: { command: 'help' } },
  ]);
});

// A list answers a page of 20 and names the command for the next (src/domain/list-page.ts)
describe('a page of 待办, 逾期, 查询 <学校>', () => {
  cases([
    { text: '待办 2', expect: { command: 'todo', page: 2 }, noAssumptions: true },
    { text: '待办2', expect: { command: 'todo', page: 2 } },
    { text: '待办　２', expect: { command: 'todo', page: 2 } },
    { text: '待办 第2页', expect: { command: 'todo', page: 2 } },
    { text: '我的待办 第 3 页。', expect: { command: 'todo', page: 3 } },
    { text: '待办第十二页', expect: { command: 'todo', page: 12 } },
    { text: '@督导助手 待办 2', expect: { command: 'todo', page: 2 } },
    { name: 'page 1 is the list', text: '待办 1', expect: { command: 'todo' } },
    { text: '逾期 3', expect: { command: 'overdue', page: 3 } },
    { text: '逾期清单 第二页', expect: { command: 'overdue', page: 2 } },
    { text: '查询逾期事项 第2页', expect: { command: 'overdue', page: 2 } },
    {
      text: '查询 龙泉小学 第2页',
      expect: { command: 'query', school: { id: 's-lqxx', name: '龙泉小学' }, page: 2 },
    },
    {
      text: '查询龙泉小学第3页',
      expect: { command: 'query', school: { id: 's-lqxx', name: '龙泉小学' }, page: 3 },
    },
    {
      name: 'a school named with a number keeps it',
      text: '查询 城关27小',
      expect: { command: 'query', school: { id: 's-cg27', name: '城关第二十七小学' } },
    },
    { name: '逾期3天 is talk, not page 3', text: '逾期3天', expect: { command: 'none' } },
    { name: 'page 0 is no page', text: '待办 0', expect: { command: 'none' } },
    { name: 'page 1000 is past any list', text: '待办 1000', expect: { command: 'none' } },
    { name: 'a number after 日报 is no page', text: '日报 2', expect: { command: 'none' } },
  ]);
});

describe('item numbers', () => {
  cases([
    { text: '收到 ZG-12', expect: { command: 'acknowledge', item: 'ZG-12' }, noAssumptions: true },
    { text: '收到ZG12', expect: { command: 'acknowledge', item: 'ZG-12' } },
    { text: '收到 zg-0012', expect: { command: 'acknowledge', item: 'ZG-12' } },
    { text: '收到 #12', expect: { command: 'acknowledge', item: 'ZG-12' } },
    { text: '收到 12', expect: { command: 'acknowledge', item: 'ZG-12' } },
    { text: '收到　ＺＧ－１２', expect: { command: 'acknowledge', item: 'ZG-12' } },
    { text: '收到 Zg 12', expect: { command: 'acknowledge', item: 'ZG-12' } },
    { text: '已收到 ZG-7', expect: { command: 'acknowledge', item: 'ZG-7' } },
    {
      text: '确认收到 ZG-12 马上安排整改',
      expect: { command: 'acknowledge', item: 'ZG-12', note: '马上安排整改' },
    },
    { text: '收到 ZG-12，谢谢', expect: { command: 'acknowledge', item: 'ZG-12', note: '谢谢' } },
    { text: '收到', expect: { error: 'missing_field', message: '缺少事项编号。请这样写：收到 ZG-12' } },
    { text: '收到，谢谢', expect: { error: 'missing_field' } },
    { text: '收到 ZG-0', expect: { error: 'bad_item', message: /应写作 ZG-12/ } },
    { text: '收到 ZG-abc', expect: { error: 'bad_item', message: /『ZG-abc』/ } },
    { text: '收到 ZG-1234567890', expect: { error: 'bad_item' } },
    { text: '收到 ZG-12、ZG-13', expect: { error: 'bad_item', message: /一条消息只能办理一个事项/ } },
    { text: '收到 #12 #13', expect: { error: 'bad_item' } },
    { text: '收到 DD-7', expect: { error: 'bad_item' } },
    { text: 'ZG-12', expect: { command: 'query', item: 'ZG-12' } },
    { text: '#12', expect: { command: 'query', item: 'ZG-12' } },
    { text: 'zg0012？', expect: { command: 'query', item: 'ZG-12' } },
    { text: 'DD-7', expect: { command: 'query', record: 'DD-7' } },
    { text: 'DD7', expect: { command: 'query', record: 'DD-7' } },
    { text: '#DD7', expect: { command: 'query', record: 'DD-7' } },
    { text: 'dd-007', expect: { command: 'query', record: 'DD-7' } },
  ]);
});

describe('整改进度 and completion', () => {
  cases([
    { text: '整改进度 ZG-12', expect: { command: 'query', item: 'ZG-12' } },
    { text: '进度 ZG-12', expect: { command: 'query', item: 'ZG-12' } },
    { text: '整改进度 12', expect: { command: 'query', item: 'ZG-12' } },
    { text: '进度 DD-7', expect: { command: 'query', record: 'DD-7' } },
    { text: '整改进度 龙泉小学', expect: { command: 'query', school: S['s-lqxx']! }, noAssumptions: true },
    {
      text: '进度 城关27小',
      expect: { command: 'query', school: S['s-cg27']! },
      assumptions: ['『城关27小』按简称识别为 城关第二十七小学'],
    },
    { text: '整改进度', expect: { error: 'missing_field', message: /整改进度 ZG-12/ } },
    {
      text: '整改进度 ZG-12 进行中 已完成一半',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress', note: '已完成一半' },
    },
    {
      text: '整改进度 ZG-12 整改中',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress' },
    },
    {
      text: '整改进度 ZG-12 已完成 公示栏已更新',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '公示栏已更新' },
    },
    {
      text: '整改进度：ＺＧ１２　已完成，照片见附件',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '照片见附件' },
    },
    {
      text: '整改进度 ZG-12 已完成\n公示栏已按周更新\n新增值日表',
      expect: {
        command: 'report_progress',
        item: 'ZG-12',
        status: 'done',
        note: '公示栏已按周更新\n新增值日表',
      },
    },
    {
      text: '整改进度 ZG-12 正在采购器材',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress', note: '正在采购器材' },
      assumptions: ['未写『进行中』或『已完成』，按『进行中』登记'],
    },
    {
      text: '整改完成 ZG-12 已更换公示栏',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '已更换公示栏' },
    },
    { text: '已整改 ZG-12', expect: { command: 'report_progress', item: 'ZG-12', status: 'done' } },
    { text: '已完成整改 #12', expect: { command: 'report_progress', item: 'ZG-12', status: 'done' } },
    {
      text: '已整改 ZG-12（见照片）',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '（见照片）' },
    },
    { text: '整改完成', expect: { error: 'missing_field' } },
  ]);
});

describe('申请延期 and its decision', () => {
  cases([
    {
      text: '申请延期 ZG-12 至 4月10日 原因：器材未到货',
      expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-10', reason: '器材未到货' },
    },
    {
      text: '申请延期 ZG-12 到4月10日，因为器材未到货',
      expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-10', reason: '因为器材未到货' },
    },
    {
      text: '申请延期 ZG-12 4月10日',
      expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-10' },
    },
    {
      text: '申请延期 #12 延期至2021年4月10日',
      expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-10' },
    },
    {
      text: '申请延期 ZG-12 原因：器材未到，延期至4月10日',
      expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-10', reason: '器材未到' },
    },
    {
      text: '延期申请 ZG-12 至4月10日前',
      expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-10' },
    },
    {
      name: '申请延期 to 下月底 counts from today (3月16日)',
      text: '申请延期 ZG-12 至下月底 原因：施工队排期',
      expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-30', reason: '施工队排期' },
    },
    {
      text: '申请延期 ZG-12 至4/10',
      expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-10' },
    },
    { text: '申请延期 ZG-12 延期一周', expect: { error: 'bad_deadline', message: /没说清延期到哪一天/ } },
    { text: '申请延期 ZG-12 至5个工作日后', expect: { error: 'bad_deadline' } },
    {
      name: 'a day before today is refused',
      text: '申请延期 ZG-12 至 3月10日',
      expect: {
        error: 'bad_deadline',
        message: '延期后的日期 3月10日 周三 早于今天（3月16日 周二），请核对后重新发送。',
      },
    },
    { text: '申请延期 ZG-12 至 4月31日', expect: { error: 'bad_deadline', message: /4月31日不是有效日期/ } },
    {
      text: '申请延期 ZG-12',
      expect: {
        error: 'missing_field',
        message: '缺少延期后的日期。请这样写：申请延期 ZG-12 至 4月10日 原因：器材未到货',
      },
    },
    { text: '申请延期 至4月10日', expect: { error: 'missing_field', message: /缺少事项编号/ } },
    { text: '同意延期 ZG-12', expect: { command: 'decide_extension', item: 'ZG-12', approve: true } },
    {
      text: '批准延期 #12 请按期完成',
      expect: { command: 'decide_extension', item: 'ZG-12', approve: true, note: '请按期完成' },
    },
    {
      text: '不同意延期 ZG-12 请按原期限完成',
      expect: { command: 'decide_extension', item: 'ZG-12', approve: false, note: '请按原期限完成' },
    },
    {
      text: '驳回延期 ZG-12 理由：已延期过一次',
      expect: { command: 'decide_extension', item: 'ZG-12', approve: false, note: '已延期过一次' },
    },
    { text: '拒绝延期 zg12', expect: { command: 'decide_extension', item: 'ZG-12', approve: false } },
  ]);
});

describe('验收, 销号, 退回, 重新打开', () => {
  cases([
    { text: '验收 ZG-12 通过', expect: { command: 'recheck', item: 'ZG-12', pass: true } },
    { text: '验收 ZG-12 合格', expect: { command: 'recheck', item: 'ZG-12', pass: true } },
    {
      text: '验收 ZG-12 退回 照片看不清公示栏日期',
      expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '照片看不清公示栏日期' },
    },
    {
      text: '验收 ZG-12 不通过，公示栏仍未更新',
      expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '公示栏仍未更新' },
    },
    { text: '验收通过 ZG-12', expect: { command: 'recheck', item: 'ZG-12', pass: true } },
    {
      text: '验收 通过 ZG-12 整改到位',
      expect: { command: 'recheck', item: 'ZG-12', pass: true, note: '整改到位' },
    },
    {
      text: '验收退回 ZG-12 台账仍缺2月数据',
      expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '台账仍缺2月数据' },
    },
    { text: '销号 ZG-12', expect: { command: 'recheck', item: 'ZG-12', pass: true } },
    {
      text: '退回 ZG-12 原因：照片不清',
      expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '照片不清' },
    },
    { text: '退回 #12', expect: { command: 'recheck', item: 'ZG-12', pass: false } },
    {
      text: '验收 ZG-12',
      expect: {
        error: 'missing_field',
        message:
          '请写明验收结果『通过』或『退回』，例如：验收 ZG-12 通过，或：验收 ZG-12 退回 公示栏仍未更新',
      },
    },
    { text: '验收', expect: { error: 'missing_field' } },
    {
      text: '重新打开 ZG-12 原因：家长反映问题复发',
      expect: { command: 'reopen', item: 'ZG-12', note: '家长反映问题复发' },
    },
    { text: '重开 ZG-12', expect: { command: 'reopen', item: 'ZG-12' } },
    { text: '重新打开', expect: { error: 'missing_field' } },
  ]);
});

describe('查询 and 学校', () => {
  cases([
    { text: '查询 龙泉小学', expect: { command: 'query', school: S['s-lqxx']! } },
    { text: '查询龙泉小学', expect: { command: 'query', school: S['s-lqxx']! } },
    { text: '学校 龙泉中学', expect: { command: 'query', school: S['s-lqzx']! } },
    { text: '查询 『实验幼儿园』', expect: { command: 'query', school: S['s-syyey']! } },
    { text: '查询 ZG-12', expect: { command: 'query', item: 'ZG-12' } },
    { text: '查询 DD-7', expect: { command: 'query', record: 'DD-7' } },
    { text: '督导记录 DD-7', expect: { command: 'query', record: 'DD-7' } },
    { text: '查询', expect: { error: 'missing_field', message: /查询 龙泉小学/ } },
    {
      text: '查询 红星',
      expect: {
        error: 'ambiguous_school',
        message: '『红星』对应多所学校：红星小学、红星幼儿园。请写出全称后重新发送。',
      },
    },
    {
      text: '查询 龙泉',
      expect: { error: 'unknown_school', message: '未找到学校『龙泉』。您是否要找：龙泉小学、龙泉中学？' },
    },
    { text: '查询 旧城小学', expect: { error: 'unknown_school', message: /已停用/ } },
    { text: '查询 火星探索学院', expect: { error: 'unknown_school', message: /请写学校全称/ } },
  ]);
});

describe('统计 (today 2021-03-16, Tuesday)', () => {
  cases([
    {
      text: '统计',
      expect: { command: 'stats', from: '2021-03-01', to: '2021-03-31' },
      assumptions: ['未写统计范围，按本月统计'],
    },
    {
      text: '统计 本月',
      expect: { command: 'stats', from: '2021-03-01', to: '2021-03-31' },
      noAssumptions: true,
    },
    { text: '统计 本周', expect: { command: 'stats', from: '2021-03-15', to: '2021-03-21' } },
    { text: '统计 上周', expect: { command: 'stats', from: '2021-03-08', to: '2021-03-14' } },
    { text: '统计 上月', expect: { command: 'stats', from: '2021-02-01', to: '2021-02-28' } },
    { text: '统计 上个月', expect: { command: 'stats', from: '2021-02-01', to: '2021-02-28' } },
    { text: '统计 2021年3月', expect: { command: 'stats', from: '2021-03-01', to: '2021-03-31' } },
    { text: '统计 2020年2月', expect: { command: 'stats', from: '2020-02-01', to: '2020-02-29' } },
    { text: '统计 2021-02', expect: { command: 'stats', from: '2021-02-01', to: '2021-02-28' } },
    { text: '统计 3月', expect: { command: 'stats', from: '2021-03-01', to: '2021-03-31' } },
    {
      name: '统计 12月 in March means last December',
      text: '统计 12月',
      expect: { command: 'stats', from: '2020-12-01', to: '2020-12-31' },
    },
    { text: '统计 今年', expect: { command: 'stats', from: '2021-01-01', to: '2021-12-31' } },
    { text: '统计 去年', expect: { command: 'stats', from: '2020-01-01', to: '2020-12-31' } },
    { text: '统计 今天', expect: { command: 'stats', from: '2021-03-16', to: '2021-03-16' } },
    { text: '统计 3月1日至3月15日', expect: { command: 'stats', from: '2021-03-01', to: '2021-03-15' } },
    {
      text: '统计 2021-03-01~2021-03-31',
      expect: { command: 'stats', from: '2021-03-01', to: '2021-03-31' },
    },
    {
      name: 'month of January sent on 2022-01-05',
      text: '统计 上月',
      now: '2022-01-05',
      expect: { command: 'stats', from: '2021-12-01', to: '2021-12-31' },
    },
    { text: '统计 明年', expect: { error: 'bad_date', message: /看不懂统计范围『明年』/ } },
    { text: '统计 3月15日至3月1日', expect: { error: 'bad_date' } },
  ]);
});

describe('绑定本群', () => {
  cases([
    {
      text: '绑定本群 城关责任区',
      expect: { command: 'bind_chat', target: { type: 'zone', id: 'z-cg', name: '城关责任区' } },
    },
    {
      text: '绑定本群 龙泉责任区',
      expect: { command: 'bind_chat', target: { type: 'zone', id: 'z-lq', name: '龙泉责任区' } },
    },
    {
      text: '绑定本群 城关',
      expect: { command: 'bind_chat', target: { type: 'zone', id: 'z-cg', name: '城关责任区' } },
      assumptions: ['『城关』识别为 城关责任区'],
    },
    {
      text: '绑定本群 督导室',
      expect: { command: 'bind_chat', target: { type: 'office', id: 'office', name: '督导室' } },
    },
    {
      text: '绑定本群：教育督导室',
      expect: { command: 'bind_chat', target: { type: 'office', id: 'office', name: '督导室' } },
    },
    {
      text: '绑定本群 龙泉小学',
      expect: { command: 'bind_chat', target: { type: 'school', id: 's-lqxx', name: '龙泉小学' } },
    },
    {
      text: '绑定本群 实幼',
      expect: { command: 'bind_chat', target: { type: 'school', id: 's-syyey', name: '实验幼儿园' } },
    },
    { text: '绑定本群', expect: { error: 'missing_field', message: /绑定本群 城关责任区/ } },
    {
      text: '绑定本群 火星',
      expect: {
        error: 'unknown_school',
        message:
          '未找到责任区或学校『火星』。可绑定的责任区：龙泉责任区、城关责任区；也可绑定某所学校，或『督导室』。',
      },
    },
  ]);
});

describe('questions and stray punctuation', () => {
  cases([
    { text: '整改进度 ZG-12？', expect: { command: 'query', item: 'ZG-12' } },
    { text: '进度 ZG-12 怎么样了?', expect: { command: 'query', item: 'ZG-12' } },
    { text: '收到 ZG-12!', expect: { command: 'acknowledge', item: 'ZG-12' } },
    { text: '收到 ZG-12。', expect: { command: 'acknowledge', item: 'ZG-12' } },
    { text: '同意延期 ZG-12。', expect: { command: 'decide_extension', item: 'ZG-12', approve: true } },
  ]);
});

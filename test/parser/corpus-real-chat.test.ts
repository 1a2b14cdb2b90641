import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { EXAMPLE_RECORD } from '../fixtures/example-record.js';
import { P, R, cases } from './case.js';
import { ctxAt, S } from './fixture.js';

/**
 * Records and replies as people really send them (docs/spec/commands.md → "Also read as people really
 * write"): one line, inline numbering, remarks that are not problems, a time after the date,
 * punctuation and mentions around commands, holidays, traditional characters, voice without
 * punctuation, quoted replies. Sent on 2021-03-16 (Tue) unless said; expected values from the
 * 2021 calendar by hand. Default deadline from 3月15日: 3月29日; from 3月16日: 3月30日.
 */

const LQ = S['s-lqxx']!;
const CG = S['s-cg27']!;
const YEY = S['s-syyey']!;
const TWO = [P('三年级作业公示栏未按周更新', '2021-03-22'), P('课后服务学生签到表缺2月数据', '2021-03-31')];
const SHUANGJIAN = {
  kind: '专项督导' as const,
  topic: '双减',
  findings: '抽查三、五年级作业公示和课后服务台账。',
};

describe('the help card example, copied as one line', () => {
  const oneLine = EXAMPLE_RECORD.split('\n').join(' ');
  cases([
    { name: 'lines joined by spaces', text: oneLine, expect: R(LQ, '2021-03-15', TWO, SHUANGJIAN) },
    {
      name: 'lines joined by nothing (the simulator shows it so)',
      text: EXAMPLE_RECORD.split('\n').join(''),
      expect: R(LQ, '2021-03-15', TWO, SHUANGJIAN),
    },
    {
      name: 'fields joined by ；',
      text: '提交督导记录；学校：龙泉小学；日期：3月15日；类型：专项督导（双减）；情况：抽查三、五年级作业公示和课后服务台账。；问题：1、三年级作业公示栏未按周更新，5个工作日内整改 2、课后服务学生签到表缺2月数据；3月31日前补齐',
      expect: R(LQ, '2021-03-15', TWO, SHUANGJIAN),
    },
    {
      name: 'fields joined by ，',
      text: '提交督导记录，学校：龙泉小学，日期：3月15日，类型：专项督导（双减），问题：1、三年级作业公示栏未按周更新，5个工作日内整改 2、课后服务学生签到表缺2月数据；3月31日前补齐',
      expect: R(LQ, '2021-03-15', TWO, { kind: '专项督导', topic: '双减' }),
    },
    {
      name: 'fields joined by 。',
      text: '提交督导记录 学校：龙泉小学。日期：3月15日。问题：食堂留样记录不全。',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-29', 'default')]),
    },
    {
      name: 'labels without colons between spaces',
      text: '提交督导记录 学校 龙泉小学 日期 3月15日 问题 食堂留样记录不全',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-29', 'default')]),
    },
  ]);
});

describe('inline numbering without line breaks', () => {
  const two = (a: string, b: string, dl = '2021-03-30') => [P(a, dl, 'default'), P(b, dl, 'default')];
  cases([
    {
      text: '提交督导记录 学校：龙泉小学 问题：1.食堂留样记录缺失 2.教室饮水机滤芯未更换',
      expect: R(LQ, '2021-03-16', two('食堂留样记录缺失', '教室饮水机滤芯未更换')),
    },
    {
      text: '提交督导记录 学校：龙泉小学 问题：1.食堂留样记录缺失2.教室饮水机滤芯未更换',
      expect: R(LQ, '2021-03-16', two('食堂留样记录缺失', '教室饮水机滤芯未更换')),
    },
    {
      text: '提交督导记录 学校：龙泉小学 问题：1、食堂留样记录缺失；2、教室饮水机滤芯未更换；3、消防通道堆放杂物',
      expect: R(LQ, '2021-03-16', [
        ...two('食堂留样记录缺失', '教室饮水机滤芯未更换'),
        P('消防通道堆放杂物', '2021-03-30', 'default'),
      ]),
    },
    {
      text: '提交督导记录 学校：实验幼儿园 问题：①晨午检记录不全，2个工作日内整改②隔离室物资不足',
      expect: R(YEY, '2021-03-16', [
        P('晨午检记录不全', '2021-03-18'),
        P('隔离室物资不足', '2021-03-30', 'default'),
      ]),
    },
    {
      text: '提交督导记录 学校：龙泉小学 问题：（一）作业公示不及时（二）课后服务签到表缺失',
      expect: R(LQ, '2021-03-16', two('作业公示不及时', '课后服务签到表缺失')),
    },
    {
      text: '提交督导记录 学校：龙泉小学 问题：主要有三个方面，一是作业公示不及时；二是课后服务签到表缺失；三是食堂留样不全',
      expect: R(LQ, '2021-03-16', [
        ...two('作业公示不及时', '课后服务签到表缺失'),
        P('食堂留样不全', '2021-03-30', 'default'),
      ]),
    },
    {
      text: '提交督导记录 学校：龙泉小学 存在问题：第一，作业公示不及时；第二，课后服务签到表缺失',
      expect: R(LQ, '2021-03-16', two('作业公示不及时', '课后服务签到表缺失')),
    },
    {
      name: 'numbers inside the text are not a list',
      text: '提交督导记录 学校：龙泉小学 问题：抽查3、5年级作业，1.5米栏杆松动',
      expect: R(LQ, '2021-03-16', [P('抽查3、5年级作业，1.5米栏杆松动', '2021-03-30', 'default')]),
    },
    {
      name: 'one marker alone inside a line is not a list',
      text: '提交督导记录 学校：龙泉小学 问题：作业统一是周五布置，公示不及时',
      expect: R(LQ, '2021-03-16', [P('作业统一是周五布置，公示不及时', '2021-03-30', 'default')]),
    },
  ]);
});

describe('sections that are not problems, a time after the date', () => {
  cases([
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：食堂留样记录不全\n整改建议：加强食堂管理，落实留样制度',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-29', 'default')], {
        remark: '整改建议：加强食堂管理，落实留样制度',
      }),
    },
    {
      text: '提交督导记录 学校：龙泉小学 日期：3月15日 问题：1.食堂留样记录不全 2.消防通道堆放杂物 建议：请学校高度重视',
      expect: R(
        LQ,
        '2021-03-15',
        [P('食堂留样记录不全', '2021-03-29', 'default'), P('消防通道堆放杂物', '2021-03-29', 'default')],
        { remark: '建议：请学校高度重视' },
      ),
    },
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：食堂留样记录不全\n意见建议：\n1、完善制度\n2、加强培训\n备注：校长陪同',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-29', 'default')], {
        remark: '意见建议：1、完善制度\n2、加强培训\n校长陪同',
      }),
    },
    {
      name: '整改要求 gives the deadline of problems without one',
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：食堂留样记录不全\n整改要求：请于3月31日前整改到位',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-31')], {
        remark: '整改要求：请于3月31日前整改到位',
      }),
    },
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：2021年3月15日上午9:00—11:30\n问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-29', 'default')]),
    },
    {
      text: '提交督导记录\n学校：龙泉小学\n时间：3月15日（周一）下午2点至4点半\n问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-29', 'default')]),
    },
    {
      name: 'a label inside a problem stays in the problem',
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：课后服务时间：超过18:00',
      expect: R(LQ, '2021-03-15', [P('课后服务时间：超过18:00', '2021-03-29', 'default')]),
    },
  ]);
});

describe('a field that swallowed other labels is refused with the reading shown', () => {
  cases([
    {
      text: '提交督导记录 学校：龙泉小学 类型：专项督导双减情况抽查作业公示问题1、公示栏未更新',
      expect: {
        error: 'swallowed_label',
        message: /『类型』一栏里混进了『情况』、『问题』[\s\S]*类型：专项督导双减/,
      },
    },
  ]);
});

describe('punctuation and mentions around commands', () => {
  cases([
    { text: '收到！ZG-41', expect: { command: 'acknowledge', item: 'ZG-41' } },
    { text: '收到，ZG-41，马上整改', expect: { command: 'acknowledge', item: 'ZG-41', note: '马上整改' } },
    { text: '好的，收到 ZG-41', expect: { command: 'acknowledge', item: 'ZG-41' } },
    { text: '李校长：收到 ZG-41', expect: { command: 'acknowledge', item: 'ZG-41' } },
    {
      text: '申请延期 ZG-55\n延期至：12月20日',
      now: '2021-12-01',
      expect: { command: 'request_extension', item: 'ZG-55', until: '2021-12-20' },
    },
    {
      text: '@督导助手：查询 龙泉小学',
      expect: { command: 'query', school: LQ },
    },
    { text: '日报 @张卫国', expect: { command: 'digest_now' } },
    { text: '@张卫国 日报', expect: { command: 'digest_now' } },
    { text: '@督导助手 待办 @李校长', expect: { command: 'todo' } },
    {
      text: 'ZG-41 已整改完毕，请验收',
      expect: { command: 'report_progress', item: 'ZG-41', status: 'done', note: '请验收' },
    },
    { text: 'ZG41收到', expect: { command: 'acknowledge', item: 'ZG-41' } },
    { text: '#41 验收通过', expect: { command: 'recheck', item: 'ZG-41', pass: true } },
    {
      text: 'ZG-41 退回，公示栏仍未更新',
      expect: { command: 'recheck', item: 'ZG-41', pass: false, note: '公示栏仍未更新' },
    },
    { text: '收到了 ZG-7', expect: { command: 'acknowledge', item: 'ZG-7' } },
    { text: '验收合格 ZG-7', expect: { command: 'recheck', item: 'ZG-7', pass: true } },
  ]);
});

describe('holiday deadlines and deadlines that cannot be counted', () => {
  const rec = (phrase: string) =>
    `提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：作业公示栏未更新，${phrase}`;
  const one = (day: string) => R(LQ, '2021-03-15', [P('作业公示栏未更新', day)]);
  cases([
    // 清明 4月3–5日 (Sat–Mon): the last working day before is 4月2日 (Fri)
    { text: rec('清明节前整改'), expect: one('2021-04-02') },
    // 劳动节 5月1–5日; 4月25日 (Sun) is worked, 4月30日 is a Friday
    { text: rec('五一前整改到位'), expect: one('2021-04-30') },
    { text: rec('劳动节前完成'), expect: one('2021-04-30') },
    // after 劳动节: 5月6日 (Thu)
    { text: rec('劳动节后第一个工作日前完成'), expect: one('2021-05-06') },
    { text: rec('五一假期后整改'), expect: one('2021-05-06') },
    // 端午 6月12–14日: 6月11日 (Fri) before it
    { text: rec('端午节前整改'), expect: one('2021-06-11') },
    // 国庆 10月1–7日: after it 10月8日 (Fri)
    { text: rec('国庆节后第一个工作日'), expect: one('2021-10-08') },
    // 节前 alone: the next holiday, 清明
    { text: rec('节前整改到位'), expect: one('2021-04-02') },
    {
      text: rec('下学期开学前整改'),
      expect: {
        error: 'bad_deadline',
        message: /『下学期开学前整改』无法换算成具体日期，不会按默认期限登记/,
      },
    },
    { text: rec('期末前完成'), expect: { error: 'bad_deadline', message: /无法换算成具体日期/ } },
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：作业公示栏未更新\n期限：暑假前',
      expect: { error: 'bad_deadline', message: /『暑假前』无法换算成具体日期/ },
    },
    {
      name: 'an afternoon around the holiday is text, not a deadline',
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：春节前后未开展安全教育',
      expect: R(LQ, '2021-03-15', [P('春节前后未开展安全教育', '2021-03-29', 'default')]),
    },
  ]);
});

describe('traditional characters', () => {
  cases([
    {
      text: '提交督導記錄\n學校：龍泉小學\n日期：3月15日\n問題：食堂留樣記錄不全',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-29', 'default')]),
    },
    { text: '驗收 ZG-3 通過', expect: { command: 'recheck', item: 'ZG-3', pass: true } },
    { text: '整改進度 ZG-12 已完成', expect: { command: 'report_progress', item: 'ZG-12', status: 'done' } },
    { text: '查詢 城關第二十七小學', expect: { command: 'query', school: CG } },
  ]);
});

describe('voice transcriptions without punctuation', () => {
  cases([
    {
      text: '提交督导记录学校龙泉小学日期三月十五日类型专项督导双减情况抽查三五年级作业公示问题1三年级作业公示栏未按周更新5个工作日内整改2课后服务学生签到表缺2月数据3月31日前补齐',
      expect: R(LQ, '2021-03-15', TWO, { kind: '专项督导', topic: '双减', findings: '抽查三五年级作业公示' }),
    },
    {
      text: '提交都导记录学校龙泉小学日期三月十五日问题食堂留样记录不全',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-29', 'default')]),
      assumptions: ['语音识别为『提交都导记录』，按『提交督导记录』理解'],
    },
    {
      text: '整改进读ZG12已完成公示栏已经更新了',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '公示栏已经更新了' },
    },
    { text: '收到ZG十二', expect: { command: 'acknowledge', item: 'ZG-12' } },
  ]);
});

describe('typos in command words: did you mean', () => {
  cases([
    {
      text: '验手 ZG-3 通过',
      expect: { error: 'did_you_mean', message: '您是不是要发送『验收 ZG-3 通过』？请复制后重新发送。' },
    },
    {
      text: '申请廷期 ZG-3 至4月10日',
      expect: { error: 'did_you_mean', message: /『申请延期 ZG-3 至4月10日』/ },
    },
    { text: '代办', expect: { error: 'did_you_mean', message: /『待办』/ } },
    {
      name: 'chat that happens to look like a word is left alone',
      text: '收好了谢谢',
      expect: { command: 'none' },
    },
  ]);
  it('carries the corrected message to copy', () => {
    const r = parse('验手 ZG-3 通过', ctxAt('2021-03-16'));
    expect(r).toMatchObject({ ok: false, code: 'did_you_mean', suggestion: '验收 ZG-3 通过' });
  });
});

describe('quoted replies: the quote is context, the new text is the command', () => {
  const wecom = (quote: string, reply: string) => `「${quote}」\n- - - - - - - - - - - - - - -\n${reply}`;
  cases([
    {
      text: wecom('督导助手：整改通知 ZG-21 三年级作业公示栏未按周更新，期限3月22日', '收到'),
      expect: { command: 'acknowledge', item: 'ZG-21' },
      assumptions: ['按引用的消息办理 ZG-21'],
    },
    {
      // a verdict word answering a message that names one item is the verdict on it
      text: wecom('督导助手：ZG-21 已报告完成，请验收', '通过'),
      expect: { command: 'recheck', item: 'ZG-21', pass: true },
      assumptions: ['按引用的消息办理 ZG-21'],
    },
    {
      name: 'a verdict word with no quote is talk',
      text: '通过',
      expect: { command: 'none' },
    },
    {
      name: '同意 with an item but nothing to agree to is talk',
      text: '同意 ZG-21',
      expect: { command: 'none' },
    },
    {
      text: wecom('督导助手：ZG-21 已报告完成，请验收', '验收通过'),
      expect: { command: 'recheck', item: 'ZG-21', pass: true },
    },
    {
      name: 'a quoted record is never submitted again',
      text: wecom('王建国：提交督导记录 学校：龙泉小学 问题：食堂留样不全', '收到'),
      expect: { error: 'missing_field' },
    },
    {
      text: wecom('督导助手：ZG-21、ZG-22 待整改', '收到'),
      expect: { error: 'bad_item', message: /引用的消息里有多个事项（ZG-21、ZG-22）/ },
    },
    {
      text: wecom('督导助手：ZG-21 待整改', '整改完成，公示栏已更新'),
      expect: { command: 'report_progress', item: 'ZG-21', status: 'done', note: '公示栏已更新' },
    },
  ]);
  it('takes the quote the platform gives apart (WeCom quote, DingTalk repliedMsg)', () => {
    const r = parse('收到', ctxAt('2021-03-16', { quote: '整改通知 ZG-8 …' }));
    expect(r).toMatchObject({ ok: true, command: { command: 'acknowledge', item: 'ZG-8' } });
  });
});

describe('warnings', () => {
  it('a deadline already past: the record goes ahead and says so', () => {
    const r = parse(
      '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：公示栏未更新，3月15日前整改',
      ctxAt('2021-12-01'),
    );
    expect(r).toMatchObject({
      ok: true,
      warnings: [{ code: 'deadline_past', item: 0, deadline: '2021-03-15' }],
    });
  });
  it('a deadline on a day off names the day and the next working day', () => {
    const r = parse(
      '提交督导记录\n学校：龙泉小学\n日期：12月1日\n问题：公示栏未更新，12月19日前整改',
      ctxAt('2021-12-01'),
    );
    expect(r).toMatchObject({
      ok: true,
      warnings: [
        {
          code: 'deadline_day_off',
          item: 0,
          deadline: '2021-12-19',
          dayOff: '周日',
          nextWorkday: '2021-12-20',
        },
      ],
    });
  });
  it('a visit in the future is refused as such', () => {
    const r = parse('提交督导记录 学校：龙泉小学 日期：明天 问题：公示栏未更新', ctxAt('2021-03-16'));
    expect(r).toMatchObject({ ok: false, code: 'visit_future' });
  });
  it('确认重复 is read and taken out of the text', () => {
    const r = parse('提交督导记录 确认重复 学校：龙泉小学 问题：公示栏未更新', ctxAt('2021-03-16'));
    expect(r).toMatchObject({ ok: true, command: { confirmDuplicate: true, school: LQ } });
  });
});

describe('records told as prose, and the edges of the readings the field corpus added', () => {
  cases([
    {
      name: 'prose after the keyword: school, date, kind, findings, the requirement as the deadline',
      text: '提交督导记录 昨天上午到龙泉小学开展了常规督导，查看了作业公示。发现以下问题：一是公示栏未按周更新；二是签到表缺2月数据。要求月底前整改。',
      expect: R(LQ, '2021-03-15', [P('公示栏未按周更新', '2021-03-31'), P('签到表缺2月数据', '2021-03-31')], {
        kind: '经常性督导',
        findings: '昨天上午到龙泉小学开展了常规督导，查看了作业公示',
      }),
      assumptions: [/^按叙述读取了学校、日期和问题/],
    },
    {
      name: '未发现问题: a visit with nothing found',
      text: '提交督导记录 3月12日到城关27小督导，整体情况良好，未发现问题。',
      expect: R(CG, '2021-03-12', [], { findings: '3月12日到城关27小督导，整体情况良好，未发现问题' }),
    },
    {
      name: 'prose without 发现/存在: no problem is made up, and the reply says so',
      text: '提交督导记录 今天到龙泉小学督导，学校管理规范。',
      expect: R(LQ, '2021-03-16', [], { findings: '今天到龙泉小学督导，学校管理规范' }),
      assumptions: [/^叙述中没有找到『发现』或『存在』的问题/],
    },
    {
      name: '存在 without an announcement: the whole clause is the finding',
      text: '提交督导记录 今天到龙泉小学督导，校门口存在安全隐患，一周内整改',
      expect: R(LQ, '2021-03-16', [P('校门口存在安全隐患', '2021-03-23')], {
        findings: '今天到龙泉小学督导',
      }),
    },
    {
      name: 'prose naming no school of the roster is still asked for its school',
      text: '提交督导记录 今天上午到城北小学开展了常规督导，发现公示栏未更新',
      expect: { error: 'missing_field' },
    },
    {
      name: 'without the keyword: a visit and a finding at a roster school is a record',
      text: '今天上午到龙泉小学检查，发现消防通道堆放杂物，立即清理',
      expect: R(LQ, '2021-03-16', [P('消防通道堆放杂物', '2021-03-16')], {
        findings: '今天上午到龙泉小学检查',
      }),
      assumptions: ['未写『提交督导记录』，按督导记录登记'],
    },
    {
      name: 'without the keyword and without a finding it is talk',
      text: '今天上午到龙泉小学检查了食堂',
      expect: { command: 'none' },
    },
    {
      name: '本周一 / 上周五 as the visit date',
      text: '提交督导记录 学校：龙泉小学 日期：上周五 问题：公示栏未更新，3月19日前整改',
      expect: R(LQ, '2021-03-12', [P('公示栏未更新', '2021-03-19')]),
    },
    {
      name: 'a 期限 after the last problem of a one-line list is the record’s',
      text: '提交督导记录 学校：龙泉小学 问题：1.公示栏未更新 2.签到表缺失 期限：3月26日',
      expect: R(LQ, '2021-03-16', [P('公示栏未更新', '2021-03-26'), P('签到表缺失', '2021-03-26')]),
    },
    {
      name: '… but not when each problem has its own',
      text: '提交督导记录 学校：龙泉小学 问题：1.公示栏未更新 期限：3月19日 2.签到表缺失 期限：3月26日',
      expect: R(LQ, '2021-03-16', [P('公示栏未更新', '2021-03-19'), P('签到表缺失', '2021-03-26')]),
    },
    {
      name: 'unnumbered problems on one line split at ；, a deadline clause after ； stays with its problem',
      text: '提交督导记录 学校：龙泉小学 问题：公示栏未更新；签到表缺2月数据；3月31日前补齐',
      expect: R(LQ, '2021-03-16', [
        P('公示栏未更新', '2021-03-30', 'default'),
        P('签到表缺2月数据', '2021-03-31'),
      ]),
    },
    {
      name: 'a list right after a colon inside the problems (问题：存在以下问题：1.…)',
      text: '提交督导记录 学校：龙泉小学 问题：存在以下问题：1.公示栏未更新；2.签到表缺失',
      expect: R(LQ, '2021-03-16', [
        P('公示栏未更新', '2021-03-30', 'default'),
        P('签到表缺失', '2021-03-30', 'default'),
      ]),
    },
    {
      name: 'a bare weekday before 组织 says when, it is no deadline',
      text: '提交督导记录 学校：龙泉小学 问题：高三周六组织集体补课，立即停止',
      expect: R(LQ, '2021-03-16', [P('高三周六组织集体补课', '2021-03-16')]),
    },
    {
      name: 'voice: 第一…第二… spoken without punctuation',
      text: '提交督导记录学校龙泉小学问题第一公示栏没有更新第二签到表缺失整改期限一周内',
      expect: R(LQ, '2021-03-16', [P('公示栏没有更新', '2021-03-23'), P('签到表缺失', '2021-03-23')]),
    },
  ]);
});

describe('replies as people write them', () => {
  cases([
    {
      text: '整改进度 ZG-12 已完成80%，剩余部分下周完成',
      expect: {
        command: 'report_progress',
        item: 'ZG-12',
        status: 'in_progress',
        note: '已完成80%，剩余部分下周完成',
      },
    },
    {
      text: 'ZG-12 已完成一半',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress', note: '已完成一半' },
    },
    { text: '好的收到 ZG-12', expect: { command: 'acknowledge', item: 'ZG-12' } },
    {
      text: '各位领导好，ZG-12 已整改到位',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
    },
    {
      text: '同意 ZG-12 延期',
      expect: { command: 'decide_extension', item: 'ZG-12', approve: true },
    },
    {
      text: '不同意 ZG-12 延期申请，按原期限完成',
      expect: { command: 'decide_extension', item: 'ZG-12', approve: false, note: '按原期限完成' },
    },
    {
      name: 'a reply to an extension request: 不同意 and why',
      text: '不同意，请按原期限完成',
      ctx: ctxAt('2021-03-16', { quote: '申请延期 ZG-21 至 4月10日 原因：需采购设备' }),
      expect: { command: 'decide_extension', item: 'ZG-21', approve: false, note: '请按原期限完成' },
    },
    {
      name: 'a reply to a completion report: 不合格 and why',
      text: '不合格，灭火器压力不足',
      ctx: ctxAt('2021-03-16', { quote: 'ZG-12 已整改完毕，请验收' }),
      expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '灭火器压力不足' },
    },
    {
      name: '理由不充分 is the note, not a label',
      text: '驳回延期 ZG-12 理由不充分',
      expect: { command: 'decide_extension', item: 'ZG-12', approve: false, note: '理由不充分' },
    },
    {
      name: 'voice: 延到 and a reason after 因为',
      text: '延期申请ZG14延到四月三十号因为要等教育局审批',
      ctx: ctxAt('2021-03-16', { voice: true }),
      expect: {
        command: 'request_extension',
        item: 'ZG-14',
        until: '2021-04-30',
        reason: '因为要等教育局审批',
      },
    },
    { text: '查询学校 城关27小', expect: { command: 'query', school: CG } },
    { text: '查询城关27小的整改情况', expect: { command: 'query', school: CG } },
    { text: '查一下龙泉小学', expect: { command: 'query', school: LQ } },
    { name: '等一下 is talk, never a typo of 查一下', text: '等一下龙泉小学', expect: { command: 'none' } },
  ]);
});

describe('the second round of field readings', () => {
  cases([
    { text: '收到收到 ZG-33', expect: { command: 'acknowledge', item: 'ZG-33' } },
    {
      text: '申请 ZG-45 延期至4月15日，原因是设备未到货',
      expect: { command: 'request_extension', item: 'ZG-45', until: '2021-04-15', reason: '设备未到货' },
    },
    {
      text: 'ZG-45 已按要求整改到位，请审核',
      expect: { command: 'report_progress', item: 'ZG-45', status: 'done', note: '请审核' },
    },
    {
      text: 'ZG-45 正在整改中，预计本周五完成',
      expect: { command: 'report_progress', item: 'ZG-45', status: 'in_progress', note: '预计本周五完成' },
    },
    {
      text: '我校已完成 ZG-45 的整改',
      expect: { command: 'report_progress', item: 'ZG-45', status: 'done' },
    },
    {
      name: '我校… is a sentence, never a typo of 学校',
      text: '我校今天开展了消防演练活动',
      expect: { command: 'none' },
    },
    { text: '待办有哪些？', expect: { command: 'todo' } },
    {
      text: '申请延期 ZG-45，理由：需等设备厂家上门安装，预计4月15日前完成',
      expect: {
        command: 'request_extension',
        item: 'ZG-45',
        until: '2021-04-15',
        reason: '需等设备厂家上门安装，预计4月15日前完成',
      },
    },
    {
      name: 'voice: labels followed by 是',
      text: '提交督导记录学校是龙泉小学日期是今天问题是食堂留样记录不全整改期限是一周内',
      ctx: ctxAt('2021-03-16', { voice: true }),
      expect: R(LQ, '2021-03-16', [P('食堂留样记录不全', '2021-03-23')]),
    },
    {
      text: '提交督导记录 学校：龙泉小学 问题：A.食堂留样记录缺失 B.消毒柜未定期消毒 期限：一周内',
      expect: R(LQ, '2021-03-16', [P('食堂留样记录缺失', '2021-03-23'), P('消毒柜未定期消毒', '2021-03-23')]),
    },
    {
      text: '提交督导记录 学校：龙泉小学 问题：⑴食堂留样记录缺失⑵消毒柜未定期消毒',
      expect: R(LQ, '2021-03-16', [
        P('食堂留样记录缺失', '2021-03-30', 'default'),
        P('消毒柜未定期消毒', '2021-03-30', 'default'),
      ]),
    },
    {
      name: 'a keyword followed by 的 is a word',
      text: '验收的时候请带上整改前后的照片',
      expect: { command: 'none' },
    },
    {
      name: 'two items before a command word: refused, one item a message',
      text: 'ZG12 ZG13 都已整改',
      expect: { error: 'bad_item', message: /一条消息只能办理一个事项/ },
    },
    { text: '查询逾期事项', expect: { command: 'overdue' } },
    { text: '已经整改好了 ZG-12', expect: { command: 'report_progress', item: 'ZG-12', status: 'done' } },
    {
      name: 'prose on the school’s own line',
      text: '提交督导记录 学校：龙泉小学 今天上午开展挂牌督导，发现食堂留样记录不全，要求一周内整改。',
      expect: R(LQ, '2021-03-16', [P('食堂留样记录不全', '2021-03-23')], {
        findings: '今天上午开展挂牌督导',
      }),
    },
    {
      name: 'prose naming two schools is asked which, never guessed',
      text: '提交督导记录 今天到龙泉小学和龙泉中学开展联合督导，发现作业公示不及时，一周内整改。',
      expect: { error: 'ambiguous_school', message: /龙泉小学、龙泉中学/ },
    },
    {
      text: '关于ZG-12，申请延期至4月30日，原因是需要等待统一采购',
      expect: {
        command: 'request_extension',
        item: 'ZG-12',
        until: '2021-04-30',
        reason: '需要等待统一采购',
      },
    },
    {
      text: '关于 ZG-12 的整改：已完成',
      expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
    },
    {
      name: 'a short clause before an item command',
      text: '经现场查看，验收 ZG-12 通过',
      expect: { command: 'recheck', item: 'ZG-12', pass: true },
    },
    { text: '请帮我查询一下龙泉小学', expect: { command: 'query', school: LQ } },
    {
      name: 'replying to a notice: 该问题已整改完毕',
      text: '该问题已整改完毕，请验收',
      ctx: ctxAt('2021-03-16', { quote: '【整改通知】ZG-12 作业公示栏未按周更新' }),
      expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '请验收' },
    },
    {
      name: 'a report in sections: 一、基本情况 二、存在问题 三、整改要求',
      text: '提交督导记录\n龙泉小学挂牌督导情况\n一、基本情况\n3月15日上午，到龙泉小学开展挂牌督导。\n二、存在问题\n1.食堂留样记录不全；\n2.部分灭火器过期。\n三、整改要求\n请学校于3月31日前整改到位。',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-31'), P('部分灭火器过期', '2021-03-31')], {
        findings: '3月15日上午，到龙泉小学开展挂牌督导。',
        remark: '整改要求：请学校于3月31日前整改到位。',
      }),
    },
    {
      name: 'voice: a filler before the keyword',
      text: '那个提交督导记录学校龙泉小学问题食堂留样不全',
      ctx: ctxAt('2021-03-16', { voice: true }),
      expect: R(LQ, '2021-03-16', [P('食堂留样不全', '2021-03-30', 'default')]),
    },
    {
      name: 'prose dated 3.15上午',
      text: '提交督导记录 3.15上午到龙泉小学督导，发现围墙破损，一周内修复',
      expect: R(LQ, '2021-03-15', [P('围墙破损', '2021-03-22')], { findings: '3.15上午到龙泉小学督导' }),
    },
    {
      name: 'a day of the month alone: this month',
      text: '提交督导记录 学校：龙泉小学 日期：12日 问题：围墙破损，3月19日前修复',
      expect: R(LQ, '2021-03-12', [P('围墙破损', '2021-03-19')]),
      assumptions: ['『12日』按 3月12日 周五 计'],
    },
    {
      name: 'a day of the month still to come: last month',
      text: '提交督导记录 学校：龙泉小学 日期：20号 问题：围墙破损，3月19日前修复',
      expect: R(LQ, '2021-02-20', [P('围墙破损', '2021-03-19')]),
    },
    { text: '【ZG-12】已整改', expect: { command: 'report_progress', item: 'ZG-12', status: 'done' } },
    {
      name: 'bare numbers after spaces in a typed list',
      text: '提交督导记录 学校：龙泉小学 问题：1食堂留样记录不全 2灭火器过期 期限：一周内',
      expect: R(LQ, '2021-03-16', [P('食堂留样记录不全', '2021-03-23'), P('灭火器过期', '2021-03-23')]),
    },
    {
      name: '… never a quantity (2楼, 3名)',
      text: '提交督导记录 学校：龙泉小学 问题：1楼走廊灭火器过期 3名教师未持证',
      expect: R(LQ, '2021-03-16', [P('1楼走廊灭火器过期 3名教师未持证', '2021-03-30', 'default')]),
    },
    {
      name: 'bullets',
      text: '提交督导记录 学校：龙泉小学 问题：\n- 食堂留样记录不全\n- 灭火器过期\n期限：一周内',
      expect: R(LQ, '2021-03-16', [P('食堂留样记录不全', '2021-03-23'), P('灭火器过期', '2021-03-23')]),
    },
    {
      name: 'a hyphen inside a problem is no bullet',
      text: '提交督导记录 学校：龙泉小学 问题：教室PM2.5-PM10监测仪损坏',
      expect: R(LQ, '2021-03-16', [P('教室PM2.5-PM10监测仪损坏', '2021-03-30', 'default')]),
    },
    {
      name: 'stickers and emoji are reactions',
      text: '收到[抱拳] ZG-12👍',
      expect: { command: 'acknowledge', item: 'ZG-12' },
    },
    { text: '逾期的有哪些', expect: { command: 'overdue' } },
    {
      name: 'voice: ZG杠12, the dash as it is said',
      text: '整改进度ZG杠十二已完成',
      ctx: ctxAt('2021-03-16', { voice: true }),
      expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
    },
    { text: 'ZG-15已处理完毕', expect: { command: 'report_progress', item: 'ZG-15', status: 'done' } },
    {
      name: 'replying to a notice: 已修好',
      text: '已修好',
      ctx: ctxAt('2021-03-16', { quote: '【整改通知】ZG-15 食堂排风扇损坏' }),
      expect: { command: 'report_progress', item: 'ZG-15', status: 'done' },
    },
    {
      name: '退回 with its new deadline after a label',
      text: '退回 ZG-15 原因：照片模糊 期限：3月19日',
      expect: {
        command: 'recheck',
        item: 'ZG-15',
        pass: false,
        note: '照片模糊 期限：3月19日',
        until: '2021-03-19',
      },
    },
    {
      name: 'prose: the demand after the finding is the requirement, kept as a remark',
      text: '提交督导记录 今天到龙泉小学督导，发现个别教师体罚学生，要求学校立即调查处理，3月19日前报送处理结果。',
      expect: R(LQ, '2021-03-16', [P('个别教师体罚学生', '2021-03-19')], {
        findings: '今天到龙泉小学督导',
        remark: '整改要求：要求学校立即调查处理，3月19日前报送处理结果',
      }),
    },
    {
      name: 'a contrast starts the findings of prose without 发现',
      text: '提交督导记录 昨天到龙泉小学回头看，上次的问题已整改，但午睡室消毒记录仍不完整，一周内补齐。',
      expect: R(LQ, '2021-03-15', [P('午睡室消毒记录仍不完整', '2021-03-22')], {
        kind: '回头看',
        findings: '昨天到龙泉小学回头看，上次的问题已整改',
      }),
    },
  ]);
});

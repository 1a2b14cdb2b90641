import { describe } from 'vitest';
import { createSchoolIndex } from '../../src/parser/school-index.js';
import { P, R, cases } from './case.js';
import { ctxAt, S, schools, zones } from './fixture.js';
import { EXAMPLE_RECORD } from '../fixtures/example-record.js';

// Sent on 2021-03-16 (Tue); the visit 3月15日 (Mon). Default deadline: 10 working days after
// 3月15日 = 3月29日 (Mon): 16,17,18,19,22,23,24,25,26,29.

const LQ = S['s-lqxx']!;

describe('the docs/spec/commands.md example', () => {
  cases([
    {
      text: EXAMPLE_RECORD,
      expect: R(
        LQ,
        '2021-03-15',
        [P('三年级作业公示栏未按周更新', '2021-03-22'), P('课后服务学生签到表缺2月数据', '2021-03-31')],
        {
          kind: '专项督导',
          topic: '双减',
          findings: '抽查三、五年级作业公示和课后服务台账。',
        },
      ),
      noAssumptions: true,
    },
  ]);
});

describe('labels: colon, line break, order, synonyms, one-line form', () => {
  const one = [P('食堂留样记录不全', '2021-03-29', 'default')];
  cases([
    {
      text: '提交督导记录\n学校:龙泉小学\n日期:3月15日\n问题:食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '提交督导记录\n学校\n龙泉小学\n日期\n3月15日\n问题\n食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '提交督导记录\n问题：食堂留样记录不全\n日期：3月15日\n学校：龙泉小学',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '督导记录\n校名：龙泉小学\n督导日期：3月15日\n存在问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '提交记录\n督导学校：龙泉小学\n时间：3月15日\n发现问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '上报督导记录\n园所：实验幼儿园\n督导时间：3月15日\n整改问题：食堂留样记录不全',
      expect: R(S['s-syyey']!, '2021-03-15', one),
    },
    {
      text: '提交督导记录 学校：龙泉小学；日期：3月15日；问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '提交督导记录 学校:龙泉小学;日期:3月15日;问题:食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '提交督导记录：学校：龙泉小学，日期：3月15日，问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '提交督导记录 学校：龙泉小学 日期：3月15日 问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      name: 'no keyword, but labels',
      text: '学校：龙泉小学\n日期：3月15日\n问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      name: 'school right after the keyword',
      text: '提交督导记录 龙泉小学\n日期：3月15日\n问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '提交督导记录如下：\n学校：龙泉小学\n日期：3月15日\n问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '@督导助手 提交督导记录\r\n学校：龙泉小学\r\n日期：3月15日\r\n问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '提交督导记录 @督导助手\n学校 ： 龙泉小学\n日期 ： 3月15日\n问题 ：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', one),
    },
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n情况：检查课后服务\n亮点：作业设计分层\n备注：校长陪同\n问题：无',
      expect: R(LQ, '2021-03-15', [], {
        findings: '检查课后服务',
        highlights: '作业设计分层',
        remark: '校长陪同',
      }),
    },
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n督导内容：课后服务\n经验：社团丰富',
      expect: R(LQ, '2021-03-15', [], { findings: '课后服务', highlights: '社团丰富' }),
    },
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n督导情况：\n一、查阅台账\n二、访谈教师\n特色：阅读活动',
      expect: R(LQ, '2021-03-15', [], { findings: '一、查阅台账\n二、访谈教师', highlights: '阅读活动' }),
    },
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n情况：抽查作业(三年级)',
      expect: R(LQ, '2021-03-15', [], { findings: '抽查作业（三年级）' }),
    },
    {
      name: 'text before the first label (not a school) goes to 备注, and says so',
      text: '提交督导记录\n今天随堂听课两节\n课后查阅台账\n学校：龙泉小学\n日期：3月15日',
      expect: R(LQ, '2021-03-15', [], { remark: '今天随堂听课两节\n课后查阅台账' }),
      assumptions: [/记入备注/],
    },
  ]);
});

describe('类型, 暗访/明查, 主题', () => {
  const base = '提交督导记录\n学校：龙泉小学\n日期：3月15日\n';
  cases([
    { text: base + '类型：挂牌督导', expect: R(LQ, '2021-03-15', [], { kind: '挂牌督导' }) },
    { text: base + '类型：经常性督导', expect: R(LQ, '2021-03-15', [], { kind: '经常性督导' }) },
    {
      text: base + '督导类型：随机督导（暗访）',
      expect: R(LQ, '2021-03-15', [], { kind: '随机督导', manner: '暗访' }),
    },
    {
      text: base + '方式：专项督导 明查',
      expect: R(LQ, '2021-03-15', [], { kind: '专项督导', manner: '明查' }),
    },
    { text: base + '类型：综合督导', expect: R(LQ, '2021-03-15', [], { kind: '综合督导' }) },
    { text: base + '类型：回头看', expect: R(LQ, '2021-03-15', [], { kind: '回头看' }) },
    {
      text: base + '类型：专项督导(双减)',
      expect: R(LQ, '2021-03-15', [], { kind: '专项督导', topic: '双减' }),
    },
    {
      text: base + '类型：专项督导（暗访）（校园安全）',
      expect: R(LQ, '2021-03-15', [], { kind: '专项督导', manner: '暗访', topic: '校园安全' }),
    },
    {
      text: base + '类型：专项\n主题：开学工作',
      expect: R(LQ, '2021-03-15', [], { kind: '专项督导', topic: '开学工作' }),
    },
    {
      text: base + '专项：疫情防控',
      expect: R(LQ, '2021-03-15', [], { kind: '挂牌督导', topic: '疫情防控' }),
    },
    { text: base + '督导主题：双减', expect: R(LQ, '2021-03-15', [], { kind: '挂牌督导', topic: '双减' }) },
    {
      text: base + '类型：校长任期结束综合督导',
      expect: R(LQ, '2021-03-15', [], { kind: '综合督导', topic: '校长任期结束' }),
    },
    {
      text: base + '类型：幼儿园办园行为专项督导',
      expect: R(LQ, '2021-03-15', [], { kind: '专项督导', topic: '幼儿园办园行为' }),
    },
    {
      text: base + '类型：暗访',
      expect: R(LQ, '2021-03-15', [], { kind: '挂牌督导', manner: '暗访' }),
      assumptions: ['未写督导类型，按挂牌督导登记'],
    },
    { text: base + '类型：明察暗访', expect: R(LQ, '2021-03-15', [], { kind: '挂牌督导' }) },
    { text: base + '类型：大检查', expect: { error: 'missing_field', message: /看不懂督导类型『大检查』/ } },
  ]);
});

describe('problem lists', () => {
  const head = '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：\n';
  const two = [P('作业公示栏未更新', '2021-03-29', 'default'), P('签到表缺数据', '2021-03-29', 'default')];
  cases([
    { text: head + '1.作业公示栏未更新\n2.签到表缺数据', expect: R(LQ, '2021-03-15', two) },
    { text: head + '1、作业公示栏未更新\n2、签到表缺数据', expect: R(LQ, '2021-03-15', two) },
    { text: head + '（1）作业公示栏未更新\n（2）签到表缺数据', expect: R(LQ, '2021-03-15', two) },
    { text: head + '(1)作业公示栏未更新\n(2)签到表缺数据', expect: R(LQ, '2021-03-15', two) },
    { text: head + '①作业公示栏未更新\n②签到表缺数据', expect: R(LQ, '2021-03-15', two) },
    { text: head + '一、作业公示栏未更新\n二、签到表缺数据', expect: R(LQ, '2021-03-15', two) },
    { text: head + '１．作业公示栏未更新\n２．签到表缺数据', expect: R(LQ, '2021-03-15', two) },
    { text: head + '作业公示栏未更新\n签到表缺数据', expect: R(LQ, '2021-03-15', two) },
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：1、作业公示栏未更新；2、签到表缺数据',
      expect: R(LQ, '2021-03-15', two),
    },
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：1.作业公示栏未更新 2.签到表缺数据',
      expect: R(LQ, '2021-03-15', two),
    },
    { text: head + '存在以下问题：\n1、作业公示栏未更新\n2、签到表缺数据', expect: R(LQ, '2021-03-15', two) },
    {
      text: head + '1、抽查3、5年级作业量偏大',
      expect: R(LQ, '2021-03-15', [P('抽查3、5年级作业量偏大', '2021-03-29', 'default')]),
    },
    {
      text: head + '1、楼梯护栏高度不足1.05米',
      expect: R(LQ, '2021-03-15', [P('楼梯护栏高度不足1.05米', '2021-03-29', 'default')]),
    },
    {
      text: head + '1、作业公示栏未更新\n要求学校尽快完善制度\n2、签到表缺数据',
      expect: R(LQ, '2021-03-15', [
        P('作业公示栏未更新，要求学校尽快完善制度', '2021-03-29', 'default'),
        two[1]!,
      ]),
    },
    {
      name: 'a deadline on its own continuation line',
      text: head + '1、作业公示栏未更新\n5个工作日内整改\n2、签到表缺数据',
      expect: R(LQ, '2021-03-15', [P('作业公示栏未更新', '2021-03-22'), two[1]!]),
    },
    { text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：暂无', expect: R(LQ, '2021-03-15', []) },
    {
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：未发现问题',
      expect: R(LQ, '2021-03-15', []),
    },
    {
      name: 'one problem: the default deadline is assumed and said',
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：食堂留样记录不全',
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-29', 'default')]),
      assumptions: ['问题未写期限，按默认 10 个工作日计，至 3月29日 周一'],
    },
    {
      name: 'several problems without deadline are listed in one assumption',
      text: head + '1、作业公示栏未更新\n2、签到表缺数据，3月31日前补齐\n3、食堂留样不全',
      expect: R(LQ, '2021-03-15', [
        P('作业公示栏未更新', '2021-03-29', 'default'),
        P('签到表缺数据', '2021-03-31'),
        P('食堂留样不全', '2021-03-29', 'default'),
      ]),
      assumptions: ['第1、3项问题未写期限，按默认 10 个工作日计，至 3月29日 周一'],
    },
    {
      name: 'a configured default of 5 working days',
      text: '提交督导记录\n学校：龙泉小学\n日期：3月15日\n问题：食堂留样记录不全',
      ctx: ctxAt('2021-03-16', { defaultDeadlineWorkdays: 5 }),
      expect: R(LQ, '2021-03-15', [P('食堂留样记录不全', '2021-03-22', 'default')]),
    },
  ]);
});

describe('the record’s 期限 and problem deadlines together', () => {
  const head = '提交督导记录\n学校：龙泉小学\n日期：3月15日\n';
  cases([
    {
      text: head + '整改期限：3月31日前\n问题：\n1、作业公示栏未更新\n2、签到表缺数据，5个工作日内补齐',
      expect: R(LQ, '2021-03-15', [P('作业公示栏未更新', '2021-03-31'), P('签到表缺数据', '2021-03-22')]),
      noAssumptions: true,
    },
    {
      text: head + '期限：两周内\n问题：作业公示栏未更新',
      expect: R(LQ, '2021-03-15', [P('作业公示栏未更新', '2021-03-29')]),
    },
    {
      text: head + '整改时限：10个工作日\n问题：作业公示栏未更新',
      expect: R(LQ, '2021-03-15', [P('作业公示栏未更新', '2021-03-29')]),
    },
    {
      text: head + '期限：10天\n问题：作业公示栏未更新',
      expect: R(LQ, '2021-03-15', [P('作业公示栏未更新', '2021-03-25')]),
    },
    {
      text: head + '期限：尽快\n问题：作业公示栏未更新',
      expect: { error: 'bad_deadline', message: /看不懂整改期限『尽快』。\n可以这样写：3月31日前/ },
    },
    {
      text: head + '期限：3月10日前\n问题：作业公示栏未更新',
      expect: {
        error: 'bad_deadline',
        message: '记录的整改期限 3月10日 周三 早于督导日期 3月15日 周一，请核对后重新发送。',
      },
    },
    {
      text: head + '问题：作业公示栏未更新；期限：3月31日',
      expect: R(LQ, '2021-03-15', [P('作业公示栏未更新', '2021-03-31')]),
    },
    {
      text: head + '问题：作业公示栏未更新，在3月31日前补齐公示内容',
      expect: R(LQ, '2021-03-15', [P('作业公示栏未更新，在3月31日前补齐公示内容', '2021-03-31')]),
    },
    {
      text: head + '问题：作业公示栏未更新（一周内）',
      expect: R(LQ, '2021-03-15', [P('作业公示栏未更新', '2021-03-22')]),
    },
    {
      text: head + '问题：作业公示栏未更新，要求5个工作日内整改到位',
      expect: R(LQ, '2021-03-15', [P('作业公示栏未更新', '2021-03-22')]),
    },
    {
      text: head + '问题：消防通道堆放杂物，立行立改',
      expect: R(LQ, '2021-03-15', [P('消防通道堆放杂物', '2021-03-15')]),
    },
    {
      text: head + '问题：消防通道堆放杂物，立即清理',
      expect: R(LQ, '2021-03-15', [P('消防通道堆放杂物', '2021-03-15')]),
    },
    {
      text: head + '问题：食堂使用过期消毒液，立即停止使用并更换',
      expect: R(LQ, '2021-03-15', [P('食堂使用过期消毒液，立即停止使用并更换', '2021-03-15')]),
    },
    {
      text: head + '问题：3月12日课后服务超时，未及时放学',
      expect: R(LQ, '2021-03-15', [P('3月12日课后服务超时，未及时放学', '2021-03-29', 'default')]),
    },
    {
      text: head + '问题：约1/3学生作业超时',
      expect: R(LQ, '2021-03-15', [P('约1/3学生作业超时', '2021-03-29', 'default')]),
    },
    {
      text: head + '问题：两个月前已发现渗水，至今未修',
      expect: R(LQ, '2021-03-15', [P('两个月前已发现渗水，至今未修', '2021-03-29', 'default')]),
    },
    {
      text: head + '问题：每周五未开展安全教育',
      expect: R(LQ, '2021-03-15', [P('每周五未开展安全教育', '2021-03-29', 'default')]),
    },
    {
      text: head + '问题：校内3处灭火器过期',
      expect: R(LQ, '2021-03-15', [P('校内3处灭火器过期', '2021-03-29', 'default')]),
    },
    {
      text: head + '问题：台账不全，3月31日前完成初稿，4月15日前全部补齐',
      expect: R(LQ, '2021-03-15', [P('台账不全，3月31日前完成初稿', '2021-04-15')]),
      assumptions: [/写了2个期限，按最后一个『4月15日前』计/],
    },
    {
      text: head + '问题：作业公示栏未更新，下下周内整改',
      expect: { error: 'bad_deadline', message: /看不懂整改期限『下下周内整改』/ },
    },
    {
      text: head + '问题：作业公示栏未更新，3月10日前整改',
      expect: {
        error: 'bad_deadline',
        message: '问题的整改期限 3月10日 周三 早于督导日期 3月15日 周一，请核对后重新发送。',
      },
    },
    {
      text: head + '问题：\n1、作业公示栏未更新\n2、签到表缺数据，3月1日前补齐',
      expect: { error: 'bad_deadline', message: /第2项问题的整改期限 3月1日 周一 早于督导日期/ },
    },
    {
      text: head + '问题：签到表缺数据，2月30日前补齐',
      expect: { error: 'bad_deadline', message: /2月30日不是有效日期/ },
    },
    {
      text: head + '问题：签到表缺数据，3月31日（周五）前补齐',
      expect: { error: 'bad_deadline', message: /3月31日 周三，不是周五/ },
    },
    {
      text: head + '问题：签到表缺数据，3月31日（周三）前补齐',
      expect: R(LQ, '2021-03-15', [P('签到表缺数据', '2021-03-31')]),
    },
    {
      text: head + '问题：签到表缺数据，3月31日完成',
      expect: R(LQ, '2021-03-15', [P('签到表缺数据', '2021-03-31')]),
    },
    {
      text: head + '问题：签到表缺数据，三天后补齐',
      expect: { error: 'bad_deadline', message: /看不懂整改期限『三天后补齐』/ },
    },
    {
      text: head + '问题：签到表缺数据，下周内补齐',
      expect: { error: 'bad_deadline', message: /『下周内补齐』/ },
    },
    {
      text: head + '问题：签到表缺数据，0天内补齐',
      expect: { error: 'bad_deadline', message: /天数应在 1 到 730 之间/ },
    },
    {
      text: head + '问题：春节前后未开展安全教育',
      expect: R(LQ, '2021-03-15', [P('春节前后未开展安全教育', '2021-03-29', 'default')]),
    },
  ]);
});

describe('schools in a record', () => {
  const rec = (school: string) => `提交督导记录\n学校：${school}\n日期：3月15日`;
  cases([
    { text: rec('龙泉小学'), expect: R(LQ, '2021-03-15', []), noAssumptions: true },
    {
      text: rec('龙泉小'),
      expect: R(LQ, '2021-03-15', []),
      assumptions: ['『龙泉小』按简称识别为 龙泉小学'],
    },
    {
      text: rec('城关27小'),
      expect: R(S['s-cg27']!, '2021-03-15', []),
      assumptions: ['『城关27小』按简称识别为 城关第二十七小学'],
    },
    {
      text: rec('城关27小学'),
      expect: R(S['s-cg27']!, '2021-03-15', []),
      assumptions: ['『城关27小学』识别为 城关第二十七小学'],
    },
    { text: rec('城关二十七小学'), expect: R(S['s-cg27']!, '2021-03-15', []) },
    { text: rec('城关第２７小学'), expect: R(S['s-cg27']!, '2021-03-15', []) },
    { text: rec('区实验幼儿园'), expect: R(S['s-syyey']!, '2021-03-15', []) },
    {
      text: rec('县实验幼儿园'),
      expect: R(S['s-syyey']!, '2021-03-15', []),
      assumptions: ['『县实验幼儿园』识别为 实验幼儿园'],
    },
    {
      text: rec('城南小学'),
      expect: R(S['s-cnxx']!, '2021-03-15', []),
      assumptions: ['『城南小学』识别为 大足区城南小学'],
    },
    { text: rec('重庆市大足区城南小学'), expect: R(S['s-cnxx']!, '2021-03-15', []) },
    { text: rec('一中'), expect: R(S['s-yz']!, '2021-03-15', []) },
    { text: rec('1中'), expect: R(S['s-yz']!, '2021-03-15', []) },
    { text: rec('“育才学校”'), expect: R(S['s-ycxx']!, '2021-03-15', []) },
    {
      text: rec('红星'),
      expect: {
        error: 'ambiguous_school',
        message: '『红星』对应多所学校：红星小学、红星幼儿园。请写出全称后重新发送。',
      },
    },
    {
      text: rec('龙泉'),
      expect: { error: 'unknown_school', message: '未找到学校『龙泉』。您是否要找：龙泉小学、龙泉中学？' },
    },
    {
      text: rec('育才'),
      expect: { error: 'unknown_school', message: '未找到学校『育才』。您是否要找：育才学校？' },
    },
    {
      text: rec('旧城小学'),
      expect: {
        error: 'unknown_school',
        message: '学校『旧城小学』已停用，不能再办理。如有疑问请联系管理员。',
      },
    },
    {
      name: 'docs/spec/commands.md: 龙泉小 without that short name in the roster',
      text: rec('龙泉小'),
      ctx: ctxAt('2021-03-16', {
        schools: createSchoolIndex(
          schools.map((s) => ({ ...s, shortNames: [] })),
          zones,
        ),
      }),
      expect: { error: 'unknown_school', message: '未找到学校『龙泉小』。您是否要找：龙泉小学、龙泉中学？' },
    },
    {
      text: '提交督导记录\n日期：3月15日\n问题：食堂留样不全',
      expect: { error: 'missing_field', message: /^缺少『学校』。请按如下格式发送：\n提交督导记录\n学校：/ },
    },
    { text: '提交督导记录', expect: { error: 'missing_field', message: /缺少『学校』/ } },
    { text: '督导记录怎么提交？', expect: { error: 'missing_field', message: /缺少『学校』/ } },
    {
      text: '提交督导记录\n学校：龙泉小学\n学校：龙泉中学\n日期：3月15日',
      expect: {
        error: 'ambiguous_school',
        message: '『学校』写了2次（龙泉小学、龙泉中学），请只保留一个后重新发送。',
      },
    },
    { text: '提交督导记录\n学校：龙泉小学\n学校：龙泉小学\n日期：3月15日', expect: R(LQ, '2021-03-15', []) },
  ]);
});

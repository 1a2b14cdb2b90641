import type { ParseErrorCode, VisitKind } from '../../src/domain/command.js';

/**
 * The second, independent corpus of issue 15: messages written the way supervisors and
 * principals really send them (narrative records, voice transcriptions without punctuation and
 * with homophones of the command words, quoted replies, @-mentions anywhere, every kind of inline
 * numbering, and every kind of reply), on the demo district (examples/roster.json: 龙泉小学 S01 …
 * 区第二高级中学 S20, with their nicknames) and the vocabulary of the 2021 district plans.
 *
 * Each expected reading was written by hand from docs/spec/commands.md and the 2021 calendar
 * (2021-03-16 is a Tuesday; 4月3–5日 清明, 5月1–5日 劳动节 with 4月25日 worked), never copied from
 * the parser. Problem texts are compared without spaces and end punctuation; a note or reason
 * only has to contain the words given. field-corpus.test.ts reports the pass rate.
 */

export type Group =
  | 'narrative'
  | 'voice'
  | 'quote'
  | 'mention'
  | 'numbering'
  | 'principal'
  | 'supervisor'
  | 'lookup';

/** [text, deadline] or [text, deadline, 'default'] when no deadline was written. */
export type ExpectedProblem = [string, string] | [string, string, 'default'];

export interface ExpectedRecord {
  visit: {
    /** the demo roster's school id */
    school: string;
    date: string;
    kind?: VisitKind;
    manner?: '暗访' | '明查';
    topic?: string;
    problems: ExpectedProblem[];
  };
}

export interface ExpectedCommand {
  command: string;
  item?: string;
  record?: string;
  /** the demo roster's school id (query) */
  school?: string;
  status?: 'in_progress' | 'done';
  approve?: boolean;
  pass?: boolean;
  until?: string;
  from?: string;
  to?: string;
  /** words the note (or the reason) must contain */
  note?: string;
}

export type Expected = ExpectedRecord | ExpectedCommand | { error: ParseErrorCode };

export interface FieldCase {
  id: string;
  group: Group;
  text: string;
  /** the day the message is sent (10:00 China time); default 2021-03-16 */
  now?: string;
  /** the platform's transcription of a voice message */
  voice?: boolean;
  /** the text of the message this one quotes, as the platform gives it apart */
  quote?: string;
  expect: Expected;
}

const rec = (
  school: string,
  date: string,
  problems: ExpectedProblem[],
  extra: Omit<ExpectedRecord['visit'], 'school' | 'date' | 'problems'> = {},
): ExpectedRecord => ({ visit: { school, date, ...extra, problems } });

const NOTICE = '【整改通知】ZG-21 三年级作业公示栏未按周更新，期限 3月22日 周一，请及时整改';

export const FIELD_CORPUS: FieldCase[] = [
  // ── narrative records: a supervisor writing prose ──────────────────────────────────────
  {
    id: 'N01',
    group: 'narrative',
    text: '提交督导记录 今天上午到龙泉小学开展了常规督导，发现三年级作业公示栏未按周更新，要求月底前整改。',
    expect: rec('S01', '2021-03-16', [['三年级作业公示栏未按周更新', '2021-03-31']], { kind: '经常性督导' }),
  },
  {
    id: 'N02',
    group: 'narrative',
    text: '@督导助手 提交督导记录\n3月15日上午，我到棠香中心校开展挂牌督导。发现以下问题：一是食堂留样记录不全；二是部分教室灭火器过期。要求一周内整改到位。',
    expect: rec(
      'S06',
      '2021-03-15',
      [
        ['食堂留样记录不全', '2021-03-22'],
        ['部分教室灭火器过期', '2021-03-22'],
      ],
      { kind: '挂牌督导' },
    ),
  },
  {
    id: 'N03',
    group: 'narrative',
    text: '提交督导记录：昨天下午对龙泉中学进行了双减专项督导，抽查了初二、初三的作业公示和课后服务台账。存在问题：1.初二年级作业公示不及时，5个工作日内整改；2.课后服务学生签到表缺2月数据，3月31日前补齐。',
    expect: rec(
      'S02',
      '2021-03-15',
      [
        ['初二年级作业公示不及时', '2021-03-22'],
        ['课后服务学生签到表缺2月数据', '2021-03-31'],
      ],
      { kind: '专项督导', topic: '双减' },
    ),
  },
  {
    id: 'N04',
    group: 'narrative',
    // commas join the clauses of one finding: nothing is split on a guess
    text: '提交督导记录 今天到城关二幼开展幼儿园办园行为专项督导，发现午睡室紫外线消毒记录不全，大班存在小学化倾向，要求两周内整改。',
    expect: rec('S05', '2021-03-16', [['午睡室紫外线消毒记录不全，大班存在小学化倾向', '2021-03-30']], {
      kind: '专项督导',
      topic: '幼儿园办园行为',
    }),
  },
  {
    id: 'N05',
    group: 'narrative',
    text: '提交督导记录\n今天上午随机督导了光谷27小，课间巡查发现二楼走廊消防栓被杂物遮挡，立即整改。',
    expect: rec('S11', '2021-03-16', [['二楼走廊消防栓被杂物遮挡', '2021-03-16']], { kind: '随机督导' }),
  },
  {
    id: 'N06',
    group: 'narrative',
    text: '@督导助手 今天上午到宝顶小学开展挂牌督导，发现学校食堂从业人员健康证有2人过期，要求3个工作日内补办。',
    expect: rec('S16', '2021-03-16', [['学校食堂从业人员健康证有2人过期', '2021-03-19']], {
      kind: '挂牌督导',
    }),
  },
  {
    id: 'N07',
    group: 'narrative',
    text: '提交督导记录 3月12日到大屋陈学校督导，学校整体情况良好，未发现问题。',
    expect: rec('S09', '2021-03-12', []),
  },
  {
    id: 'N08',
    group: 'narrative',
    text: '提交督导记录 3月15日（周一）上午9:00—11:30，王建国、周文到龙泉小学开展经常性督导。主要发现：①晨午检记录不完整；②隔离室物资不足，3月19日前补齐；③个别班级午餐时间过短。请学校于3月26日前将整改情况报督导室。',
    expect: rec(
      'S01',
      '2021-03-15',
      [
        ['晨午检记录不完整', '2021-03-26'],
        ['隔离室物资不足', '2021-03-19'],
        ['个别班级午餐时间过短', '2021-03-26'],
      ],
      { kind: '经常性督导' },
    ),
  },
  {
    id: 'N09',
    group: 'narrative',
    text: '提交督导记录 今天对区实幼进行了开学工作督导，总体情况良好。存在的不足：户外活动场地有积水，一周内处理。',
    expect: rec('S08', '2021-03-16', [['户外活动场地有积水', '2021-03-23']]),
  },
  {
    id: 'N10',
    group: 'narrative',
    text: '提交督导记录 2021年3月10日，赵敏到龙水小学开展校园安全专项督导，检查发现：1、门卫室一键报警装置无法使用；2、校车驾驶员安全培训记录缺失。要求学校3月17日前整改到位并报送整改报告。',
    expect: rec(
      'S12',
      '2021-03-10',
      [
        ['门卫室一键报警装置无法使用', '2021-03-17'],
        ['校车驾驶员安全培训记录缺失', '2021-03-17'],
      ],
      { kind: '专项督导', topic: '校园安全' },
    ),
  },
  {
    id: 'N11',
    group: 'narrative',
    text: '提交督导记录 今天去了特校，检查了无障碍设施和康复训练室，发现康复训练室器材维护记录缺失，本周五前补齐。',
    expect: rec('S10', '2021-03-16', [['康复训练室器材维护记录缺失', '2021-03-19']]),
  },
  {
    id: 'N12',
    group: 'narrative',
    text: '提交督导记录 上午在童心幼开展挂牌督导，幼儿园保教工作规范有序，户外自主游戏开展得好。发现问题：保育员健康证1人过期，5个工作日内补办。',
    expect: rec('S14', '2021-03-16', [['保育员健康证1人过期', '2021-03-23']], { kind: '挂牌督导' }),
  },
  {
    id: 'N13',
    group: 'narrative',
    text: '提交督导记录 今天上午我和张丽华到区二中开展综合督导，发现存在以下问题：一是实验室危化品台账不规范，二是学生宿舍消防通道堆放杂物，三是心理咨询室未按规定开放。以上问题要求月底前整改完毕。',
    expect: rec(
      'S20',
      '2021-03-16',
      [
        ['实验室危化品台账不规范', '2021-03-31'],
        ['学生宿舍消防通道堆放杂物', '2021-03-31'],
        ['心理咨询室未按规定开放', '2021-03-31'],
      ],
      { kind: '综合督导' },
    ),
  },
  {
    id: 'N14',
    group: 'narrative',
    text: '提交督导记录 今天上午到城关一中督导，发现高三年级周六违规组织集体补课，责令立即停止。',
    expect: rec('S04', '2021-03-16', [['高三年级周六违规组织集体补课', '2021-03-16']]),
  },
  {
    id: 'N15',
    group: 'narrative',
    text: '提交督导记录 3月15号到育才学校进行了回头看，上次督导指出的问题已整改完毕，未发现新问题。',
    expect: rec('S18', '2021-03-15', [], { kind: '回头看' }),
  },
  {
    id: 'N16',
    group: 'narrative',
    // a school-calendar moment cannot be counted: asked, never defaulted
    text: '提交督导记录 今天暗访了阳光幼，发现园内存在超额招生现象，小班实际在园幼儿38人，要求本学期内整改。',
    expect: { error: 'bad_deadline' },
  },
  {
    id: 'N17',
    group: 'narrative',
    text: '提交督导记录\n督导学校：龙泉小学\n今天上午进行了挂牌督导，查看了校园安全和食堂管理。发现食堂留样记录不全、消毒柜未按时消毒等问题，要求一周内整改。',
    expect: rec('S01', '2021-03-16', [['食堂留样记录不全、消毒柜未按时消毒', '2021-03-23']], {
      kind: '挂牌督导',
    }),
  },
  {
    id: 'N18',
    group: 'narrative',
    text: '提交督导记录 3月11日到龙泉中参加课后服务专项督导，课后服务开展情况较好，发现课后服务收费公示不到位。请5个工作日内完成整改。',
    expect: rec('S02', '2021-03-11', [['课后服务收费公示不到位', '2021-03-18']], {
      kind: '专项督导',
      topic: '课后服务',
    }),
  },
  {
    id: 'N19',
    group: 'narrative',
    text: '督导记录：今天上午，对棠香中学开展了常规督导。发现问题如下：1.学生体质健康测试数据未按时上报；2.图书室借阅记录不完整；3.部分班级未按课表开设体育课。要求3月31日前整改。',
    expect: rec(
      'S07',
      '2021-03-16',
      [
        ['学生体质健康测试数据未按时上报', '2021-03-31'],
        ['图书室借阅记录不完整', '2021-03-31'],
        ['部分班级未按课表开设体育课', '2021-03-31'],
      ],
      { kind: '经常性督导' },
    ),
  },
  {
    id: 'N20',
    group: 'narrative',
    text: '提交督导记录 3月16日 龙泉小学 挂牌督导 发现一年级布置书面家庭作业，立行立改',
    expect: rec('S01', '2021-03-16', [['一年级布置书面家庭作业', '2021-03-16']], { kind: '挂牌督导' }),
  },
  {
    id: 'N21',
    group: 'narrative',
    text: '提交督导记录 今天到城关27小检查，发现问题两个：第一，校门口护学岗未按时到岗；第二，部分学生路队无人护送。要求下周一前整改。',
    expect: rec('S03', '2021-03-16', [
      ['校门口护学岗未按时到岗', '2021-03-22'],
      ['部分学生路队无人护送', '2021-03-22'],
    ]),
  },
  {
    id: 'N22',
    group: 'narrative',
    text: '提交督导记录 昨天在龙水中学开展暗访，晚自习期间发现初三学生使用手机情况较多，手机管理制度落实不到位，两周内整改。',
    expect: rec('S13', '2021-03-15', [['初三学生使用手机情况较多，手机管理制度落实不到位', '2021-03-29']], {
      manner: '暗访',
    }),
  },
  {
    id: 'N23',
    group: 'narrative',
    text: '提交督导记录 本周一到职教中心开展实训安全专项督导。发现：实训车间部分设备防护罩缺失；危险化学品存放不规范。要求立即整改。',
    expect: rec(
      'S15',
      '2021-03-15',
      [
        ['实训车间部分设备防护罩缺失', '2021-03-15'],
        ['危险化学品存放不规范', '2021-03-15'],
      ],
      { kind: '专项督导', topic: '实训安全' },
    ),
  },
  {
    id: 'N24',
    group: 'narrative',
    text: '提交督导记录 今天随机督导宝顶中学，食堂、宿舍、教室安全情况总体良好，未发现问题。',
    expect: rec('S17', '2021-03-16', [], { kind: '随机督导' }),
  },
  {
    id: 'N25',
    group: 'narrative',
    text: '提交督导记录 上周五到龙泉小学开展挂牌督导，发现学校课后服务签到表不规范，要求本月底前整改。',
    expect: rec('S01', '2021-03-12', [['学校课后服务签到表不规范', '2021-03-31']], { kind: '挂牌督导' }),
  },
  {
    id: 'N26',
    group: 'narrative',
    text: '提交督导记录 今日对区实验幼儿园进行常规检查，发现消毒记录不全。',
    expect: rec('S08', '2021-03-16', [['消毒记录不全', '2021-03-30', 'default']]),
  },
  {
    id: 'N27',
    group: 'narrative',
    text: '提交督导记录 3月9日上午对城关第二幼儿园开展了挂牌督导。幼儿园环境整洁，一日生活安排合理。存在问题：大班午睡室通风不良；部分玩具消毒记录缺失。整改期限：3月23日。',
    expect: rec('S05', '2021-03-09', [
      ['大班午睡室通风不良', '2021-03-23'],
      ['部分玩具消毒记录缺失', '2021-03-23'],
    ]),
  },
  {
    id: 'N28',
    group: 'narrative',
    text: '@督导助手 3月15日我在龙水镇中心小学督导时发现，学校围墙有一处破损，存在安全隐患，请于3月26日前修复。',
    expect: rec('S12', '2021-03-15', [['学校围墙有一处破损，存在安全隐患', '2021-03-26']]),
  },
  {
    id: 'N29',
    group: 'narrative',
    text: '提交督导记录 今天上午按计划对大屋陈学校开展挂牌督导，重点检查了“五项管理”落实情况。发现手机管理台账不健全；睡眠管理缺少家校沟通记录。以上问题于3月30日前整改到位。',
    expect: rec('S09', '2021-03-16', [
      ['手机管理台账不健全', '2021-03-30'],
      ['睡眠管理缺少家校沟通记录', '2021-03-30'],
    ]),
  },
  {
    id: 'N30',
    group: 'narrative',
    now: '2021-09-15',
    text: '提交督导记录 今天到龙泉中学开展秋季开学工作专项督导，发现新生入学安全教育未开展，要求国庆节前完成。',
    expect: rec('S02', '2021-09-15', [['新生入学安全教育未开展', '2021-09-30']], {
      kind: '专项督导',
      topic: '秋季开学工作',
    }),
  },
  {
    id: 'N31',
    group: 'narrative',
    now: '2021-11-10',
    text: '提交督导记录 11月9日，对育才实验学校开展课后服务专项督导。存在问题：（一）课后服务收费未公示；（二）部分学生未经家长申请参加课后服务。以上问题请在一周内整改到位。',
    expect: rec(
      'S18',
      '2021-11-09',
      [
        ['课后服务收费未公示', '2021-11-16'],
        ['部分学生未经家长申请参加课后服务', '2021-11-16'],
      ],
      { kind: '专项督导', topic: '课后服务' },
    ),
  },

  // ── voice transcriptions ────────────────────────────────────────────────────────────────
  {
    id: 'V01',
    group: 'voice',
    voice: true,
    text: '提交都导记录学校龙泉小学日期今天问题一食堂留样记录不全二消防通道堆放杂物整改期限一周内',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录不全', '2021-03-23'],
      ['消防通道堆放杂物', '2021-03-23'],
    ]),
  },
  {
    id: 'V02',
    group: 'voice',
    voice: true,
    text: '提交督导纪录学校棠香中心校日期三月十五号问题三年级作业公示栏没有按周更新五个工作日内整改',
    expect: rec('S06', '2021-03-15', [['三年级作业公示栏没有按周更新', '2021-03-22']]),
  },
  {
    id: 'V03',
    group: 'voice',
    voice: true,
    text: '提交督导记录今天上午到龙泉中学开展挂牌督导发现初二年级作业量偏大要求月底前整改',
    expect: rec('S02', '2021-03-16', [['初二年级作业量偏大', '2021-03-31']], { kind: '挂牌督导' }),
  },
  {
    id: 'V04',
    group: 'voice',
    voice: true,
    text: '整改进读ZG12已完成公示栏已经更新',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '公示栏已经更新' },
  },
  {
    id: 'V05',
    group: 'voice',
    voice: true,
    text: '眼收ZG3通过',
    expect: { command: 'recheck', item: 'ZG-3', pass: true },
  },
  {
    id: 'V06',
    group: 'voice',
    voice: true,
    text: '手到ZG15',
    expect: { command: 'acknowledge', item: 'ZG-15' },
  },
  {
    id: 'V07',
    group: 'voice',
    voice: true,
    text: '申请眼期ZG8至4月10日原因设备还没有到货',
    expect: { command: 'request_extension', item: 'ZG-8', until: '2021-04-10', note: '设备还没有到货' },
  },
  {
    id: 'V08',
    group: 'voice',
    voice: true,
    text: '收到ZG21马上安排整改',
    expect: { command: 'acknowledge', item: 'ZG-21', note: '马上安排整改' },
  },
  {
    id: 'V09',
    group: 'voice',
    voice: true,
    text: '整改完成ZG7灭火器已经全部更换',
    expect: { command: 'report_progress', item: 'ZG-7', status: 'done', note: '灭火器已经全部更换' },
  },
  {
    id: 'V10',
    group: 'voice',
    voice: true,
    text: '验收ZG5不通过照片看不清楚请重新上传',
    expect: { command: 'recheck', item: 'ZG-5', pass: false, note: '照片看不清楚' },
  },
  {
    id: 'V11',
    group: 'voice',
    voice: true,
    text: '同意眼期ZG9',
    expect: { command: 'decide_extension', item: 'ZG-9', approve: true },
  },
  {
    id: 'V12',
    group: 'voice',
    voice: true,
    text: '不同意延期ZG9请按原期限完成',
    expect: { command: 'decide_extension', item: 'ZG-9', approve: false, note: '请按原期限完成' },
  },
  {
    id: 'V13',
    group: 'voice',
    voice: true,
    text: '查询龙泉小学',
    expect: { command: 'query', school: 'S01' },
  },
  {
    id: 'V14',
    group: 'voice',
    voice: true,
    text: '查寻棠香小学',
    expect: { command: 'query', school: 'S06' },
  },
  {
    id: 'V15',
    group: 'voice',
    voice: true,
    text: '代办',
    expect: { command: 'todo' },
  },
  {
    id: 'V16',
    group: 'voice',
    voice: true,
    text: '预期',
    expect: { command: 'overdue' },
  },
  {
    id: 'V17',
    group: 'voice',
    voice: true,
    text: '整改进度zg12进行中已经联系厂家下周安装',
    expect: {
      command: 'report_progress',
      item: 'ZG-12',
      status: 'in_progress',
      note: '已经联系厂家下周安装',
    },
  },
  {
    id: 'V18',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校光谷27小日期昨天类型专项督导双减问题第一作业公示不及时第二课后服务没有全覆盖整改期限三个工作日',
    expect: rec(
      'S11',
      '2021-03-15',
      [
        ['作业公示不及时', '2021-03-18'],
        ['课后服务没有全覆盖', '2021-03-18'],
      ],
      { kind: '专项督导', topic: '双减' },
    ),
  },
  {
    id: 'V19',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校城关二幼日期三月十二日问题午睡室紫外线消毒记录不全',
    expect: rec('S05', '2021-03-12', [['午睡室紫外线消毒记录不全', '2021-03-26', 'default']]),
  },
  {
    id: 'V20',
    group: 'voice',
    voice: true,
    // DingTalk's recognition puts a comma at every pause
    text: '提交督导记录，学校，龙泉中学，日期，今天，问题，一、学生宿舍消防通道堆放杂物，二、实验室危化品台账不规范，整改期限，月底前。',
    expect: rec('S02', '2021-03-16', [
      ['学生宿舍消防通道堆放杂物', '2021-03-31'],
      ['实验室危化品台账不规范', '2021-03-31'],
    ]),
  },
  {
    id: 'V21',
    group: 'voice',
    voice: true,
    text: '好的收到ZG30',
    expect: { command: 'acknowledge', item: 'ZG-30' },
  },
  {
    id: 'V22',
    group: 'voice',
    voice: true,
    text: 'zg 12 已经整改完成了',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'V23',
    group: 'voice',
    voice: true,
    text: '延期申请ZG14延到四月三十号因为要等教育局审批',
    expect: { command: 'request_extension', item: 'ZG-14', until: '2021-04-30', note: '教育局审批' },
  },
  {
    id: 'V24',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校特校日期今天类型回头看问题上次指出的康复训练室器材维护记录缺失问题仍未整改整改期限本周五前',
    expect: rec('S10', '2021-03-16', [['上次指出的康复训练室器材维护记录缺失问题仍未整改', '2021-03-19']], {
      kind: '回头看',
    }),
  },
  {
    id: 'V25',
    group: 'voice',
    voice: true,
    text: '销号ZG40',
    expect: { command: 'recheck', item: 'ZG-40', pass: true },
  },
  {
    id: 'V26',
    group: 'voice',
    voice: true,
    text: '消号ZG40',
    expect: { command: 'recheck', item: 'ZG-40', pass: true },
  },
  {
    id: 'V27',
    group: 'voice',
    voice: true,
    text: '退回ZG41整改不到位三个工作日内重新整改',
    expect: { command: 'recheck', item: 'ZG-41', pass: false, until: '2021-03-19', note: '整改不到位' },
  },
  {
    id: 'V28',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校宝顶小学日期今天问题学校食堂从业人员有两人健康证过期要求三个工作日内补办',
    expect: rec('S16', '2021-03-16', [['学校食堂从业人员有两人健康证过期', '2021-03-19']]),
  },
  {
    id: 'V29',
    group: 'voice',
    voice: true,
    text: '我的代办',
    expect: { command: 'todo' },
  },
  {
    id: 'V30',
    group: 'voice',
    voice: true,
    text: '查询DD7',
    expect: { command: 'query', record: 'DD-7' },
  },
  {
    id: 'V31',
    group: 'voice',
    voice: true,
    text: '重新打开ZG22家长反映问题又出现了',
    expect: { command: 'reopen', item: 'ZG-22', note: '家长反映问题又出现了' },
  },
  {
    id: 'V32',
    group: 'voice',
    voice: true,
    text: '整改进度ZG12整改中已完成百分之八十',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress', note: '百分之八十' },
  },
  {
    id: 'V33',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校育才学校日期今天类型专项督导问题一是课后服务收费不规范二是作业公示不及时整改期限月底前',
    expect: rec(
      'S18',
      '2021-03-16',
      [
        ['课后服务收费不规范', '2021-03-31'],
        ['作业公示不及时', '2021-03-31'],
      ],
      { kind: '专项督导' },
    ),
  },
  {
    id: 'V34',
    group: 'voice',
    voice: true,
    text: '统计本月',
    expect: { command: 'stats', from: '2021-03-01', to: '2021-03-31' },
  },
  {
    id: 'V35',
    group: 'voice',
    voice: true,
    text: '提交督导记录 学校 城关一中 日期 今天 问题 高三年级周六组织集体补课 立即停止',
    expect: rec('S04', '2021-03-16', [['高三年级周六组织集体补课', '2021-03-16']]),
  },
  {
    id: 'V36',
    group: 'voice',
    voice: true,
    text: '收到ZG二十一',
    expect: { command: 'acknowledge', item: 'ZG-21' },
  },
  {
    id: 'V37',
    group: 'voice',
    voice: true,
    text: '整改进度ZG12已完成',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },

  // ── quoted replies ───────────────────────────────────────────────────────────────────────
  {
    id: 'Q01',
    group: 'quote',
    text: `「督导助手：${NOTICE}」\n- - - - - - - - - - - - - - -\n收到`,
    expect: { command: 'acknowledge', item: 'ZG-21' },
  },
  {
    id: 'Q02',
    group: 'quote',
    quote: NOTICE,
    text: '好的收到',
    expect: { command: 'acknowledge', item: 'ZG-21' },
  },
  {
    id: 'Q03',
    group: 'quote',
    quote: NOTICE,
    text: '已收到，马上整改',
    expect: { command: 'acknowledge', item: 'ZG-21', note: '马上整改' },
  },
  {
    id: 'Q04',
    group: 'quote',
    text: '「李校长：整改完成 ZG-21 公示栏已更新」\n- - - - - - -\n验收通过',
    expect: { command: 'recheck', item: 'ZG-21', pass: true },
  },
  {
    id: 'Q05',
    group: 'quote',
    text: '「李校长：整改完成 ZG-21 公示栏已更新」\n- - - - - - -\n退回，照片不清楚，请重新拍照上传',
    expect: { command: 'recheck', item: 'ZG-21', pass: false, note: '照片不清楚' },
  },
  {
    id: 'Q06',
    group: 'quote',
    quote: '申请延期 ZG-21 至 4月10日 原因：需采购设备',
    text: '同意延期',
    expect: { command: 'decide_extension', item: 'ZG-21', approve: true },
  },
  {
    id: 'Q07',
    group: 'quote',
    quote: '申请延期 ZG-21 至 4月10日 原因：需采购设备',
    text: '不同意，请按原期限完成',
    expect: { command: 'decide_extension', item: 'ZG-21', approve: false, note: '请按原期限完成' },
  },
  {
    id: 'Q08',
    group: 'quote',
    text: '「王建国：收到 ZG-5」\n- - - - - - -\n@督导助手 整改完成，已更换灭火器',
    expect: { command: 'report_progress', item: 'ZG-5', status: 'done', note: '已更换灭火器' },
  },
  {
    id: 'Q09',
    group: 'quote',
    quote: '【整改通知】ZG-33 食堂留样记录不全，期限 3月23日',
    text: '申请延期至3月31日，原因是冷柜要重新采购',
    expect: { command: 'request_extension', item: 'ZG-33', until: '2021-03-31', note: '冷柜要重新采购' },
  },
  {
    id: 'Q10',
    group: 'quote',
    text: '「督导助手：龙泉小学 整改事项 2 项：ZG-21 作业公示栏未按周更新；ZG-22 签到表缺2月数据」\n- - - - - - -\n收到',
    expect: { error: 'bad_item' },
  },
  {
    id: 'Q11',
    group: 'quote',
    text: '「督导助手：龙泉小学 整改事项 2 项：ZG-21 作业公示栏未按周更新；ZG-22 签到表缺2月数据」\n- - - - - - -\n收到 ZG-22',
    expect: { command: 'acknowledge', item: 'ZG-22' },
  },
  {
    id: 'Q12',
    group: 'quote',
    quote: NOTICE,
    text: '整改进度 进行中 已联系施工队',
    expect: { command: 'report_progress', item: 'ZG-21', status: 'in_progress', note: '已联系施工队' },
  },
  {
    id: 'Q13',
    group: 'quote',
    quote: NOTICE,
    text: '已整改',
    expect: { command: 'report_progress', item: 'ZG-21', status: 'done' },
  },
  {
    id: 'Q14',
    group: 'quote',
    quote: NOTICE,
    text: '进度',
    expect: { command: 'query', item: 'ZG-21' },
  },
  {
    id: 'Q15',
    group: 'quote',
    text: '「督导助手：【督办】ZG-9 已逾期 2 天，请尽快整改」\n------\n整改进度 已完成 消防通道已清理',
    expect: { command: 'report_progress', item: 'ZG-9', status: 'done', note: '消防通道已清理' },
  },
  {
    id: 'Q16',
    group: 'quote',
    quote: 'ZG-12 已整改完毕，请验收',
    text: '验收合格',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'Q17',
    group: 'quote',
    quote: 'ZG-12 已整改完毕，请验收',
    text: '不合格，灭火器压力不足',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '灭火器压力不足' },
  },
  {
    id: 'Q18',
    group: 'quote',
    text: '「陈校长：申请延期 ZG-31 至 4月15日 原因：施工队未进场」\n- - - - - - - - -\n同意延期 @陈校长',
    expect: { command: 'decide_extension', item: 'ZG-31', approve: true },
  },
  {
    id: 'Q19',
    group: 'quote',
    text: '「王建国：提交督导记录 学校：龙泉小学 问题：围墙破损」\n- - - - - - -\n辛苦了',
    expect: { command: 'none' },
  },
  {
    id: 'Q20',
    group: 'quote',
    quote: '督导记录 DD-7 已登记 · 龙泉小学 · 整改事项 1 项：ZG-21 三年级作业公示栏未按周更新',
    text: '收到，立即安排',
    expect: { command: 'acknowledge', item: 'ZG-21', note: '立即安排' },
  },
  {
    id: 'Q21',
    group: 'quote',
    quote: '【整改通知】ZG-0042 校门口减速带缺失',
    text: '收到',
    expect: { command: 'acknowledge', item: 'ZG-42' },
  },
  {
    id: 'Q22',
    group: 'quote',
    text: '「督导助手：ZG-17 期限 3月20日 已过」\n- - - - - -\n申请延期 至3月26日 原因：材料还在采购',
    expect: { command: 'request_extension', item: 'ZG-17', until: '2021-03-26', note: '材料还在采购' },
  },
  {
    id: 'Q23',
    group: 'quote',
    quote: '【整改通知】ZG-17 消防通道堆放杂物',
    text: 'ZG-18 收到',
    expect: { command: 'acknowledge', item: 'ZG-18' },
  },
  {
    id: 'Q24',
    group: 'quote',
    quote: '【督办】ZG-50 已逾期 3 个工作日，请尽快整改',
    text: '已完成整改，请验收',
    expect: { command: 'report_progress', item: 'ZG-50', status: 'done', note: '请验收' },
  },
  {
    id: 'Q25',
    group: 'quote',
    text: '「督导助手：【整改通知】ZG-26 午睡室通风不良」\n- - -\n收到！',
    expect: { command: 'acknowledge', item: 'ZG-26' },
  },
  {
    id: 'Q26',
    group: 'quote',
    quote: 'ZG-12 已整改完毕，请验收',
    text: '通过',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },

  // ── @-mentions anywhere ──────────────────────────────────────────────────────────────────
  {
    id: 'M01',
    group: 'mention',
    text: '收到 @督导助手 ZG-12',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  {
    id: 'M02',
    group: 'mention',
    text: '@王建国 @督导助手 整改完成 ZG-3 消防通道已清理',
    expect: { command: 'report_progress', item: 'ZG-3', status: 'done', note: '消防通道已清理' },
  },
  {
    id: 'M03',
    group: 'mention',
    text: 'ZG-3 @督导助手 已整改',
    expect: { command: 'report_progress', item: 'ZG-3', status: 'done' },
  },
  {
    id: 'M04',
    group: 'mention',
    text: '提交督导记录 @督导助手\n学校：龙泉小学\n问题：围墙破损，一周内修复',
    expect: rec('S01', '2021-03-16', [['围墙破损', '2021-03-23']]),
  },
  {
    id: 'M05',
    group: 'mention',
    text: '@督导助手 查询 光谷27小',
    expect: { command: 'query', school: 'S11' },
  },
  {
    id: 'M06',
    group: 'mention',
    text: '验收 ZG-8 通过 @李校长',
    expect: { command: 'recheck', item: 'ZG-8', pass: true },
  },
  {
    id: 'M07',
    group: 'mention',
    text: '@督导助手\u2005日报',
    expect: { command: 'digest_now' },
  },
  {
    id: 'M08',
    group: 'mention',
    text: '逾期 @督导助手',
    expect: { command: 'overdue' },
  },
  {
    id: 'M09',
    group: 'mention',
    text: '@督导助手 申请延期 ZG-55\n延期至：3月31日\n原因：需要走政府采购流程 @王建国',
    expect: { command: 'request_extension', item: 'ZG-55', until: '2021-03-31', note: '政府采购流程' },
  },
  {
    id: 'M10',
    group: 'mention',
    text: '学校：棠香中学 @督导助手 日期：今天 问题：1.图书室借阅记录不完整 2.体育课开课不足，两周内整改',
    expect: rec('S07', '2021-03-16', [
      ['图书室借阅记录不完整', '2021-03-30', 'default'],
      ['体育课开课不足', '2021-03-30'],
    ]),
  },
  {
    id: 'M11',
    group: 'mention',
    text: '@督导助手 @张丽华 同意延期 ZG-31',
    expect: { command: 'decide_extension', item: 'ZG-31', approve: true },
  },
  {
    id: 'M12',
    group: 'mention',
    text: '待办@督导助手',
    expect: { command: 'todo' },
  },
  {
    id: 'M13',
    group: 'mention',
    text: '@督导助手：收到 ZG-41',
    expect: { command: 'acknowledge', item: 'ZG-41' },
  },
  {
    id: 'M14',
    group: 'mention',
    text: '整改进度 ZG-12 进行中 @督导助手 已联系厂家',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress', note: '已联系厂家' },
  },
  {
    id: 'M15',
    group: 'mention',
    text: '＠督导助手 收到 ZG-9',
    expect: { command: 'acknowledge', item: 'ZG-9' },
  },
  {
    id: 'M16',
    group: 'mention',
    text: '@督导助手 退回 ZG-10 @李校长 照片与问题不符，请重新整改',
    expect: { command: 'recheck', item: 'ZG-10', pass: false, note: '照片与问题不符' },
  },
  {
    id: 'M17',
    group: 'mention',
    text: '查询@督导助手 龙泉中学',
    expect: { command: 'query', school: 'S02' },
  },
  {
    id: 'M18',
    group: 'mention',
    text: '@督导助手 帮助',
    expect: { command: 'help' },
  },
  {
    id: 'M19',
    group: 'mention',
    text: '@督导助手 ZG-20',
    expect: { command: 'query', item: 'ZG-20' },
  },
  {
    id: 'M20',
    group: 'mention',
    text: '@督导助手 @李校长 @陈校长 统计 上月',
    expect: { command: 'stats', from: '2021-02-01', to: '2021-02-28' },
  },
  {
    id: 'M21',
    group: 'mention',
    text: '提交督导记录\n学校：龙泉小学 @李校长\n日期：今天\n问题：消防通道堆放杂物，立即清理',
    expect: rec('S01', '2021-03-16', [['消防通道堆放杂物', '2021-03-16']]),
  },
  {
    id: 'M22',
    group: 'mention',
    text: '@李校长 请尽快安排整改 @督导助手',
    expect: { command: 'none' },
  },

  // ── inline numbering of every kind ──────────────────────────────────────────────────────
  {
    id: 'I01',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 日期：3月15日 问题：1.食堂留样记录缺失 2.教室饮水机滤芯未更换',
    expect: rec('S01', '2021-03-15', [
      ['食堂留样记录缺失', '2021-03-29', 'default'],
      ['教室饮水机滤芯未更换', '2021-03-29', 'default'],
    ]),
  },
  {
    id: 'I02',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：①晨午检记录不全，2个工作日内整改②隔离室物资不足',
    expect: rec('S01', '2021-03-16', [
      ['晨午检记录不全', '2021-03-18'],
      ['隔离室物资不足', '2021-03-30', 'default'],
    ]),
  },
  {
    id: 'I03',
    group: 'numbering',
    text: '提交督导记录\n学校：城关27小\n日期：今天\n问题：\n（一）课后服务未覆盖有需求学生；\n（二）作业公示不及时。\n期限：3月31日',
    expect: rec('S03', '2021-03-16', [
      ['课后服务未覆盖有需求学生', '2021-03-31'],
      ['作业公示不及时', '2021-03-31'],
    ]),
  },
  {
    id: 'I04',
    group: 'numbering',
    text: '提交督导记录 学校：城关一中 日期：3月15日 问题：(1)实验室危化品台账不规范(2)学生宿舍消防通道堆放杂物 期限：一周内',
    expect: rec('S04', '2021-03-15', [
      ['实验室危化品台账不规范', '2021-03-22'],
      ['学生宿舍消防通道堆放杂物', '2021-03-22'],
    ]),
  },
  {
    id: 'I05',
    group: 'numbering',
    text: '提交督导记录 学校：龙水中学 问题：一是手机管理制度落实不到位；二是睡眠管理缺少记录；三是读物管理台账不全。期限：月底前',
    expect: rec('S13', '2021-03-16', [
      ['手机管理制度落实不到位', '2021-03-31'],
      ['睡眠管理缺少记录', '2021-03-31'],
      ['读物管理台账不全', '2021-03-31'],
    ]),
  },
  {
    id: 'I06',
    group: 'numbering',
    text: '提交督导记录 学校：宝顶中学 日期：昨天 问题：第一，食堂从业人员晨检记录缺失；第二，校车安全检查记录不全。期限：5个工作日内',
    expect: rec('S17', '2021-03-15', [
      ['食堂从业人员晨检记录缺失', '2021-03-22'],
      ['校车安全检查记录不全', '2021-03-22'],
    ]),
  },
  {
    id: 'I07',
    group: 'numbering',
    text: '提交督导记录 学校：大屋陈学校 问题：1、围墙破损2、校门口无减速带3、监控室无人值守，立即整改',
    expect: rec('S09', '2021-03-16', [
      ['围墙破损', '2021-03-30', 'default'],
      ['校门口无减速带', '2021-03-30', 'default'],
      ['监控室无人值守', '2021-03-16'],
    ]),
  },
  {
    id: 'I08',
    group: 'numbering',
    text: '提交督导记录\n学校：童心幼儿园\n日期：3月12日\n问题：\n1)保育员健康证过期\n2)食品留样不足48小时\n3)消毒记录不全\n期限：3月19日',
    expect: rec('S14', '2021-03-12', [
      ['保育员健康证过期', '2021-03-19'],
      ['食品留样不足48小时', '2021-03-19'],
      ['消毒记录不全', '2021-03-19'],
    ]),
  },
  {
    id: 'I09',
    group: 'numbering',
    text: '提交督导记录\n学校：阳光幼儿园\n问题：\n一、幼儿园存在小学化倾向\n二、户外活动时间不足2小时\n整改期限：两周内',
    expect: rec('S19', '2021-03-16', [
      ['幼儿园存在小学化倾向', '2021-03-30'],
      ['户外活动时间不足2小时', '2021-03-30'],
    ]),
  },
  {
    id: 'I10',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉中学 问题：第一个问题是课后服务时间超过规定，第二个问题是部分学生作业量偏大，一周内整改',
    expect: rec('S02', '2021-03-16', [
      ['课后服务时间超过规定', '2021-03-30', 'default'],
      ['部分学生作业量偏大', '2021-03-23'],
    ]),
  },
  {
    id: 'I11',
    group: 'numbering',
    text: '提交督导记录 学校：光谷第二十七小学 日期：3月15日 问题：1.作业公示栏未按周更新，5个工作日内整改；2.课后服务签到表缺2月数据，3月31日前补齐；3.校门口护学岗人员不足，立即整改。',
    expect: rec('S11', '2021-03-15', [
      ['作业公示栏未按周更新', '2021-03-22'],
      ['课后服务签到表缺2月数据', '2021-03-31'],
      ['校门口护学岗人员不足', '2021-03-15'],
    ]),
  },
  {
    id: 'I12',
    group: 'numbering',
    text: '提交督导记录 学校：区二中 问题：1.操场围栏高度仅1.5米不符合要求 2.实验室通风橱损坏，一周内维修',
    expect: rec('S20', '2021-03-16', [
      ['操场围栏高度仅1.5米不符合要求', '2021-03-30', 'default'],
      ['实验室通风橱损坏', '2021-03-23'],
    ]),
  },
  {
    id: 'I13',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：1、抽查3、5年级作业公示不及时 2、课后服务台账不全 期限：3月31日',
    expect: rec('S01', '2021-03-16', [
      ['抽查3、5年级作业公示不及时', '2021-03-31'],
      ['课后服务台账不全', '2021-03-31'],
    ]),
  },
  {
    id: 'I14',
    group: 'numbering',
    text: '提交督导记录\n学校：区特殊教育学校\n问题：\n①无障碍通道有杂物\n②康复训练室器材维护记录缺失\n③送教上门记录不完整\n期限：一周内',
    expect: rec('S10', '2021-03-16', [
      ['无障碍通道有杂物', '2021-03-23'],
      ['康复训练室器材维护记录缺失', '2021-03-23'],
      ['送教上门记录不完整', '2021-03-23'],
    ]),
  },
  {
    id: 'I15',
    group: 'numbering',
    text: '提交督导记录 学校：棠香街道中心小学 日期：今天 问题：（一）食堂从业人员未佩戴口罩（二）留样柜温度记录缺失 整改期限：3个工作日',
    expect: rec('S06', '2021-03-16', [
      ['食堂从业人员未佩戴口罩', '2021-03-19'],
      ['留样柜温度记录缺失', '2021-03-19'],
    ]),
  },
  {
    id: 'I16',
    group: 'numbering',
    text: '提交督导记录 学校：龙水镇中心小学 问题：存在以下三个方面问题：1.作业管理不规范；2.课后服务内容单一；3.体育活动时间不足。期限：月底前',
    expect: rec('S12', '2021-03-16', [
      ['作业管理不规范', '2021-03-31'],
      ['课后服务内容单一', '2021-03-31'],
      ['体育活动时间不足', '2021-03-31'],
    ]),
  },
  {
    id: 'I17',
    group: 'numbering',
    text: '提交督导记录；学校：城关第二幼儿园；日期：3月15日；类型：挂牌督导；问题：1、午睡室通风不良；2、玩具消毒记录缺失；期限：3月22日',
    expect: rec('S05', '2021-03-15', [
      ['午睡室通风不良', '2021-03-22'],
      ['玩具消毒记录缺失', '2021-03-22'],
    ]),
  },
  {
    id: 'I18',
    group: 'numbering',
    text: '提交督导记录。学校：育才实验学校。日期：3月16日。问题：①课后服务收费公示不到位②课后延时服务签到表缺失。期限：一周内。',
    expect: rec('S18', '2021-03-16', [
      ['课后服务收费公示不到位', '2021-03-23'],
      ['课后延时服务签到表缺失', '2021-03-23'],
    ]),
  },
  {
    id: 'I19',
    group: 'numbering',
    // the help card's example (cards/help.ts recordTemplate) copied as one line
    text: '提交督导记录 学校：龙泉中学 日期：今天 类型：专项督导（双减） 情况：抽查作业公示和课后服务台账。 问题： 1、作业公示栏未按周更新，5个工作日内整改 2、课后服务签到表缺2月数据；3月31日前补齐',
    expect: rec(
      'S02',
      '2021-03-16',
      [
        ['作业公示栏未按周更新', '2021-03-23'],
        ['课后服务签到表缺2月数据', '2021-03-31'],
      ],
      { kind: '专项督导', topic: '双减' },
    ),
  },
  {
    id: 'I20',
    group: 'numbering',
    // … and as the simulator shows it: the line breaks gone, nothing between
    text: '提交督导记录学校：龙泉中学日期：今天类型：专项督导（双减）情况：抽查作业公示和课后服务台账。问题：1、作业公示栏未按周更新，5个工作日内整改2、课后服务签到表缺2月数据；3月31日前补齐',
    expect: rec(
      'S02',
      '2021-03-16',
      [
        ['作业公示栏未按周更新', '2021-03-23'],
        ['课后服务签到表缺2月数据', '2021-03-31'],
      ],
      { kind: '专项督导', topic: '双减' },
    ),
  },
  {
    id: 'I21',
    group: 'numbering',
    text: '提交督导记录\n学校：龙泉小学\n问题：（1）晨检记录不全（2）消毒记录不全\n期限：3月19日',
    expect: rec('S01', '2021-03-16', [
      ['晨检记录不全', '2021-03-19'],
      ['消毒记录不全', '2021-03-19'],
    ]),
  },
  {
    id: 'I22',
    group: 'numbering',
    text: '提交督导记录 学校：区职业教育中心 问题：第一条，实训车间设备防护罩缺失；第二条，危化品存放不规范。期限：立即整改',
    expect: rec('S15', '2021-03-16', [
      ['实训车间设备防护罩缺失', '2021-03-16'],
      ['危化品存放不规范', '2021-03-16'],
    ]),
  },
  {
    id: 'I23',
    group: 'numbering',
    text: '提交督导记录 学校：宝顶初级中学 问题：1）宿舍楼安全出口指示灯损坏 2）晚自习巡查记录缺失 期限：本周内',
    expect: rec('S17', '2021-03-16', [
      ['宿舍楼安全出口指示灯损坏', '2021-03-19'],
      ['晚自习巡查记录缺失', '2021-03-19'],
    ]),
  },
  {
    id: 'I24',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉中学 问题：一、课后服务时间超时；二、作业量偏大。期限：一周内',
    expect: rec('S02', '2021-03-16', [
      ['课后服务时间超时', '2021-03-23'],
      ['作业量偏大', '2021-03-23'],
    ]),
  },
  {
    id: 'I25',
    group: 'numbering',
    text: '提交督导记录\n学校：城关第一中学\n日期：3月15日\n问题：\n1.高三年级周六组织集体补课，立即停止\n2.部分班级作业公示不及时\n期限：3月26日',
    expect: rec('S04', '2021-03-15', [
      ['高三年级周六组织集体补课', '2021-03-15'],
      ['部分班级作业公示不及时', '2021-03-26'],
    ]),
  },
  {
    id: 'I26',
    group: 'numbering',
    text: '提交督导记录 学校：童心幼 问题：1、 户外活动场地有积水 2、 大型玩具有松动 期限：3个工作日内',
    expect: rec('S14', '2021-03-16', [
      ['户外活动场地有积水', '2021-03-19'],
      ['大型玩具有松动', '2021-03-19'],
    ]),
  },
  {
    id: 'I27',
    group: 'numbering',
    text: '提交督导记录 学校：棠香初级中学 日期：今天 问题：1.学生体质健康测试数据未上报，3月19日前补报；2.图书室借阅记录不完整，3月26日前完善',
    expect: rec('S07', '2021-03-16', [
      ['学生体质健康测试数据未上报', '2021-03-19'],
      ['图书室借阅记录不完整', '2021-03-26'],
    ]),
  },
  {
    id: 'I28',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 日期：3月15日 问题：1.一年级布置书面作业 2.三年级作业量超过60分钟 3.课后服务未全覆盖 期限：一周内',
    expect: rec('S01', '2021-03-15', [
      ['一年级布置书面作业', '2021-03-22'],
      ['三年级作业量超过60分钟', '2021-03-22'],
      ['课后服务未全覆盖', '2021-03-22'],
    ]),
  },
  {
    id: 'I29',
    group: 'numbering',
    now: '2021-04-21',
    text: '提交督导记录 学校：实验幼儿园 日期：今天 类型：专项督导（幼儿园办园行为） 问题：①保育员健康证2人过期，劳动节前补办②大班布置书面作业，立行立改',
    expect: rec(
      'S08',
      '2021-04-21',
      [
        ['保育员健康证2人过期', '2021-04-30'],
        ['大班布置书面作业', '2021-04-21'],
      ],
      { kind: '专项督导', topic: '幼儿园办园行为' },
    ),
  },
  {
    id: 'I30',
    group: 'numbering',
    now: '2021-11-10',
    text: '提交督导记录 学校：区第二高级中学 日期：今天 问题：1、部分教室灭火器过期；2、实验室危化品台账不规范。期限：两周内',
    expect: rec('S20', '2021-11-10', [
      ['部分教室灭火器过期', '2021-11-24'],
      ['实验室危化品台账不规范', '2021-11-24'],
    ]),
  },

  // ── principals' replies ─────────────────────────────────────────────────────────────────
  {
    id: 'P01',
    group: 'principal',
    text: '收到',
    expect: { error: 'missing_field' },
  },
  { id: 'P02', group: 'principal', text: '收到 ZG-12', expect: { command: 'acknowledge', item: 'ZG-12' } },
  { id: 'P03', group: 'principal', text: '已收到ZG12', expect: { command: 'acknowledge', item: 'ZG-12' } },
  {
    id: 'P04',
    group: 'principal',
    text: '好的收到 ZG-12',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  {
    id: 'P05',
    group: 'principal',
    text: '好的，收到！ZG-12',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  {
    id: 'P06',
    group: 'principal',
    text: '收到，ZG-12，马上整改',
    expect: { command: 'acknowledge', item: 'ZG-12', note: '马上整改' },
  },
  { id: 'P07', group: 'principal', text: 'ZG-12收到', expect: { command: 'acknowledge', item: 'ZG-12' } },
  { id: 'P08', group: 'principal', text: '收到#12', expect: { command: 'acknowledge', item: 'ZG-12' } },
  {
    id: 'P09',
    group: 'principal',
    text: '李校长：收到 ZG-12',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  {
    id: 'P10',
    group: 'principal',
    text: '确认收到 ZG-12，已安排后勤处落实',
    expect: { command: 'acknowledge', item: 'ZG-12', note: '已安排后勤处落实' },
  },
  {
    id: 'P11',
    group: 'principal',
    text: '整改进度 ZG-12 已完成 已更新公示栏',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '已更新公示栏' },
  },
  {
    id: 'P12',
    group: 'principal',
    text: 'ZG-12 已整改完毕，请验收',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '请验收' },
  },
  {
    id: 'P13',
    group: 'principal',
    text: 'ZG-12已整改',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'P14',
    group: 'principal',
    text: '整改进度ZG12：进行中，已联系厂家，预计下周完成',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress', note: '已联系厂家' },
  },
  {
    id: 'P15',
    group: 'principal',
    text: '进度 ZG-12 正在整改',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress' },
  },
  {
    id: 'P16',
    group: 'principal',
    text: '整改完成 ZG-12 灭火器已全部更换',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '灭火器已全部更换' },
  },
  {
    id: 'P17',
    group: 'principal',
    text: '已完成整改 ZG-12',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'P18',
    group: 'principal',
    text: 'ZG-12 整改完成，照片随后发',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '照片随后发' },
  },
  {
    id: 'P19',
    group: 'principal',
    // a share done is work in progress
    text: '整改进度 ZG-12 已完成50%',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress', note: '50%' },
  },
  {
    id: 'P20',
    group: 'principal',
    text: '整改进度 ZG-12 已完成80%，剩余部分下周完成',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress', note: '80%' },
  },
  {
    id: 'P21',
    group: 'principal',
    text: '申请延期 ZG-12 至4月10日 原因：需采购设备',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-10', note: '需采购设备' },
  },
  {
    id: 'P22',
    group: 'principal',
    text: '申请延期 ZG-12，因需走政府采购流程，申请延期至4月30日',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-30', note: '政府采购流程' },
  },
  {
    id: 'P23',
    group: 'principal',
    text: 'ZG-12 申请延期到5月10日，原因是施工队五一放假',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-05-10', note: '施工队五一放假' },
  },
  {
    id: 'P24',
    group: 'principal',
    text: '申请延期 ZG-12\n延期至：3月31日\n原因：冷柜需要重新采购',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-03-31', note: '冷柜需要重新采购' },
  },
  {
    id: 'P25',
    group: 'principal',
    text: '申请延期 ZG-12 到月底，厂家还没发货',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-03-31', note: '厂家还没发货' },
  },
  {
    id: 'P26',
    group: 'principal',
    // a period says nothing about from when: a date is asked
    text: '申请延期ZG-12 延期一周',
    expect: { error: 'bad_deadline' },
  },
  {
    id: 'P27',
    group: 'principal',
    text: '申请延期 ZG-12 原因：围墙维修需等雨季过后，申请延至4月20日',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-20', note: '雨季过后' },
  },
  {
    id: 'P28',
    group: 'principal',
    text: '延期申请 ZG-12 想延期到下周五 工人请假了',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-03-26', note: '工人请假了' },
  },
  {
    id: 'P29',
    group: 'principal',
    text: '申请延期 ZG-12 至4月30号，理由：该项目需上报区教委审批后才能施工',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-30', note: '区教委审批' },
  },
  {
    id: 'P30',
    group: 'principal',
    text: '您好，申请延期 ZG-12 至 3月31日',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-03-31' },
  },
  {
    id: 'P31',
    group: 'principal',
    text: '申请延期ZG12至清明节后',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-06' },
  },
  { id: 'P32', group: 'principal', text: '待办', expect: { command: 'todo' } },
  { id: 'P33', group: 'principal', text: '我的待办', expect: { command: 'todo' } },
  { id: 'P34', group: 'principal', text: '待办？', expect: { command: 'todo' } },
  {
    id: 'P35',
    group: 'principal',
    text: '整改进度 ZG-12 进行中 已完成一半',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress', note: '已完成一半' },
  },
  {
    id: 'P36',
    group: 'principal',
    text: 'ZG-12 申请延期至4月9日 原因：厂家备货',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-09', note: '厂家备货' },
  },
  {
    id: 'P37',
    group: 'principal',
    text: '收到ZG-12，我们马上整改，谢谢王督学',
    expect: { command: 'acknowledge', item: 'ZG-12', note: '马上整改' },
  },
  {
    id: 'P38',
    group: 'principal',
    text: '整改进度 ZG-12 已完成，公示栏已按周更新，整改前后照片稍后发送',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '公示栏已按周更新' },
  },
  {
    id: 'P39',
    group: 'principal',
    text: '申请延期 ZG-12 至2021年4月15日，原因：消防器材需统一招标采购',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-15', note: '统一招标采购' },
  },
  {
    id: 'P40',
    group: 'principal',
    text: '各位领导好，ZG-12 已整改到位',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },

  // ── supervisors' replies ────────────────────────────────────────────────────────────────
  {
    id: 'S01',
    group: 'supervisor',
    text: '验收 ZG-12 通过',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'S02',
    group: 'supervisor',
    text: '验收 ZG-12 不通过，照片显示公示栏仍未更新',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '公示栏仍未更新' },
  },
  {
    id: 'S03',
    group: 'supervisor',
    text: 'ZG-12 验收通过',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'S04',
    group: 'supervisor',
    text: '验收通过 ZG-12 整改到位',
    expect: { command: 'recheck', item: 'ZG-12', pass: true, note: '整改到位' },
  },
  {
    id: 'S05',
    group: 'supervisor',
    text: '销号 ZG-12',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'S06',
    group: 'supervisor',
    text: '退回 ZG-12 整改不到位，3个工作日内重新整改',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, until: '2021-03-19', note: '整改不到位' },
  },
  {
    id: 'S07',
    group: 'supervisor',
    text: 'ZG-12 验收不合格，请重新整改',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '请重新整改' },
  },
  {
    id: 'S08',
    group: 'supervisor',
    text: '验收 ZG12 合格',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'S09',
    group: 'supervisor',
    text: '同意延期 ZG-12',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: true },
  },
  {
    id: 'S10',
    group: 'supervisor',
    text: '不同意延期 ZG-12，请按原期限完成',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: false, note: '请按原期限完成' },
  },
  {
    id: 'S11',
    group: 'supervisor',
    text: 'ZG-12 同意延期',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: true },
  },
  {
    id: 'S12',
    group: 'supervisor',
    text: '验收 ZG-12：通过。灭火器已全部更换，现场查看无误',
    expect: { command: 'recheck', item: 'ZG-12', pass: true, note: '灭火器已全部更换' },
  },
  {
    id: 'S13',
    group: 'supervisor',
    text: '验收ZG-12 退回 消防通道仍有杂物',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '消防通道仍有杂物' },
  },
  {
    id: 'S14',
    group: 'supervisor',
    text: '退回ZG-12，理由：未提供整改前后对比照片',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '未提供整改前后对比照片' },
  },
  {
    id: 'S15',
    group: 'supervisor',
    text: '批准延期 ZG-12',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: true },
  },
  {
    id: 'S16',
    group: 'supervisor',
    text: '驳回延期 ZG-12 理由不充分',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: false, note: '理由不充分' },
  },
  {
    id: 'S17',
    group: 'supervisor',
    text: '验收 ZG-12 不合格 月底前重新整改',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, until: '2021-03-31' },
  },
  {
    id: 'S18',
    group: 'supervisor',
    text: '通过验收 ZG-12',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'S19',
    group: 'supervisor',
    text: '重新打开 ZG-12 复查发现问题反弹',
    expect: { command: 'reopen', item: 'ZG-12', note: '复查发现问题反弹' },
  },
  {
    id: 'S20',
    group: 'supervisor',
    text: '验收 通过 ZG-12',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'S21',
    group: 'supervisor',
    text: '打回 ZG-12 整改材料不全',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '整改材料不全' },
  },
  {
    id: 'S22',
    group: 'supervisor',
    text: '验收ZG-12未通过，两周内重新整改',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, until: '2021-03-30' },
  },
  {
    id: 'S23',
    group: 'supervisor',
    text: 'ZG-12 退回',
    expect: { command: 'recheck', item: 'ZG-12', pass: false },
  },
  {
    id: 'S24',
    group: 'supervisor',
    text: '同意 ZG-12 延期',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: true },
  },
  {
    id: 'S25',
    group: 'supervisor',
    text: '不同意 ZG-12 延期申请，按原期限完成',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: false, note: '按原期限完成' },
  },
  {
    id: 'S26',
    group: 'supervisor',
    text: '王督学：验收 ZG-12 通过，整改到位',
    expect: { command: 'recheck', item: 'ZG-12', pass: true, note: '整改到位' },
  },
  {
    id: 'S27',
    group: 'supervisor',
    text: '验手 ZG-3 通过',
    expect: { error: 'did_you_mean' },
  },

  // ── look-ups with school nicknames ──────────────────────────────────────────────────────
  { id: 'L01', group: 'lookup', text: '查询 龙泉小', expect: { command: 'query', school: 'S01' } },
  { id: 'L02', group: 'lookup', text: '查询 棠香中心校', expect: { command: 'query', school: 'S06' } },
  { id: 'L03', group: 'lookup', text: '查询学校 二十七小', expect: { command: 'query', school: 'S03' } },
  { id: 'L04', group: 'lookup', text: '学校 特校', expect: { command: 'query', school: 'S10' } },
  { id: 'L05', group: 'lookup', text: '整改进度 城关二幼', expect: { command: 'query', school: 'S05' } },
  { id: 'L06', group: 'lookup', text: '逾期', expect: { command: 'overdue' } },
  { id: 'L07', group: 'lookup', text: '逾期清单', expect: { command: 'overdue' } },
  { id: 'L08', group: 'lookup', text: '查询 DD-7', expect: { command: 'query', record: 'DD-7' } },
  { id: 'L09', group: 'lookup', text: '查询ZG-12', expect: { command: 'query', item: 'ZG-12' } },
  { id: 'L10', group: 'lookup', text: 'ZG-12', expect: { command: 'query', item: 'ZG-12' } },
  { id: 'L11', group: 'lookup', text: '查一下龙泉中学', expect: { command: 'query', school: 'S02' } },
  { id: 'L12', group: 'lookup', text: '查询 区实幼', expect: { command: 'query', school: 'S08' } },
  { id: 'L13', group: 'lookup', text: '查询光谷27小的整改情况', expect: { command: 'query', school: 'S11' } },
  { id: 'L14', group: 'lookup', text: '待办事项', expect: { command: 'todo' } },
  { id: 'L15', group: 'lookup', text: '查询 职教中心', expect: { command: 'query', school: 'S15' } },
  { id: 'L16', group: 'lookup', text: '查询 区二中', expect: { command: 'query', school: 'S20' } },
  {
    id: 'L17',
    group: 'lookup',
    text: '统计 本周',
    expect: { command: 'stats', from: '2021-03-15', to: '2021-03-21' },
  },
  {
    id: 'L18',
    group: 'lookup',
    text: '统计 上月',
    expect: { command: 'stats', from: '2021-02-01', to: '2021-02-28' },
  },
  { id: 'L19', group: 'lookup', text: '查询 宝顶小学', expect: { command: 'query', school: 'S16' } },
  { id: 'L20', group: 'lookup', text: '查询 大屋陈', expect: { command: 'query', school: 'S09' } },
  { id: 'L21', group: 'lookup', text: '逾期事项', expect: { command: 'overdue' } },
  { id: 'L22', group: 'lookup', text: '查看 龙水中学', expect: { command: 'query', school: 'S13' } },
  { id: 'L23', group: 'lookup', text: '日报', expect: { command: 'digest_now' } },
  { id: 'L24', group: 'lookup', text: '查询 城关27小 整改进度', expect: { command: 'query', school: 'S03' } },
  { id: 'L25', group: 'lookup', text: '查询 龙泉小学？', expect: { command: 'query', school: 'S01' } },
  { id: 'L26', group: 'lookup', text: '逾期了怎么办', expect: { command: 'none' } },
  { id: 'L27', group: 'lookup', text: '查询 光谷第二十七小学', expect: { command: 'query', school: 'S11' } },
  { id: 'L28', group: 'lookup', text: '整改进度 ZG-12？', expect: { command: 'query', item: 'ZG-12' } },
  { id: 'L29', group: 'lookup', text: '看板', expect: { command: 'board_link' } },
  {
    id: 'L30',
    group: 'lookup',
    text: '統計 本月',
    expect: { command: 'stats', from: '2021-03-01', to: '2021-03-31' },
  },

  // ── later rounds, written after the fixes above and before the next ones, to see whether the
  // readings generalise (read as written before their own fixes: H 47/55, R 45/49, T 20/30, U 23/30, W 7/16, X 2/5, Y 15/20, Z 13/20, K 5/7;
  // U includes chatter that must stay talk) ──
  {
    id: 'H01',
    group: 'narrative',
    text: '提交督导记录 今天下午我到龙水中学进行了常规督导，主要查看了食堂和宿舍。存在的主要问题：食堂操作间排风设备损坏；宿舍床铺间距不足。请学校两周内完成整改。',
    expect: rec(
      'S13',
      '2021-03-16',
      [
        ['食堂操作间排风设备损坏', '2021-03-30'],
        ['宿舍床铺间距不足', '2021-03-30'],
      ],
      { kind: '经常性督导' },
    ),
  },
  {
    id: 'H02',
    group: 'narrative',
    text: '督导记录 3月15日在宝顶初级中学挂牌督导时发现：部分教师仍存在有偿补课现象。要求学校立即开展自查自纠。',
    expect: rec('S17', '2021-03-15', [['部分教师仍存在有偿补课现象', '2021-03-15']], { kind: '挂牌督导' }),
  },
  {
    id: 'H03',
    group: 'narrative',
    text: '@督导助手 提交督导记录 今天对阳光幼儿园进行了随机督导，园所安全管理较规范，但发现大型玩具有两处螺丝松动，要求3日内维修。',
    expect: rec('S19', '2021-03-16', [['大型玩具有两处螺丝松动', '2021-03-19']], { kind: '随机督导' }),
  },
  {
    id: 'H04',
    group: 'narrative',
    text: '提交督导记录：2021年3月11日，到区职业教育中心开展实习实训专项督导。发现问题：1.学生实习协议签订不规范；2.部分实习岗位与专业不对口。整改期限：4月10日前。',
    expect: rec(
      'S15',
      '2021-03-11',
      [
        ['学生实习协议签订不规范', '2021-04-10'],
        ['部分实习岗位与专业不对口', '2021-04-10'],
      ],
      { kind: '专项督导', topic: '实习实训' },
    ),
  },
  {
    id: 'H05',
    group: 'narrative',
    text: '提交督导记录 今天和周文一起到育才实验学校督导双减落实情况，发现该校作业公示制度落实不到位，课后服务时长不足两小时。要求本周五前整改。',
    expect: rec('S18', '2021-03-16', [['该校作业公示制度落实不到位，课后服务时长不足两小时', '2021-03-19']]),
  },
  {
    id: 'H06',
    group: 'narrative',
    text: '提交督导记录 昨天到童心幼儿园回头看，上次反馈的保育员健康证问题已整改，但午睡室消毒记录仍不完整，一周内补齐。',
    expect: rec('S14', '2021-03-15', [['午睡室消毒记录仍不完整', '2021-03-22']], { kind: '回头看' }),
  },
  {
    id: 'H07',
    group: 'voice',
    voice: true,
    text: '提交督导记录今天到棠香初级中学督导发现学生宿舍楼消防通道堵塞要求立即清理',
    expect: rec('S07', '2021-03-16', [['学生宿舍楼消防通道堵塞', '2021-03-16']]),
  },
  {
    id: 'H08',
    group: 'voice',
    voice: true,
    text: '提交督导记录，今天上午到城关第一中学开展专项督导，主题是校园安全，发现实验室危化品管理不规范，要求一周内整改。',
    expect: rec('S04', '2021-03-16', [['实验室危化品管理不规范', '2021-03-23']], { kind: '专项督导' }),
  },
  {
    id: 'H09',
    group: 'voice',
    voice: true,
    text: '收到收到ZG33马上整改',
    expect: { command: 'acknowledge', item: 'ZG-33' },
  },
  {
    id: 'H10',
    group: 'voice',
    voice: true,
    text: '整改进度ZG33已经完成了请督学验收',
    expect: { command: 'report_progress', item: 'ZG-33', status: 'done' },
  },
  {
    id: 'H11',
    group: 'voice',
    voice: true,
    text: '申请延期ZG33延期到五月十号因为施工队五一放假',
    expect: { command: 'request_extension', item: 'ZG-33', until: '2021-05-10' },
  },
  {
    id: 'H12',
    group: 'voice',
    voice: true,
    text: '验收ZG33合格同意销号',
    expect: { command: 'recheck', item: 'ZG-33', pass: true },
  },
  {
    id: 'H13',
    group: 'voice',
    voice: true,
    text: '退回ZG33照片不清楚重新拍',
    expect: { command: 'recheck', item: 'ZG-33', pass: false },
  },
  {
    id: 'H14',
    group: 'voice',
    voice: true,
    text: '同意延期ZG33延期到五月十号',
    expect: { command: 'decide_extension', item: 'ZG-33', approve: true },
  },
  {
    id: 'H15',
    group: 'quote',
    quote: '【整改通知】ZG-61 消防栓被遮挡',
    text: '@督导助手 收到，我们立即整改',
    expect: { command: 'acknowledge', item: 'ZG-61' },
  },
  {
    id: 'H16',
    group: 'quote',
    quote: '【整改通知】ZG-61 消防栓被遮挡',
    text: '整改完成',
    expect: { command: 'report_progress', item: 'ZG-61', status: 'done' },
  },
  {
    id: 'H17',
    group: 'quote',
    quote: '【整改通知】ZG-61 消防栓被遮挡',
    text: '申请延期到4月15日',
    expect: { command: 'request_extension', item: 'ZG-61', until: '2021-04-15' },
  },
  {
    id: 'H18',
    group: 'quote',
    text: '「督导助手：【验收提醒】ZG-61 已报告完成，请验收」\n- - - - - - - - -\n验收不通过，消防栓仍被遮挡',
    expect: { command: 'recheck', item: 'ZG-61', pass: false },
  },
  {
    id: 'H19',
    group: 'quote',
    text: '「李校长：申请延期 ZG-61 至 4月15日」\n- - - - - - - - -\n不同意',
    expect: { command: 'decide_extension', item: 'ZG-61', approve: false },
  },
  {
    id: 'H20',
    group: 'quote',
    text: '「督导助手：ZG-61、ZG-62 即将到期」\n- - - - - - - - -\n收到',
    expect: { error: 'bad_item' },
  },
  { id: 'H21', group: 'mention', text: '@督导助手 @宋校长 请及时整改 ZG-70', expect: { command: 'none' } },
  {
    id: 'H22',
    group: 'mention',
    text: '@督导助手 整改进度 ZG-70',
    expect: { command: 'query', item: 'ZG-70' },
  },
  {
    id: 'H23',
    group: 'mention',
    quote: 'ZG-70 即将到期',
    text: '收到@督导助手',
    expect: { command: 'acknowledge', item: 'ZG-70' },
  },
  {
    id: 'H24',
    group: 'numbering',
    text: '提交督导记录 学校：龙水小学 日期：3月12日 问题：第一项，校车安全管理台账不全；第二项，校门口交通安全设施缺失。期限：3月26日',
    expect: rec('S12', '2021-03-12', [
      ['校车安全管理台账不全', '2021-03-26'],
      ['校门口交通安全设施缺失', '2021-03-26'],
    ]),
  },
  {
    id: 'H25',
    group: 'numbering',
    text: '提交督导记录\n学校：区实验幼儿园\n日期：3月15日\n存在问题：\n1.部分班级活动室采光不足\n2.幼儿饮用水未定期检测\n整改要求：两周内整改到位',
    expect: rec('S08', '2021-03-15', [
      ['部分班级活动室采光不足', '2021-03-29'],
      ['幼儿饮用水未定期检测', '2021-03-29'],
    ]),
  },
  {
    id: 'H26',
    group: 'numbering',
    text: '提交督导记录 学校：宝顶镇中心小学 问题：(一)食堂未公示食材价格(二)留样记录不全(三)从业人员培训记录缺失 要求：一周内整改',
    expect: rec('S16', '2021-03-16', [
      ['食堂未公示食材价格', '2021-03-23'],
      ['留样记录不全', '2021-03-23'],
      ['从业人员培训记录缺失', '2021-03-23'],
    ]),
  },
  {
    id: 'H27',
    group: 'numbering',
    text: '提交督导记录 学校：城关二幼 日期：今天 问题：1、晨检记录不全；2、消毒记录不全；3、户外活动不足两小时，以上问题一周内整改。',
    expect: rec('S05', '2021-03-16', [
      ['晨检记录不全', '2021-03-23'],
      ['消毒记录不全', '2021-03-23'],
      ['户外活动不足两小时', '2021-03-23'],
    ]),
  },
  {
    id: 'H28',
    group: 'numbering',
    text: '提交督导记录 学校：大屋陈学校 问题：①图书室藏书更新不及时②实验室仪器损坏未报修③体育器材不足 期限：月底',
    expect: rec('S09', '2021-03-16', [
      ['图书室藏书更新不及时', '2021-03-31'],
      ['实验室仪器损坏未报修', '2021-03-31'],
      ['体育器材不足', '2021-03-31'],
    ]),
  },
  {
    id: 'H29',
    group: 'principal',
    text: '整改进度ZG-15：已整改，附整改前后照片',
    expect: { command: 'report_progress', item: 'ZG-15', status: 'done' },
  },
  {
    id: 'H30',
    group: 'principal',
    text: '报告：ZG-15 已整改完毕',
    expect: { command: 'report_progress', item: 'ZG-15', status: 'done' },
  },
  {
    id: 'H31',
    group: 'principal',
    text: 'ZG15整改完成',
    expect: { command: 'report_progress', item: 'ZG-15', status: 'done' },
  },
  {
    id: 'H32',
    group: 'principal',
    text: '申请延期 ZG-15 至4月15日 原因如下：采购流程未完成',
    expect: { command: 'request_extension', item: 'ZG-15', until: '2021-04-15', note: '采购流程未完成' },
  },
  {
    id: 'H33',
    group: 'principal',
    text: 'ZG-15 申请延期：4月15日',
    expect: { command: 'request_extension', item: 'ZG-15', until: '2021-04-15' },
  },
  {
    id: 'H34',
    group: 'principal',
    text: '请求延期 ZG-15 至4月15日',
    expect: { command: 'request_extension', item: 'ZG-15', until: '2021-04-15' },
  },
  { id: 'H35', group: 'principal', text: '收到，ZG-15、ZG-16', expect: { error: 'bad_item' } },
  { id: 'H36', group: 'principal', text: 'zg15 收到', expect: { command: 'acknowledge', item: 'ZG-15' } },
  { id: 'H37', group: 'principal', text: '已收到 #15 #16', expect: { error: 'bad_item' } },
  {
    id: 'H38',
    group: 'supervisor',
    text: '验收 ZG-15 合格，予以销号',
    expect: { command: 'recheck', item: 'ZG-15', pass: true },
  },
  {
    id: 'H39',
    group: 'supervisor',
    text: 'ZG-15 不予销号，整改不彻底',
    expect: { command: 'recheck', item: 'ZG-15', pass: false },
  },
  {
    id: 'H40',
    group: 'supervisor',
    text: '验收ZG-15：不通过。理由：未见整改前后对比照片',
    expect: { command: 'recheck', item: 'ZG-15', pass: false, note: '未见整改前后对比照片' },
  },
  {
    id: 'H41',
    group: 'supervisor',
    text: '同意 ZG-15 的延期申请',
    expect: { command: 'decide_extension', item: 'ZG-15', approve: true },
  },
  {
    id: 'H42',
    group: 'supervisor',
    text: '批准 ZG-15 延期至4月15日',
    expect: { command: 'decide_extension', item: 'ZG-15', approve: true },
  },
  { id: 'H43', group: 'lookup', text: '查询 棠香中学', expect: { command: 'query', school: 'S07' } },
  { id: 'H44', group: 'lookup', text: '查看龙泉小学', expect: { command: 'query', school: 'S01' } },
  { id: 'H45', group: 'lookup', text: '查询 区特校', expect: { command: 'query', school: 'S10' } },
  { id: 'H46', group: 'lookup', text: '逾期事项清单', expect: { command: 'overdue' } },
  { id: 'H47', group: 'lookup', text: '我的待办事项', expect: { command: 'todo' } },
  {
    id: 'H48',
    group: 'lookup',
    text: '统计 3月',
    expect: { command: 'stats', from: '2021-03-01', to: '2021-03-31' },
  },
  { id: 'H49', group: 'lookup', text: '查询 DD7', expect: { command: 'query', record: 'DD-7' } },
  {
    id: 'H50',
    group: 'lookup',
    text: '@督导助手 查询一下光谷27小',
    expect: { command: 'query', school: 'S11' },
  },
  {
    id: 'H51',
    group: 'narrative',
    text: '提交督导记录 今天上午对龙泉中学开展经常性督导，检查了课堂教学和作业管理，整体较好。存在问题：个别班级作业布置超量。5个工作日内整改。',
    expect: rec('S02', '2021-03-16', [['个别班级作业布置超量', '2021-03-23']], { kind: '经常性督导' }),
  },
  {
    id: 'H52',
    group: 'narrative',
    text: '@督导助手 今天到区二中巡查，发现学生宿舍有违规电器，已要求立即收缴。',
    expect: rec('S20', '2021-03-16', [['学生宿舍有违规电器', '2021-03-16']]),
  },
  {
    id: 'H53',
    group: 'numbering',
    text: '提交督导记录 学校：棠香中心校，日期：昨天，类型：专项督导（校园安全），问题：围墙有裂缝，期限：3月31日',
    expect: rec('S06', '2021-03-15', [['围墙有裂缝', '2021-03-31']], { kind: '专项督导', topic: '校园安全' }),
  },
  {
    id: 'H54',
    group: 'narrative',
    text: '提交督导记录 龙泉小学 3月15日 问题：食堂留样不全',
    expect: rec('S01', '2021-03-15', [['食堂留样不全', '2021-03-29', 'default']]),
  },
  {
    id: 'H55',
    group: 'narrative',
    text: '提交督導記錄 學校：龍泉小學 問題：食堂留樣記錄不全，一週內整改',
    expect: rec('S01', '2021-03-16', [['食堂留样记录不全', '2021-03-23']]),
  },
  {
    id: 'R01',
    group: 'voice',
    voice: true,
    text: '提交都导记录学校龙泉中学日期今天类型专项都导双减问题一是作业公示栏没有更新二是课后服务签到表不全整改期限两周内',
    expect: rec(
      'S02',
      '2021-03-16',
      [
        ['作业公示栏没有更新', '2021-03-30'],
        ['课后服务签到表不全', '2021-03-30'],
      ],
      { kind: '专项督导', topic: '双减' },
    ),
  },
  {
    id: 'R02',
    group: 'voice',
    voice: true,
    text: '整改进度ZG45已完成消防通道杂物已经清理干净了',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'done' },
  },
  {
    id: 'R03',
    group: 'voice',
    voice: true,
    text: '整改近度ZG45进行中',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'in_progress' },
  },
  {
    id: 'R04',
    group: 'voice',
    voice: true,
    text: '首到ZG45',
    expect: { command: 'acknowledge', item: 'ZG-45' },
  },
  {
    id: 'R05',
    group: 'voice',
    voice: true,
    text: '眼收通过ZG45',
    expect: { command: 'recheck', item: 'ZG-45', pass: true },
  },
  {
    id: 'R06',
    group: 'voice',
    voice: true,
    text: '申请延期ZG45延期到四月二十号原因是材料还没到',
    expect: { command: 'request_extension', item: 'ZG-45', until: '2021-04-20', note: '材料还没到' },
  },
  {
    id: 'R07',
    group: 'voice',
    voice: true,
    text: '同意ZG45延期',
    expect: { command: 'decide_extension', item: 'ZG-45', approve: true },
  },
  {
    id: 'R08',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校童心幼儿园日期今天问题1午睡室通风不好2玩具消毒记录不全整改期限三个工作日内',
    expect: rec('S14', '2021-03-16', [
      ['午睡室通风不好', '2021-03-19'],
      ['玩具消毒记录不全', '2021-03-19'],
    ]),
  },
  {
    id: 'R09',
    group: 'voice',
    voice: true,
    text: '今天上午我在宝顶镇中心小学督导发现食堂后厨地面湿滑没有防滑措施要求马上整改',
    expect: rec('S16', '2021-03-16', [['食堂后厨地面湿滑没有防滑措施', '2021-03-16']]),
  },
  {
    id: 'R10',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校区二中日期三月十五日问题学生宿舍存在违规使用大功率电器情况一周内整改',
    expect: rec('S20', '2021-03-15', [['学生宿舍存在违规使用大功率电器情况', '2021-03-22']]),
  },
  {
    id: 'R11',
    group: 'narrative',
    text: '提交督导记录 今天到棠香街道中心小学开展经常性督导，发现以下问题：1）食堂留样不足125克；2）部分班级未按要求开展大课间活动。请于3月26日前整改。',
    expect: rec(
      'S06',
      '2021-03-16',
      [
        ['食堂留样不足125克', '2021-03-26'],
        ['部分班级未按要求开展大课间活动', '2021-03-26'],
      ],
      { kind: '经常性督导' },
    ),
  },
  {
    id: 'R12',
    group: 'narrative',
    text: '提交督导记录 3月15日，到龙水镇中心小学开展挂牌督导，查看了校园安全、食堂管理等。发现的问题：(1)校门口缺少防冲撞设施；(2)食堂从业人员健康证过期1人。要求两周内完成整改。',
    expect: rec(
      'S12',
      '2021-03-15',
      [
        ['校门口缺少防冲撞设施', '2021-03-29'],
        ['食堂从业人员健康证过期1人', '2021-03-29'],
      ],
      { kind: '挂牌督导' },
    ),
  },
  {
    id: 'R13',
    group: 'narrative',
    text: '上报督导记录：今日对光谷第二十七小学进行了随机督导，课间发现学生追逐打闹无人管理，要求加强课间巡查，一周内整改。',
    expect: rec('S11', '2021-03-16', [['学生追逐打闹无人管理', '2021-03-23']], {
      kind: '随机督导',
    }),
  },
  {
    id: 'R14',
    group: 'narrative',
    text: '提交督导记录 今天对城关第一中学开展了综合督导，存在以下问题：一、教师备课不规范；二、作业批改不及时；三、图书室开放时间不足。以上问题月底前整改。',
    expect: rec(
      'S04',
      '2021-03-16',
      [
        ['教师备课不规范', '2021-03-31'],
        ['作业批改不及时', '2021-03-31'],
        ['图书室开放时间不足', '2021-03-31'],
      ],
      { kind: '综合督导' },
    ),
  },
  {
    id: 'R15',
    group: 'narrative',
    text: '提交督导记录 今天上午到城关27小督导。情况：抽查了一年级作业。问题：一年级布置了书面作业。期限：立即整改。',
    expect: rec('S03', '2021-03-16', [['一年级布置了书面作业', '2021-03-16']]),
  },
  {
    id: 'R16',
    group: 'quote',
    quote: '整改完成 ZG-45 消防通道已清理',
    text: '验收通过，整改到位',
    expect: { command: 'recheck', item: 'ZG-45', pass: true },
  },
  {
    id: 'R17',
    group: 'quote',
    quote: '申请延期 ZG-45 至 4月20日 原因：材料未到',
    text: '同意',
    expect: { command: 'decide_extension', item: 'ZG-45', approve: true },
  },
  {
    id: 'R18',
    group: 'quote',
    quote: '申请延期 ZG-45 至 4月20日',
    text: '不同意延期，请按原期限完成',
    expect: { command: 'decide_extension', item: 'ZG-45', approve: false },
  },
  {
    id: 'R19',
    group: 'quote',
    text: '「督导助手：【整改通知】ZG-45 消防通道堆放杂物，期限 3月23日」\n- - - - - - - - - - - - - - -\n已完成整改，请验收',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'done' },
  },
  {
    id: 'R20',
    group: 'quote',
    text: '「督导助手：【整改通知】ZG-45 消防通道堆放杂物」\n- - - - - - -\n@督导助手 申请延期 至4月2日 原因：需联系物业清运',
    expect: { command: 'request_extension', item: 'ZG-45', until: '2021-04-02' },
  },
  {
    id: 'R21',
    group: 'quote',
    quote: '【整改通知】ZG-45 消防通道堆放杂物',
    text: '进行中，已联系物业',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'in_progress' },
  },
  {
    id: 'R22',
    group: 'quote',
    quote: '【督办】ZG-45 已逾期',
    text: '收到，马上处理',
    expect: { command: 'acknowledge', item: 'ZG-45' },
  },
  { id: 'R23', group: 'mention', text: '@督导助手 逾期清单', expect: { command: 'overdue' } },
  {
    id: 'R24',
    group: 'mention',
    text: '整改完成@督导助手 ZG-45 照片已上传',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'done' },
  },
  {
    id: 'R25',
    group: 'mention',
    text: '@王建国 ZG-45 已整改，请您验收 @督导助手',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'done' },
  },
  {
    id: 'R26',
    group: 'mention',
    text: '申请延期 @督导助手 ZG-45 至4月2日',
    expect: { command: 'request_extension', item: 'ZG-45', until: '2021-04-02' },
  },
  {
    id: 'R27',
    group: 'numbering',
    text: '提交督导记录\n学校：龙泉小学\n问题：\n一是课后服务时间不足\n二是作业公示不及时\n期限：3月31日',
    expect: rec('S01', '2021-03-16', [
      ['课后服务时间不足', '2021-03-31'],
      ['作业公示不及时', '2021-03-31'],
    ]),
  },
  {
    id: 'R28',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：1. 食堂留样记录缺失；2. 消毒柜未定期消毒；3. 从业人员未戴口罩。期限：立即整改',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录缺失', '2021-03-16'],
      ['消毒柜未定期消毒', '2021-03-16'],
      ['从业人员未戴口罩', '2021-03-16'],
    ]),
  },
  {
    id: 'R29',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：第1项：食堂留样记录缺失 第2项：消毒柜未定期消毒 期限：一周内',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录缺失', '2021-03-23'],
      ['消毒柜未定期消毒', '2021-03-23'],
    ]),
  },
  {
    id: 'R30',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：1、食堂留样记录缺失（立即整改）2、消毒柜未定期消毒（一周内）',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录缺失', '2021-03-16'],
      ['消毒柜未定期消毒', '2021-03-23'],
    ]),
  },
  {
    id: 'R31',
    group: 'principal',
    text: '整改进度 ZG-45 已完成，消防通道杂物已全部清理，请王督学验收。',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'done' },
  },
  {
    id: 'R32',
    group: 'principal',
    text: 'ZG-45 正在整改中，预计本周五完成',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'in_progress' },
  },
  {
    id: 'R33',
    group: 'principal',
    text: '申请延期 ZG-45，理由：需要等待设备厂家上门安装，预计4月15日前完成',
    expect: { command: 'request_extension', item: 'ZG-45', until: '2021-04-15' },
  },
  {
    id: 'R34',
    group: 'principal',
    text: '申请延期ZG-45至4月15日。原因：设备未到货。',
    expect: { command: 'request_extension', item: 'ZG-45', until: '2021-04-15', note: '设备未到货' },
  },
  {
    id: 'R35',
    group: 'principal',
    text: 'ZG-45申请延期至下周五',
    expect: { command: 'request_extension', item: 'ZG-45', until: '2021-03-26' },
  },
  {
    id: 'R36',
    group: 'principal',
    text: '已收到ZG-45，正在安排',
    expect: { command: 'acknowledge', item: 'ZG-45' },
  },
  {
    id: 'R37',
    group: 'supervisor',
    text: '验收 ZG-45 通过 整改到位，予以销号',
    expect: { command: 'recheck', item: 'ZG-45', pass: true },
  },
  {
    id: 'R38',
    group: 'supervisor',
    text: '验收 ZG-45 退回：杂物仍未清理干净，请于3月19日前重新整改',
    expect: { command: 'recheck', item: 'ZG-45', pass: false, until: '2021-03-19' },
  },
  {
    id: 'R39',
    group: 'supervisor',
    text: 'ZG-45 验收不通过，请3个工作日内重新整改',
    expect: { command: 'recheck', item: 'ZG-45', pass: false, until: '2021-03-19' },
  },
  {
    id: 'R40',
    group: 'supervisor',
    text: '同意延期ZG-45至4月20日',
    expect: { command: 'decide_extension', item: 'ZG-45', approve: true },
  },
  { id: 'R41', group: 'lookup', text: '查询 城关第二十七小学', expect: { command: 'query', school: 'S03' } },
  { id: 'R42', group: 'lookup', text: '查询 二十七小', expect: { command: 'query', school: 'S03' } },
  { id: 'R43', group: 'lookup', text: '查询ZG45', expect: { command: 'query', item: 'ZG-45' } },
  {
    id: 'R44',
    group: 'lookup',
    text: '统计 2021年3月',
    expect: { command: 'stats', from: '2021-03-01', to: '2021-03-31' },
  },
  { id: 'R45', group: 'lookup', text: '查询 实验幼儿园', expect: { command: 'query', school: 'S08' } },
  { id: 'R46', group: 'lookup', text: '查询 宝顶中学的情况', expect: { command: 'query', school: 'S17' } },
  {
    id: 'R47',
    group: 'voice',
    voice: true,
    text: '驗收ZG45通過',
    expect: { command: 'recheck', item: 'ZG-45', pass: true },
  },
  {
    id: 'R48',
    group: 'principal',
    text: '整改進度 ZG-45 已完成',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'done' },
  },
  {
    id: 'R49',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 日期：2021年3月15日上午9:00-11:30 类型：挂牌督导 问题：1.食堂留样记录缺失 2.消毒柜未定期消毒 期限：3月22日',
    expect: rec('S01', '2021-03-15', [
      ['食堂留样记录缺失', '2021-03-22'],
      ['消毒柜未定期消毒', '2021-03-22'],
    ]),
  },
  {
    id: 'T01',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校是龙泉小学日期是今天问题是食堂留样记录不全整改期限是一周内',
    expect: rec('S01', '2021-03-16', [['食堂留样记录不全', '2021-03-23']]),
  },
  {
    id: 'T02',
    group: 'voice',
    voice: true,
    text: '嗯提交督导记录学校龙泉小学问题消防通道堆放杂物立即整改',
    expect: rec('S01', '2021-03-16', [['消防通道堆放杂物', '2021-03-16']]),
  },
  {
    id: 'T03',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校城关二幼日期三月十五号上午问题一户外大型玩具有松动二午睡室消毒记录不全期限一周内',
    expect: rec('S05', '2021-03-15', [
      ['户外大型玩具有松动', '2021-03-22'],
      ['午睡室消毒记录不全', '2021-03-22'],
    ]),
  },
  {
    id: 'T04',
    group: 'principal',
    text: 'ZG-45已按要求整改到位，请审核',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'done' },
  },
  {
    id: 'T05',
    group: 'principal',
    text: '申请ZG-45延期至4月15日，原因是设备还未到货',
    expect: { command: 'request_extension', item: 'ZG-45', until: '2021-04-15' },
  },
  {
    id: 'T06',
    group: 'principal',
    text: 'ZG-45 延期到4月15日',
    expect: { command: 'request_extension', item: 'ZG-45', until: '2021-04-15' },
  },
  {
    id: 'T07',
    group: 'principal',
    text: 'ZG-45 收到，马上落实',
    expect: { command: 'acknowledge', item: 'ZG-45' },
  },
  {
    id: 'T08',
    group: 'supervisor',
    text: 'ZG-45 通过验收',
    expect: { command: 'recheck', item: 'ZG-45', pass: true },
  },
  {
    id: 'T09',
    group: 'supervisor',
    text: '验收：ZG-45 通过',
    expect: { command: 'recheck', item: 'ZG-45', pass: true },
  },
  {
    id: 'T10',
    group: 'supervisor',
    text: '复查 ZG-45 通过',
    expect: { command: 'recheck', item: 'ZG-45', pass: true },
  },
  { id: 'T11', group: 'lookup', text: '@督导助手 我的待办', expect: { command: 'todo' } },
  {
    id: 'T12',
    group: 'lookup',
    text: '查询 龙泉小学 的督导记录',
    expect: { command: 'query', school: 'S01' },
  },
  {
    id: 'T13',
    group: 'lookup',
    text: '统计本周',
    expect: { command: 'stats', from: '2021-03-15', to: '2021-03-21' },
  },
  {
    id: 'T14',
    group: 'narrative',
    text: '提交督导记录 今天（3月16日）上午到龙泉中学开展挂牌督导，发现教学楼三楼消防栓水压不足，要求3月31日前维修。',
    expect: rec('S02', '2021-03-16', [['教学楼三楼消防栓水压不足', '2021-03-31']], { kind: '挂牌督导' }),
  },
  {
    id: 'T15',
    group: 'narrative',
    text: '提交督导记录\n督导时间：3月15日\n督导对象：棠香初级中学\n督导情况：查看了课后服务开展情况，总体较好。\n发现问题及整改要求：课后服务签到不规范，一周内整改。',
    expect: rec('S07', '2021-03-15', [['课后服务签到不规范', '2021-03-22']]),
  },
  {
    id: 'T16',
    group: 'narrative',
    text: '提交督导记录 本周二到大屋陈学校督导，发现：一是食堂未做到48小时留样；二是教室照明不足。限3月26日前整改完毕。',
    expect: rec('S09', '2021-03-16', [
      ['食堂未做到48小时留样', '2021-03-26'],
      ['教室照明不足', '2021-03-26'],
    ]),
  },
  {
    id: 'T17',
    group: 'narrative',
    text: '提交督导记录 3月12日下午，对区特殊教育学校开展专项督导（送教上门），发现送教上门记录不完整，请学校在3月26日前补齐。',
    expect: rec('S10', '2021-03-12', [['送教上门记录不完整', '2021-03-26']], {
      kind: '专项督导',
      topic: '送教上门',
    }),
  },
  {
    id: 'T18',
    group: 'narrative',
    text: '提交督导记录 今天走访了龙水中学，存在问题：1、宿舍内务管理较乱 2、晚自习纪律较差，以上问题两周内整改。',
    expect: rec('S13', '2021-03-16', [
      ['宿舍内务管理较乱', '2021-03-30'],
      ['晚自习纪律较差', '2021-03-30'],
    ]),
  },
  {
    id: 'T19',
    group: 'narrative',
    text: '@督导助手 上午去了城关二幼，幼儿园整体不错，就是户外场地有一处积水，让他们一周内处理。',
    expect: { command: 'none' },
  },
  {
    id: 'T20',
    group: 'quote',
    quote: '【整改通知】ZG-21 …；ZG-22 …',
    text: '收到ZG-22',
    expect: { command: 'acknowledge', item: 'ZG-22' },
  },
  {
    id: 'T21',
    group: 'quote',
    quote: '【整改通知】ZG-21 三年级作业公示栏未按周更新',
    text: '好的，马上整改',
    expect: { command: 'none' },
  },
  {
    id: 'T22',
    group: 'quote',
    quote: '【整改通知】ZG-21 三年级作业公示栏未按周更新',
    text: '已整改完毕，附照片',
    expect: { command: 'report_progress', item: 'ZG-21', status: 'done' },
  },
  {
    id: 'T23',
    group: 'quote',
    text: '「王建国：验收 ZG-21 退回 公示栏仍未更新」\n- - - - - - -\n收到，马上重新整改',
    expect: { command: 'acknowledge', item: 'ZG-21' },
  },
  {
    id: 'T24',
    group: 'mention',
    text: '@督导助手 @李校长 退回 ZG-21 公示栏仍未更新',
    expect: { command: 'recheck', item: 'ZG-21', pass: false },
  },
  {
    id: 'T25',
    group: 'mention',
    text: '收到ZG-21@督导助手',
    expect: { command: 'acknowledge', item: 'ZG-21' },
  },
  {
    id: 'T26',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：1.食堂留样记录缺失,2.消毒柜未定期消毒,3.从业人员未戴口罩 期限：一周内',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录缺失', '2021-03-23'],
      ['消毒柜未定期消毒', '2021-03-23'],
      ['从业人员未戴口罩', '2021-03-23'],
    ]),
  },
  {
    id: 'T27',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：⑴食堂留样记录缺失⑵消毒柜未定期消毒 期限：一周内',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录缺失', '2021-03-23'],
      ['消毒柜未定期消毒', '2021-03-23'],
    ]),
  },
  {
    id: 'T28',
    group: 'numbering',
    text: '提交督导记录\n学校：龙泉小学\n问题：\n1.食堂留样记录缺失\n   要求3个工作日内补齐\n2.消毒柜未定期消毒',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录缺失', '2021-03-19'],
      ['消毒柜未定期消毒', '2021-03-30', 'default'],
    ]),
  },
  {
    id: 'T29',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：A.食堂留样记录缺失 B.消毒柜未定期消毒 期限：一周内',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录缺失', '2021-03-23'],
      ['消毒柜未定期消毒', '2021-03-23'],
    ]),
  },
  {
    id: 'T30',
    group: 'principal',
    text: '我校已完成ZG-45的整改',
    expect: { command: 'report_progress', item: 'ZG-45', status: 'done' },
  },
  { id: 'U01', group: 'principal', text: '收到了，谢谢王督学', expect: { error: 'missing_field' } },
  { id: 'U02', group: 'lookup', text: '好的，我们尽快落实', expect: { command: 'none' } },
  { id: 'U03', group: 'lookup', text: '今天下午三点开会，请各位校长准时参加', expect: { command: 'none' } },
  { id: 'U04', group: 'lookup', text: '龙泉小学的整改材料已经发到邮箱了', expect: { command: 'none' } },
  { id: 'U05', group: 'lookup', text: '明天到龙泉小学督导，请做好准备', expect: { command: 'none' } },
  { id: 'U06', group: 'lookup', text: '验收的时候请带上整改前后的照片', expect: { command: 'none' } },
  {
    id: 'U07',
    group: 'principal',
    text: '收到，ZG-12 我们已经安排后勤主任负责整改',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  { id: 'U08', group: 'principal', text: 'ZG12 ZG13 都已整改', expect: { error: 'bad_item' } },
  {
    id: 'U09',
    group: 'principal',
    text: '整改进度 ZG-12 已完成 见附件',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'U10',
    group: 'principal',
    text: '申请延期：ZG-12，延期至2021年4月30日，原因：工程需招投标',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-30' },
  },
  {
    id: 'U11',
    group: 'principal',
    text: '申请延期 ZG-12 延长至4月30日 因工程需招投标',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-30' },
  },
  { id: 'U12', group: 'principal', text: 'ZG-12申请延期两周', expect: { error: 'bad_deadline' } },
  {
    id: 'U13',
    group: 'supervisor',
    text: '验收 ZG-12 通过。',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'U14',
    group: 'supervisor',
    text: 'ZG-12 经现场复查已整改到位，同意销号',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'U15',
    group: 'supervisor',
    text: '不同意延期ZG-12，理由：该问题属安全隐患，须按期整改',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: false },
  },
  {
    id: 'U16',
    group: 'supervisor',
    text: '同意ZG-12延期至4月30日',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: true },
  },
  {
    id: 'U17',
    group: 'voice',
    voice: true,
    text: '提交督导记录今天下午到特校开展专项督导主要检查了送教上门工作发现送教记录不完整要求两周内补齐',
    expect: rec('S10', '2021-03-16', [['送教记录不完整', '2021-03-30']], { kind: '专项督导' }),
  },
  {
    id: 'U18',
    group: 'voice',
    voice: true,
    text: '提交督导记录，学校，阳光幼儿园，问题，厨房灭火毯过期，一周内更换。',
    expect: rec('S19', '2021-03-16', [['厨房灭火毯过期', '2021-03-23']]),
  },
  { id: 'U19', group: 'voice', voice: true, text: '查询逾期事项', expect: { command: 'overdue' } },
  {
    id: 'U20',
    group: 'voice',
    voice: true,
    text: '整改进度ZG十二已完成',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'U21',
    group: 'voice',
    voice: true,
    text: '整改完成Z G12',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'U22',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校龙泉小学日期三月十五日类型挂牌督导情况查看了食堂和校园安全问题食堂留样记录不全整改期限一周内',
    expect: rec('S01', '2021-03-15', [['食堂留样记录不全', '2021-03-22']], { kind: '挂牌督导' }),
  },
  {
    id: 'U23',
    group: 'narrative',
    text: '提交督导记录 学校：龙泉小学 今天上午开展挂牌督导，发现食堂留样记录不全，要求一周内整改。',
    expect: rec('S01', '2021-03-16', [['食堂留样记录不全', '2021-03-23']], { kind: '挂牌督导' }),
  },
  {
    id: 'U24',
    group: 'narrative',
    text: '提交督导记录 3月15日 龙泉中学 经常性督导\n发现问题：\n1.课后服务时间超时\n2.作业公示不及时\n要求：3月26日前整改',
    expect: rec(
      'S02',
      '2021-03-15',
      [
        ['课后服务时间超时', '2021-03-26'],
        ['作业公示不及时', '2021-03-26'],
      ],
      { kind: '经常性督导' },
    ),
  },
  {
    id: 'U25',
    group: 'narrative',
    text: '提交督导记录 今天到龙泉小学和龙泉中学开展联合督导，龙泉小学发现作业公示不及时，一周内整改。',
    expect: { error: 'ambiguous_school' },
  },
  {
    id: 'U26',
    group: 'quote',
    quote: '【整改通知】ZG-12 作业公示栏未按周更新',
    text: '收到，请问照片发到哪里？',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  {
    id: 'U27',
    group: 'quote',
    quote: '【整改通知】ZG-12 作业公示栏未按周更新',
    text: '好的',
    expect: { command: 'none' },
  },
  {
    id: 'U28',
    group: 'quote',
    text: '「督导助手：【督办】ZG-12 已逾期 3 天」\n- - - - - - - - -\n已经整改好了，马上发照片',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'U29',
    group: 'mention',
    text: '@督导助手 提交督导记录 学校：龙泉小学 问题：围墙破损 @李校长 请及时整改',
    expect: rec('S01', '2021-03-16', [['围墙破损 请及时整改', '2021-03-30', 'default']]),
  },
  {
    id: 'U30',
    group: 'numbering',
    text: '提交督导记录\n学校：龙泉小学\n问题：\n1、食堂留样记录缺失\n1.1 留样量不足\n2、消毒柜未定期消毒',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录缺失，1.1 留样量不足', '2021-03-30', 'default'],
      ['消毒柜未定期消毒', '2021-03-30', 'default'],
    ]),
  },
  {
    id: 'W01',
    group: 'narrative',
    text: '提交督导记录\n龙泉小学挂牌督导情况\n一、基本情况\n3月15日上午，责任督学王建国到龙泉小学开展挂牌督导，查看了校园安全、食堂管理。\n二、存在问题\n1.食堂留样记录不全；\n2.部分灭火器过期。\n三、整改要求\n请学校于3月31日前整改到位。',
    expect: rec(
      'S01',
      '2021-03-15',
      [
        ['食堂留样记录不全', '2021-03-31'],
        ['部分灭火器过期', '2021-03-31'],
      ],
      { kind: '挂牌督导' },
    ),
  },
  {
    id: 'W02',
    group: 'narrative',
    text: '【督导记录】\n学校：棠香初级中学\n时间：2021年3月15日\n发现问题：\n（1）学生宿舍存在私拉电线现象；\n（2）食堂从业人员未穿戴工作服。\n整改时限：一周内',
    expect: rec('S07', '2021-03-15', [
      ['学生宿舍存在私拉电线现象', '2021-03-22'],
      ['食堂从业人员未穿戴工作服', '2021-03-22'],
    ]),
  },
  {
    id: 'W03',
    group: 'narrative',
    text: '提交督导记录 今天上午，我对龙水中学进行了经常性督导。该校校园整洁，管理有序。存在的问题有：一是部分班级课表与实际上课不一致，二是体育器材室管理混乱。请学校在两周内完成整改，并将整改报告报督导室。',
    expect: rec(
      'S13',
      '2021-03-16',
      [
        ['部分班级课表与实际上课不一致', '2021-03-30'],
        ['体育器材室管理混乱', '2021-03-30'],
      ],
      { kind: '经常性督导' },
    ),
  },
  {
    id: 'W04',
    group: 'narrative',
    text: '提交督导记录\n督导学校：宝顶初级中学\n督导日期：3月12日\n督导内容：校园安全专项检查\n发现的问题：消防通道堆放杂物，应急照明灯损坏2处。\n整改意见：立即清理消防通道，3月19日前更换应急照明灯。',
    expect: rec('S17', '2021-03-12', [['消防通道堆放杂物，应急照明灯损坏2处', '2021-03-26', 'default']]),
  },
  {
    id: 'W05',
    group: 'voice',
    voice: true,
    text: '提交督导记录今天到区实验幼儿园看了一下发现幼儿午睡室的窗户没有防护栏这个要在一周内整改',
    expect: rec('S08', '2021-03-16', [['幼儿午睡室的窗户没有防护栏', '2021-03-23']]),
  },
  {
    id: 'W06',
    group: 'voice',
    voice: true,
    text: '那个提交督导记录学校龙泉小学问题食堂留样不全',
    expect: rec('S01', '2021-03-16', [['食堂留样不全', '2021-03-30', 'default']]),
  },
  {
    id: 'W07',
    group: 'principal',
    text: '王督学您好！ZG-12 已整改完毕，整改前后照片已上传，请验收。',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'W08',
    group: 'principal',
    text: '关于ZG-12，申请延期至4月30日，原因是需要等待区教委统一采购',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-30' },
  },
  {
    id: 'W09',
    group: 'principal',
    text: '关于 ZG-12 的整改：已完成',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'W10',
    group: 'supervisor',
    text: '经现场查看，验收 ZG-12 通过',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'W11',
    group: 'supervisor',
    text: '李校长，退回 ZG-12，照片无法证明已整改',
    expect: { command: 'recheck', item: 'ZG-12', pass: false },
  },
  { id: 'W12', group: 'lookup', text: '请帮我查询一下龙泉小学', expect: { command: 'query', school: 'S01' } },
  { id: 'W13', group: 'lookup', text: '麻烦查一下ZG-12', expect: { command: 'query', item: 'ZG-12' } },
  { id: 'W14', group: 'lookup', text: '龙泉小学的整改情况', expect: { command: 'none' } },
  {
    id: 'W15',
    group: 'quote',
    quote: '【整改通知】ZG-12 作业公示栏未按周更新',
    text: '该问题已整改完毕，请验收',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'W16',
    group: 'quote',
    quote: '【整改通知】ZG-12 作业公示栏未按周更新',
    text: '申请延期，公示栏需重新制作，4月10日前完成',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-10' },
  },
  // ── stickers and emoji, as WeCom and DingTalk put them in the text (2/5 before their fix) ──
  {
    id: 'X01',
    group: 'principal',
    text: '收到[抱拳] ZG-12',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  { id: 'X02', group: 'principal', text: '收到👍ZG-12', expect: { command: 'acknowledge', item: 'ZG-12' } },
  {
    id: 'X03',
    group: 'principal',
    text: '好的[OK]收到 ZG-12',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  {
    id: 'X04',
    group: 'principal',
    text: '整改完成 ZG-12 👌 照片已上传',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done', note: '照片已上传' },
  },
  {
    id: 'X05',
    group: 'supervisor',
    text: '验收 ZG-12 通过[强]',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  {
    id: 'Y01',
    group: 'lookup',
    text: '各位校长，本周五前请把整改材料报送督导室',
    expect: { command: 'none' },
  },
  { id: 'Y02', group: 'lookup', text: '督导记录怎么提交？', expect: { error: 'missing_field' } },
  { id: 'Y03', group: 'lookup', text: '申请延期需要什么材料', expect: { error: 'missing_field' } },
  { id: 'Y04', group: 'lookup', text: '收到通知了吗', expect: { error: 'missing_field' } },
  {
    id: 'Y05',
    group: 'principal',
    text: '已阅，收到 ZG-12',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  {
    id: 'Y06',
    group: 'principal',
    text: 'ZG-12：已完成整改',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'Y07',
    group: 'principal',
    text: '【ZG-12】已整改',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'Y08',
    group: 'principal',
    text: '整改进度 ZG-12 进行中，已完成采购，等待安装',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'in_progress' },
  },
  {
    id: 'Y09',
    group: 'principal',
    text: '申请延期 ZG-12 至 4/15 原因：雨天无法施工',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-15' },
  },
  {
    id: 'Y10',
    group: 'principal',
    text: '申请延期 ZG-12 至 2021-04-15',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-04-15' },
  },
  {
    id: 'Y11',
    group: 'principal',
    text: '申请延期 ZG-12 至五一节后',
    expect: { command: 'request_extension', item: 'ZG-12', until: '2021-05-06' },
  },
  {
    id: 'Y12',
    group: 'supervisor',
    text: '验收 ZG-12 不通过 整改不彻底，限3月19日前重新整改',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, until: '2021-03-19' },
  },
  {
    id: 'Y13',
    group: 'supervisor',
    text: '同意延期 ZG-12，请务必在4月15日前完成',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: true },
  },
  {
    id: 'Y14',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校龙泉小学问题第一个食堂留样记录不全第二个灭火器过期整改期限一周',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录不全', '2021-03-23'],
      ['灭火器过期', '2021-03-23'],
    ]),
  },
  {
    id: 'Y15',
    group: 'voice',
    voice: true,
    text: '提交督导记录学校龙泉小学问题有两个一个是食堂留样记录不全另一个是灭火器过期一周内整改',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录不全', '2021-03-23'],
      ['灭火器过期', '2021-03-23'],
    ]),
  },
  {
    id: 'Y16',
    group: 'voice',
    voice: true,
    text: '验收ZG12通过了',
    expect: { command: 'recheck', item: 'ZG-12', pass: true },
  },
  { id: 'Y17', group: 'voice', voice: true, text: '查一下我的待办', expect: { command: 'todo' } },
  {
    id: 'Y18',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：1食堂留样记录不全 2灭火器过期 期限：一周内',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录不全', '2021-03-23'],
      ['灭火器过期', '2021-03-23'],
    ]),
  },
  {
    id: 'Y19',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：\n- 食堂留样记录不全\n- 灭火器过期\n期限：一周内',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录不全', '2021-03-23'],
      ['灭火器过期', '2021-03-23'],
    ]),
  },
  {
    id: 'Y20',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：·食堂留样记录不全 ·灭火器过期 期限：一周内',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录不全', '2021-03-23'],
      ['灭火器过期', '2021-03-23'],
    ]),
  },
  {
    id: 'Z01',
    group: 'narrative',
    text: '提交督导记录 今天上午，在城关二幼进行了挂牌督导。园所环境整洁，但存在以下问题：1、部分玩具消毒不及时；2、晨检记录不规范。请在3月23日前完成整改。',
    expect: rec(
      'S05',
      '2021-03-16',
      [
        ['部分玩具消毒不及时', '2021-03-23'],
        ['晨检记录不规范', '2021-03-23'],
      ],
      { kind: '挂牌督导' },
    ),
  },
  {
    id: 'Z02',
    group: 'narrative',
    text: '提交督导记录\n今天到宝顶小学督导\n发现问题：\n一、食堂排风扇损坏\n二、操场跑道破损\n期限：两周内',
    expect: rec('S16', '2021-03-16', [
      ['食堂排风扇损坏', '2021-03-30'],
      ['操场跑道破损', '2021-03-30'],
    ]),
  },
  {
    id: 'Z03',
    group: 'narrative',
    text: '提交督导记录 今天对龙水小学开展了双减工作专项督导，学校作业管理较规范，课后服务开展较好，未发现明显问题。',
    expect: rec('S12', '2021-03-16', [], { kind: '专项督导', topic: '双减工作' }),
  },
  {
    id: 'Z04',
    group: 'narrative',
    text: '提交督导记录 3月16日上午，督学张丽华对棠香中学进行经常性督导。发现该校个别教师存在体罚学生现象，要求学校立即调查处理，3月19日前报送处理结果。',
    expect: rec('S07', '2021-03-16', [['该校个别教师存在体罚学生现象', '2021-03-19']], {
      kind: '经常性督导',
    }),
  },
  {
    id: 'Z05',
    group: 'voice',
    voice: true,
    text: '今天到龙泉中学督导了发现课后服务收费不规范要求一周内整改',
    expect: rec('S02', '2021-03-16', [['课后服务收费不规范', '2021-03-23']]),
  },
  {
    id: 'Z06',
    group: 'voice',
    voice: true,
    text: '收到马上整改ZG十五',
    expect: { command: 'acknowledge', item: 'ZG-15' },
  },
  {
    id: 'Z07',
    group: 'voice',
    voice: true,
    text: 'ZG十五已经整改完成了',
    expect: { command: 'report_progress', item: 'ZG-15', status: 'done' },
  },
  {
    id: 'Z08',
    group: 'voice',
    voice: true,
    text: '申请延期ZG15到月底',
    expect: { command: 'request_extension', item: 'ZG-15', until: '2021-03-31' },
  },
  {
    id: 'Z09',
    group: 'voice',
    voice: true,
    text: '验收ZG15不合格退回',
    expect: { command: 'recheck', item: 'ZG-15', pass: false },
  },
  {
    id: 'Z10',
    group: 'quote',
    quote: '【整改通知】ZG-15 食堂排风扇损坏',
    text: '已修好',
    expect: { command: 'report_progress', item: 'ZG-15', status: 'done' },
  },
  {
    id: 'Z11',
    group: 'quote',
    quote: '【验收提醒】李校长报告 ZG-15 已整改完毕',
    text: '@督导助手 同意销号',
    expect: { command: 'recheck', item: 'ZG-15', pass: true },
  },
  {
    id: 'Z12',
    group: 'principal',
    text: 'ZG-15已处理完毕',
    expect: { command: 'report_progress', item: 'ZG-15', status: 'done' },
  },
  {
    id: 'Z13',
    group: 'principal',
    text: 'ZG-15 已维修好了',
    expect: { command: 'report_progress', item: 'ZG-15', status: 'done' },
  },
  {
    id: 'Z14',
    group: 'principal',
    text: '整改进度 ZG-15 已联系维修公司，预计下周完成',
    expect: { command: 'report_progress', item: 'ZG-15', status: 'in_progress' },
  },
  { id: 'Z15', group: 'lookup', text: '逾期的有哪些', expect: { command: 'overdue' } },
  { id: 'Z16', group: 'lookup', text: '查询：龙泉小学', expect: { command: 'query', school: 'S01' } },
  { id: 'Z17', group: 'lookup', text: '查询 龍泉小學', expect: { command: 'query', school: 'S01' } },
  {
    id: 'Z18',
    group: 'supervisor',
    text: '验收 ZG-15 ，通过',
    expect: { command: 'recheck', item: 'ZG-15', pass: true },
  },
  {
    id: 'Z19',
    group: 'supervisor',
    text: '退回 ZG-15 原因：照片模糊 期限：3月19日',
    expect: { command: 'recheck', item: 'ZG-15', pass: false, until: '2021-03-19' },
  },
  {
    id: 'Z20',
    group: 'numbering',
    text: '提交督导记录 学校：龙泉小学 问题：1.食堂留样记录不全（3月19日前） 2.灭火器过期（立即更换）',
    expect: rec('S01', '2021-03-16', [
      ['食堂留样记录不全', '2021-03-19'],
      ['灭火器过期', '2021-03-16'],
    ]),
  },
  // ── more homophones and spoken item numbers (5/7 before their fix) ──
  {
    id: 'K01',
    group: 'voice',
    voice: true,
    text: '收到ZG杠12',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  {
    id: 'K02',
    group: 'voice',
    voice: true,
    text: '整改进度ZG杠十二已完成',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'K03',
    group: 'voice',
    voice: true,
    text: '推回ZG12照片不清楚',
    expect: { command: 'recheck', item: 'ZG-12', pass: false, note: '照片不清楚' },
  },
  {
    id: 'K04',
    group: 'voice',
    voice: true,
    text: '同一延期ZG12',
    expect: { command: 'decide_extension', item: 'ZG-12', approve: true },
  },
  {
    id: 'K05',
    group: 'voice',
    voice: true,
    text: '整改完城ZG12',
    expect: { command: 'report_progress', item: 'ZG-12', status: 'done' },
  },
  {
    id: 'K06',
    group: 'voice',
    voice: true,
    text: '收到Z G 12',
    expect: { command: 'acknowledge', item: 'ZG-12' },
  },
  {
    id: 'K07',
    group: 'voice',
    voice: true,
    text: '提交都到记录学校龙泉小学问题围墙破损',
    expect: {
      visit: { school: 'S01', date: '2021-03-16', problems: [['围墙破损', '2021-03-30', 'default']] },
    },
  },
];

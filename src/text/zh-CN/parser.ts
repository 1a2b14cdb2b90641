// What the parser says: the replies it gives when it cannot act (each names the problem and shows a
// line the sender can copy and edit; no stack traces, no internal ids: docs/spec/commands.md), the
// forms of dates and deadlines it reads, the record template and each role's examples, and what it
// understood from a record told as prose (src/parser/narrative.ts). src/parser/messages.ts turns
// the parser's values (schools, days) into the strings these take.

/** The roster's roles (src/domain/roster.ts), spelled here because the catalogue imports nothing. */
type RoleKey = 'supervisor' | 'principal' | 'leader' | 'admin';

const EXAMPLE_SCHOOL = '龙泉小学';

/** The forms of a deadline the parser reads, for the "which forms work" part of a reply. */
const DEADLINE_FORMS =
  '3月31日前、2021年3月31日、2021-03-31、3/31、5个工作日内、10天内、一周内、两周内、本周内、本周五前、下周一前、月底前、本月底、下月10日前、立行立改';
/** The forms of a visit date the parser reads. */
const VISIT_DATE_FORMS = '今天、昨天、前天、3月15日、3月15日（周一）、2021年3月15日、2021-03-15';

/** A record as a supervisor would send it; the school is a real one from the roster when known. */
const recordTemplate = (school: string = EXAMPLE_SCHOOL) =>
  [
    '提交督导记录',
    `学校：${school}`,
    '日期：3月15日',
    '类型：专项督导（双减）',
    '情况：抽查三、五年级作业公示和课后服务台账。',
    '问题：',
    '1、三年级作业公示栏未按周更新，5个工作日内整改',
    '2、课后服务学生签到表缺2月数据；3月31日前补齐',
  ].join('\n');

/** Copyable examples for a role (or for anyone). */
const EXAMPLES: Record<RoleKey | 'anyone', readonly string[]> = {
  supervisor: ['待办', '逾期', '验收 ZG-12 通过', '退回 ZG-12 公示栏仍未更新', '统计 本月'],
  principal: [
    '收到 ZG-12',
    '整改进度 ZG-12 已完成 公示栏已更新',
    '申请延期 ZG-12 至 4月10日 原因：器材未到货',
    '待办',
  ],
  leader: ['日报', '逾期', '统计 上月', '查询 龙泉小学', '同意延期 ZG-12'],
  admin: ['绑定本群 城关责任区', '绑定本群 督导室', '帮助'],
  anyone: ['待办', '整改进度 ZG-12', '帮助'],
};

function examplesBlock(role?: RoleKey, school?: string): string {
  const lines = EXAMPLES[role ?? 'anyone'].map((l) => l.replace(EXAMPLE_SCHOOL, school ?? EXAMPLE_SCHOOL));
  return role === 'supervisor' ? `${recordTemplate(school)}\n或：${lines.join('、')}` : lines.join('\n');
}

const list = (names: readonly string[]) => names.join('、');

export const parser = {
  recordTemplate,
  examples: EXAMPLES,
  replies: {
    empty: (role?: RoleKey, school?: string) =>
      `请在 @督导助手 后面写上要办的事，例如：\n${examplesBlock(role, school)}\n发送『帮助』查看全部用法。`,
    /** for a direct chat whose text is not a command (in groups such text is ignored) */
    notACommand: (role?: RoleKey, school?: string) =>
      `没看懂这条消息。可以这样发：\n${examplesBlock(role, school)}\n发送『帮助』查看全部用法。`,
    tooLong: (length: number, limit: number) =>
      `消息太长（${length} 字），一次最多 ${limit} 字。请分成几条发送，例如每所学校一条督导记录。`,
    internal: () => '抱歉，这条消息没能识别。请换一种写法，或发送『帮助』查看示例。',

    missingSchool: (school?: string) => `缺少『学校』。请按如下格式发送：\n${recordTemplate(school)}`,
    duplicateField: (field: string, values: readonly string[]) =>
      `『${field}』写了${values.length}次（${list(values)}），请只保留一个后重新发送。`,
    badKind: (kindText: string) =>
      `看不懂督导类型『${kindText}』。可写：挂牌督导、经常性督导、专项督导、随机督导、综合督导、回头看，可加 暗访/明查，例如：类型：专项督导（双减）`,

    unknownSchool: (query: string, suggestions: readonly string[]) =>
      suggestions.length > 0
        ? `未找到学校『${query}』。您是否要找：${list(suggestions)}？`
        : `未找到学校『${query}』。请写学校全称后重新发送，或发送『查询 学校全称』核对。`,
    inactiveSchool: (school: string) => `学校『${school}』已停用，不能再办理。如有疑问请联系管理员。`,
    ambiguousSchool: (query: string, candidates: readonly string[]) =>
      `『${query}』对应多所学校：${list(candidates)}。请写出全称后重新发送。`,

    badDate: (reason: string) => `${reason}。日期可以这样写：${VISIT_DATE_FORMS}。`,
    visitFuture: (reason: string) =>
      `${reason}。督导日期不能晚于今天，请写实际督导的日期（如：今天、昨天、3月15日）。`,
    uncountableDeadline: (deadlineText: string, detail?: string, where = '整改期限') =>
      `${where}『${deadlineText}』无法换算成具体日期${detail ? `（${detail}）` : ''}，不会按默认期限登记。请写明日期后重新发送，例如：3月31日前、10个工作日内。`,
    swallowedLabel: (field: string, words: readonly string[], reading: string) =>
      `『${field}』一栏里混进了${list(words.map((w) => `『${w}』`))}，没有登记。我是这样理解的：\n${reading}\n如无误，请按此格式重新发送（每栏另起一行，或用；隔开）。`,
    didYouMean: (suggestion: string) => `您是不是要发送『${suggestion}』？请复制后重新发送。`,
    quoteManyItems: (itemIds: readonly string[], example: string) =>
      `引用的消息里有多个事项（${list(itemIds)}），请写明编号，例如：${example.replace('ZG-12', itemIds[0] ?? 'ZG-12')}`,
    voiceEmpty: () => '没有识别出语音内容，请用文字发送，或重新说一遍。',
    unreadableDeadline: (deadlineText: string, where = '整改期限') =>
      `看不懂${where}『${deadlineText}』。\n可以这样写：${DEADLINE_FORMS}。`,
    invalidDeadline: (deadlineText: string, detail: string, where = '整改期限') =>
      `${where}『${deadlineText}』有误：${detail}。请核对后重新发送。`,
    /** the days as the parser shows them (formatDayCn) */
    deadlineBeforeVisit: (which: string, deadline: string, visit: string) =>
      `${which}的整改期限 ${deadline} 早于督导日期 ${visit}，请核对后重新发送。`,

    missingItem: (example: string) => `缺少事项编号。请这样写：${example}`,
    badItem: (bad: string, example: string) =>
      `事项编号『${bad}』不对，应写作 ZG-12（也可写 ZG12、#12）。例如：${example}`,
    oneItemOnly: (example: string) => `一条消息只能办理一个事项，请分开发送。例如：${example}`,
    missingProgressTarget: () => '请写上事项编号或学校，例如：整改进度 ZG-12，或：整改进度 龙泉小学',
    missingVerdict: (item: string) =>
      `请写明验收结果『通过』或『退回』，例如：验收 ${item} 通过，或：验收 ${item} 退回 公示栏仍未更新`,
    missingUntil: (item: string) =>
      `缺少延期后的日期。请这样写：申请延期 ${item} 至 4月10日 原因：器材未到货`,
    relativeUntil: (text: string, item: string) =>
      `『${text}』没说清延期到哪一天。请写明日期，例如：申请延期 ${item} 至 4月10日 原因：器材未到货`,
    /** the days as the parser shows them (formatDayCn) */
    untilInPast: (until: string, today: string) =>
      `延期后的日期 ${until} 早于今天（${today}），请核对后重新发送。`,

    missingQuery: () => '请写上要查询的学校或事项，例如：查询 龙泉小学，或：查询 ZG-12',
    badStatsRange: (text: string) =>
      `看不懂统计范围『${text}』。可以写：统计 本周、统计 本月、统计 上月、统计 2021年3月、统计 3月1日至3月15日`,
    missingBindTarget: () =>
      '请写明本群绑定到哪个责任区、学校或督导室，例如：绑定本群 城关责任区，或：绑定本群 督导室',
    unknownBindTarget: (query: string, zoneNames: readonly string[]) =>
      `未找到责任区或学校『${query}』。${zoneNames.length ? `可绑定的责任区：${list(zoneNames)}；` : ''}也可绑定某所学校，或『督导室』。`,
    ambiguousZone: (query: string, candidates: readonly string[]) =>
      `『${query}』对应多个责任区：${list(candidates)}。请写出全称后重新发送。`,
  },
  narrative: {
    read: '按叙述读取了学校、日期和问题，请核对；也可用『学校：』『问题：』等栏目发送',
    noFindings: '叙述中没有找到『发现』或『存在』的问题，按无问题登记；如有问题，请用『问题：1、… 2、…』列出',
    noKeyword: '未写『提交督导记录』，按督导记录登记',
    schools: (names: string) =>
      `叙述中提到了多所学校：${names}。\n一条记录只能登记一所学校，请写明『学校：…』后重新发送。`,
  },
  /** what the parser assumed to read a message, said on the reply (a card's note) */
  readings: {
    /** a date as written, as the day it was read as: '『下周五』按 3月19日 周五 计' */
    readAs: (text: string, day: string) => `『${text}』按 ${day} 计`,
    /** '『国庆前』按国庆节放假前最后一个工作日 9月30日 周四 计' */
    holiday: (text: string, holiday: string, before: boolean, day: string) =>
      `『${text}』按${holiday}${before ? '放假前最后一个工作日' : '假期后第一个工作日'} ${day} 计`,
    shortName: (query: string, school: string) => `『${query}』按简称识别为 ${school}`,
    recognized: (query: string, name: string) => `『${query}』识别为 ${name}`,
    heard: (text: string, keyword: string) => `语音识别为『${text}』，按『${keyword}』理解`,
    quoted: (item: string) => `按引用的消息办理 ${item}`,
    noDate: (today: string) => `未写日期，按今天 ${today} 登记`,
    /** which problems: '问题' alone, or '第2项问题', '第1、3项问题'; or the whole record */
    theProblem: '问题',
    theRecord: '记录',
    problems: (numbers: string) => `第${numbers}项问题`,
    defaultDeadline: (which: string, workdays: number, deadline: string) =>
      `${which}未写期限，按默认 ${workdays} 个工作日计，至 ${deadline}`,
    remark: (text: string) => `未标注栏目的文字『${text}』记入备注`,
    lastDeadline: (start: string, n: number, deadline: string) =>
      `『${start}…』写了${n}个期限，按最后一个『${deadline}』计`,
    noStatsRange: '未写统计范围，按本月统计',
    noVisitKind: '未写督导类型，按挂牌督导登记',
  },
  /** why a date or a deadline as written cannot be read (part of a reply that shows the forms) */
  dates: {
    /** the weekday a date was written with, by ISO number (1 = Monday) */
    weekdays: { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' },
    notThatWeekday: (day: string, weekday: string) => `${day}，不是${weekday}`,
    weekdayMismatch: (day: string) => `${day}，与所写的星期不符，请核对`,
    invalidDate: (year: number | string, month: number | string, dayOfMonth: number | string) =>
      `${year}年${month}月${dayOfMonth}日不是有效日期`,
    invalidMonthDay: (month: number | string, dayOfMonth: number | string) =>
      `${month}月${dayOfMonth}日不是有效日期`,
    invalidDayOfMonth: (dayOfMonth: number | string) => `${dayOfMonth}日不是有效日期`,
    invalidMonth: (month: number | string) => `${month}月不是有效月份`,
    noSuchDay: (month: number | string, dayOfMonth: number | string) => `${month}月没有${dayOfMonth}日`,
    noNextHoliday: (holiday: string | undefined) =>
      holiday ? `节假日安排中还没有下一个${holiday}` : '没有找到下一个节假日',
    /** a date the calendar has no day for, when nothing more precise is known */
    invalid: '不是有效日期',
    workdaysRange: '工作日数应在 1 到 365 之间',
    daysRange: '天数应在 1 到 730 之间',
    weeksRange: '周数应在 1 到 104 之间',
    monthsRange: '月数应在 1 到 24 之间',
    future: (day: string, today: string) => `督导日期 ${day} 晚于今天（${today}），不能登记尚未进行的督导`,
    unreadable: (text: string) => `看不懂日期『${text}』`,
    unreadableLong: (start: string) => `看不懂日期『${start}…』`,
  },
} as const;

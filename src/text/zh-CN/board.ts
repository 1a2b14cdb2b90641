// The board's texts (src/http/board/): the sign-in and refusal pages the server draws, the JSON
// API's refusals, and the page's own texts (`page`: board.html and board.js). A refusal
// never names a school or a person: the same few sentences whoever asks, whatever the link was for.

export const board = {
  pageTitle: '督导看板',
  howToGetALink:
    '请在企业微信或钉钉中向「督导助手」发送「看板」，获取您本人的看板链接（24 小时内有效）；领导也可点击每日日报中的「打开督导看板」。',
  /** a refused page: its title and its one sentence, by why */
  refusals: {
    no_session: { title: '请先登录督导看板', text: '督导看板只对名单内的人员开放。' },
    expired: { title: '链接已过期', text: '看板链接 24 小时内有效，这个链接已经过期。' },
    invalid: { title: '链接无效', text: '这个看板链接不完整或已被改动，无法打开。' },
    inactive: {
      title: '无法打开看板',
      text: '您的账号不在名单中或已停用。如需开通，请联系督导室管理员。',
    },
    other_person: {
      title: '链接不属于当前登录人员',
      text: '本浏览器已登录了另一位人员的看板，这个链接不能在此使用。如需切换，请先退出当前登录。',
    },
    platform_failed: {
      title: '登录未成功',
      text: '未能通过企业微信或钉钉确认您的身份，或您的账号不在名单中。',
    },
    not_configured: { title: '未启用该登录方式', text: '本系统未配置这种登录方式。' },
    not_found: { title: '页面不存在', text: '请检查链接是否完整。' },
  },
  loginWith: { wecom: '用企业微信登录', dingtalk: '用钉钉登录' },
  logoutAndContinue: '退出当前登录并打开此链接',
  /** the JSON API's refusals (the page turns them into its own words) */
  api: {
    unauthorized: '登录已失效，请重新打开看板链接',
    no_scope: '您的账号没有可查看的学校或责任区',
    not_found: '未找到',
    bad_date: '日期格式应为 YYYY-MM-DD，且不晚于今天',
  },
  /**
   * The board page's own texts. The page runs in the browser and cannot import this file: the
   * server writes the whole group into the page as JSON (`<script type="application/json"
   * id="zh">`, data, never run) and into board.html's {{zh.board.page.…}} marks; board.js reads
   * ZH.<key>. So every entry here is plain text, a value it names written {name}, filled by the
   * page's `fill(text, values)`.
   */
  page: {
    date: '日期',
    print: '打印',
    loading: '正在加载…',
    loadingSchool: '正在加载学校详情…',
    loadFailed: '加载失败，请稍后重试',
    /** '3月15日 数据（截至 2026/3/15 09:00:00）' */
    asOf: '{day} 数据（截至 {moment}）',
    /** the day as the page shows it */
    day: '{month}月{dayOfMonth}日',
    overview: {
      heading: '三色总览',
      green: '绿：按期推进',
      yellow: '黄：临近期限（',
      yellowAfter: ' 个工作日内）',
      red: '红：已逾期',
      zoneCaption: '各责任区未销号事项',
      schoolCaption: '各校未销号事项（点击学校查看详情）',
      zone: '责任区',
      open: '未销号',
      overdueEscalated: '逾期督办',
      escalated: '其中升级',
      dueSoon: '临期',
      school: '学校',
      status: '状态',
      overdue: '逾期',
      escalatedShort: '升级',
      total: '合计',
    },
    /** a school's colour, in its row */
    colors: { red: '红', yellow: '黄', green: '绿' },
    chips: {
      red: '红 {n} 校',
      yellow: '黄 {n} 校',
      green: '绿 {n} 校',
      overdue: '逾期督办 {n} 项',
      escalated: '其中升级 {n} 项',
    },
    rates: {
      heading: '销号率与按期销号率',
      note: '本月、上月督导发现的问题中，已销号的比例，以及销号中按期完成的比例。',
      thisMonth: '本月',
      lastMonth: '上月',
      closureChart: '各责任区销号率',
      onTimeChart: '各责任区按期销号率',
      caption: '各责任区本月与上月',
      zone: '责任区',
      problems: '本月问题',
      closed: '本月销号',
      closureRate: '销号率',
      onTimeRate: '按期率',
      lastClosureRate: '上月销号率',
      lastOnTimeRate: '上月按期率',
      /** the bars' series */
      closureThisMonth: '本月销号率',
      closureLastMonth: '上月销号率',
      onTimeThisMonth: '本月按期率',
      onTimeLastMonth: '上月按期率',
    },
    weeks: {
      heading: '近 12 周新增与销号',
      opened: '新增事项',
      closed: '销号事项',
      chart: '近12周新增与销号事项',
      openedSeries: '新增',
      closedSeries: '销号',
    },
    visits: {
      heading: '本月督导完成情况',
      done: '本月已督导（次）',
      planned: '应督导学校（所）',
      chart: '各督学本月督导次数与应督导学校数',
      caption: '各督学本月督导',
      supervisor: '督学',
      doneColumn: '已督导（次）',
      plannedColumn: '应督导（所）',
      doneSeries: '已督导',
      plannedSeries: '应督导',
      /** '本月工作安排：…；…' */
      plan: '本月工作安排：{text}',
    },
    unvisited: {
      heading: '未督导学校',
      over60: '60 天以上未督导',
      over30: '30–60 天未督导',
      lastVisit: '{school}（最近 {day}）',
      none: '无',
    },
    detail: {
      back: '‹ 返回看板',
      heading: '学校',
      openItems: '未销号事项',
      recentRecords: '近期督导',
      supervisors: ' · 责任督学 {names}',
      deadline: '{status} · 期限 {day}',
      escalated: ' · 已升级',
      extensionRequested: ' · 延期待审批',
      supervisor: ' · 督学 {name}',
      record: ' {day} {kind}',
      topic: '（{topic}）',
      problems: ' · 问题 {n} 项',
      noItems: '无未销号事项',
      noRecords: '暂无督导记录',
    },
    /** between the items of a list: '；' for the plan, '、' for names */
    planJoin: '；',
    listJoin: '、',
  },
};

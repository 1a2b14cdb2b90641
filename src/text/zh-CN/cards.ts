// Card texts (cards/): what every card says. A key ending in `title` is a card's title, one in
// `subtitle` the line under it, `buttons` the button labels; the rest are lines of the card and of
// its plain-text fallback. test/text/catalogue.test.ts renders each with long arguments and holds
// it to the platforms' limits (src/platforms/card-limits.ts).

export const cards = {
  /**
   * Short verbs for a card that must name several items on its buttons ('完成ZG-21'): only cards
   * sent before every item had its own card (src/platforms/button-key.ts)
   */
  severalItems: {
    buttons: {
      ack: '收到',
      done: '完成',
      extend: '延期',
      pass: '通过',
      reject: '退回',
      approve_ext: '同意',
      refuse_ext: '不同意',
    },
  },
  /** field labels shared by the cards; card-update.ts finds 状态 and 期限 by these */
  labels: {
    item: '事项',
    deadline: '期限',
    status: '状态',
    originalDeadline: '原期限',
    school: '学校',
    supervisor: '督学',
    responsibleSupervisor: '责任督学',
    record: '督导记录',
    evidence: '佐证',
    reason: '原因',
    opinion: '意见',
    date: '日期',
    kind: '类型',
    items: '整改事项',
  },
  /** the buttons of an item's card (cards/format.ts buttonsFor) */
  buttons: {
    ack: '收到',
    done: '已完成整改',
    extend: '申请延期',
    pass: '验收通过',
    reject: '退回',
    approve_ext: '同意',
    refuse_ext: '不同意',
  },
  /** the command a button stands for, in a card's plain text (a platform without buttons loses nothing) */
  typed: {
    ack: (item: string) => `收到 ${item}`,
    done: (item: string) => `整改完成 ${item} 整改情况说明`,
    extend: (item: string, example: string) => `申请延期 ${item} 至 ${example}`,
    pass: (item: string) => `验收 ${item} 通过`,
    reject: (item: string) => `退回 ${item} 退回原因`,
    approve_ext: (item: string) => `同意延期 ${item}`,
    refuse_ext: (item: string) => `不同意延期 ${item} 意见`,
  },
  /** what 退回 and 申请延期 ask for before they are sent (an input box where the platform has one) */
  input: {
    rejectLabel: '退回原因（必填）',
    rejectExample: '照片不清楚，请补充整改后的照片',
    extendLabel: '延期到哪天？原因？（必填）',
    /** the ready answer: a date a week after the deadline */
    extendExample: (date: string) => `${date} 原因：…`,
    extendExampleNoDeadline: '4月10日 原因：…',
  },
  /** how a card reads as plain text (cards/format.ts finish) */
  plain: {
    heading: (title: string) => `【${title}】`,
    field: (label: string, value: string) => `${label}：${value}`,
    fieldBlock: (label: string, value: string) => `${label}：\n${value}`,
    note: (note: string) => `注：${note}`,
    link: (label: string, url: string) => `${label}：${url}`,
    replyWith: '可直接回复：',
    /** before the commands a platform's markdown card lists instead of buttons (src/platforms/card-text.ts) */
    reply: '回复：',
  },
  /** shared pieces of cards (cards/format.ts) */
  deadline: (day: string) => `期限 ${day}`,
  overdueFor: (days: number) => `已逾期 ${days} 天`,
  dueToday: '今天到期',
  extensionPending: '延期待审批',
  /** '专项督导（双减）', '挂牌督导·暗访' */
  visitKind: (kind: string, manner?: string, topic?: string) =>
    `${kind}${manner ? `·${manner}` : ''}${topic ? `（${topic}）` : ''}`,
  monthDay: (month: number, day: number) => `${month}月${day}日`,
  /** an instant as the office reads it: '3月18日 10:20' */
  moment: (month: number, day: number, hour: string, minute: string) =>
    `${month}月${day}日 ${hour}:${minute}`,
  /** list separator inside one line: '龙泉小学、龙泉中学' */
  listSep: '、',
  /** joins a card note's parts */
  noteSep: '；',
  count: (n: number) => `${n} 项`,
  pieces: (n: number) => `${n} 件`,
  none: '无',
  notConfigured: '（未配置）',
  /** a period of days: '3月1日 周一 至 3月31日 周三' */
  period: (from: string, to: string) => `${from} 至 ${to}`,
  /** schools visited of all: '12 / 40 所（30%）' */
  coverage: (visited: number, total: number, percent: string) => `${visited} / ${total} 所（${percent}）`,
  /** what an item became, when a card update gives no state */
  handled: '已处理',

  error: {
    title: '未能处理',
  },
  help: {
    title: '督导助手 · 使用说明',
    subtitle: (name: string, roles: string) => `${name}（${roles}），可以这样发：`,
    note: '在群里请先 @督导助手；事项编号写作 ZG-21、ZG21 或 21 均可',
    /** the example school when the person works with none */
    exampleSchool: '龙泉小学',
    recordTemplate: (school: string) =>
      [
        '提交督导记录',
        `学校：${school}`,
        '日期：今天',
        '类型：专项督导（双减）',
        '情况：抽查作业公示和课后服务台账。',
        '问题：',
        '1、作业公示栏未按周更新，5个工作日内整改',
        '2、课后服务签到表缺2月数据；3月31日前补齐',
      ].join('\n'),
    supervisor: {
      submitLabel: '提交督导记录',
      recheckLabel: '验收',
      recheck: '验收 ZG-21 通过\n退回 ZG-21 公示栏仍未更新',
      decideLabel: '审批延期',
      decide: '同意延期 ZG-21\n不同意延期 ZG-21 请按原期限完成',
      viewLabel: '查看',
      view: (school: string) => `待办\n逾期\n查询 ${school}\n整改进度 ZG-21\n统计 本月\n看板`,
    },
    principal: {
      ackLabel: '收到通知',
      ack: '收到 ZG-21',
      progressLabel: '报告进度',
      progress: '整改进度 ZG-21 进行中 已安排专人负责',
      doneLabel: '完成整改',
      done: '整改完成 ZG-21 公示栏已更新（可随后发照片）',
      extendLabel: '申请延期',
      extend: '申请延期 ZG-21 至 4月10日 原因：需采购设备',
      viewLabel: '查看',
      view: (school: string) => `待办\n整改进度 ZG-21\n查询 ${school}\n看板`,
    },
    leader: {
      digestLabel: '日报',
      digest: '日报',
      viewLabel: '查看',
      view: (school: string) => `逾期\n统计 本月\n统计 2021年3月\n查询 ${school}\n看板`,
      decideLabel: '审批',
      decide: '同意延期 ZG-21\n不同意延期 ZG-21 意见',
      reopenLabel: '重新打开',
      reopen: '重新打开 ZG-21 复查发现问题反弹',
    },
    admin: {
      bindLabel: '绑定群聊（在群里发送）',
      bind: '绑定本群 第一责任区\n绑定本群 督导室',
    },
  },
  notice: {
    title: (item: string, position: string) => `整改通知 ${item}${position}`,
    /** '（2/3）': the item's place among the record's items of this school */
    position: (n: number, of: number) => `（${n}/${of}）`,
    subtitle: (school: string, supervisor: string) => `${school} · 督学 ${supervisor}`,
    recordLabel: '督导',
    record: (record: string, date: string, kind: string) => `${record} ${date} ${kind}`,
    note: '完成后可附照片作为佐证（回复后10分钟内发送）',
    summaryTitle: (school: string) => `整改通知 · ${school}`,
    summarySubtitle: (date: string, kind: string, supervisor: string) =>
      `${date} ${kind} · 督学 ${supervisor}`,
    summary: (n: number) => `${n} 项，每项一张卡片，请逐项回复`,
    summaryReply: (command: string) => `也可直接回复，如：${command}`,
  },
  reminder: {
    title: (item: string) => `整改提醒 · ${item}`,
    subtitle: (school: string, when: string) => `${school} · ${when}`,
    left: (workdays: number) => `还有 ${workdays} 个工作日到期`,
  },
  escalation: {
    title: (item: string) => `督办通知 · ${item}`,
    overdueLabel: '已逾期',
    overdue: (days: number) => `${days} 天`,
    newDeadlineLabel: '督办期限',
    askPrincipalBy: (day: string) => `请于 ${day} 前完成整改并回复`,
    askPrincipal: '请尽快完成整改并回复',
    askSupervisor: '请跟进督促该校整改',
    leaderTitle: (item: string) => `逾期升级 · ${item}`,
    leaderSubtitle: (school: string, workdays: number) => `${school} 已逾期 ${workdays} 个工作日`,
    principalLabel: '校长',
    leaderNote: '可视情况约谈或通报；该事项将列入每日日报直至销号',
  },
  progress: {
    verbs: { acknowledge: '已收到整改通知', progress: '报告整改进度', done: '报告已完成整改' },
    submittedTitle: (item: string) => `${item} 待验收`,
    progressTitle: (item: string) => `${item} 整改进度`,
    subtitle: (school: string, person: string, verb: string) => `${school} ${person} ${verb}`,
    noteLabel: '说明',
    rejectNote: '退回时请写明原因',
  },
  extension: {
    title: (item: string) => `延期申请 · ${item}`,
    subtitle: (school: string, person: string) => `${school} ${person} 申请延期`,
    untilLabel: '申请至',
    noReason: '（未填写）',
  },
  itemDetail: {
    title: (item: string) => `整改事项 ${item}`,
    subtitle: (school: string, status: string) => `${school} · ${status}`,
    extensionLabel: '延期申请',
    extension: (day: string) => `申请至 ${day}，待审批`,
    history: (person: string, action: string) => `${person} ${action}`,
    moreHistory: (n: number) => `共 ${n} 条记录，仅显示最近 10 条`,
    /** each event of an item's history */
    actions: {
      create: '登记',
      acknowledge: '收到',
      progress: '报告进度',
      done: '报告完成',
      close: '验收通过，销号',
      reject: '退回',
      request_extension: '申请延期',
      approve_extension: '同意延期',
      refuse_extension: '不同意延期',
      reopen: '重新打开',
      attach: '补充佐证',
    },
  },
  /** a person's notices merged into one message when too many wait (cards/notice-digest.ts) */
  noticeDigest: {
    title: (n: number) => `您有 ${n} 条新通知（消息较多，已合并为一条）`,
    more: (n: number) => `另有 ${n} 条`,
    /** the commands as the parser reads them (src/parser/keywords.ts: 待办; cards/format.ts typedCommand) */
    note: (example: string) => `回复“待办”查看全部事项；按编号回复，如：${example}`,
  },
  itemList: {
    title: (title: string, n: number) => `${title} · ${n} 项`,
    pagedTitle: (title: string, total: number, page: number, pages: number) =>
      `${title} · 共 ${total} 项（第${page}/${pages}页）`,
    more: (n: number, next: string) => `还有 ${n} 项，发送「${next}」查看下一页`,
    idsLabel: '编号',
    sentPrivately: '详情已私信发送给您',
  },
  school: {
    zoneLabel: '责任区',
    recentLabel: '近期督导',
    recent: (record: string, date: string, kind: string) => `${record} ${date} ${kind}`,
    noRecords: '暂无记录',
    openLabel: '未销号事项',
    /** the school's open items span several pages: this is one */
    pagedTitle: (school: string, page: number, pages: number) => `${school}（第${page}/${pages}页）`,
    detailsHint: (item: string) => `查看详情：整改进度 ${item}`,
  },
  recordSummary: {
    title: (record: string) => `督导记录 ${record} 已登记`,
    subtitle: (school: string, date: string, kind: string) => `${school} · ${date} ${kind}`,
    byDefault: '（默认）',
    flags: { overdue: '已逾期', dayOff: '休息日' },
    noItems: '无（本次未发现问题）',
    warningsLabel: '请注意',
    notifiedLabel: '已通知',
    notified: (school: string, names: string) => `${school} ${names}`,
    noPrincipal: '无（未找到该校校长，请联系管理员）',
    defaults: (items: string, workdays: number) => `${items} 未写期限，按默认 ${workdays} 个工作日计`,
    evidenceNote: '10分钟内发送的照片将作为佐证附到本记录',
    /** what the supervisor must notice, naming the item (or 事项 when there is none) */
    warnings: {
      anItem: '事项',
      deadlinePast: (item: string, deadline: string) =>
        `${item} 的期限 ${deadline} 已过，登记后即为逾期，将在下一次提醒时进入督办`,
      deadlineDayOff: (item: string, deadline: string, dayOff: string, next: string) =>
        `${item} 的期限 ${deadline} 是休息日（${dayOff}），下一个工作日是 ${next}`,
      possibleDuplicate: (record: string) => `与已登记的 ${record} 可能重复`,
    },
  },
  /** possible_duplicate: the record was held back (cards/duplicate-record.ts) */
  duplicate: {
    title: '可能重复，未登记',
    subtitle: (school: string, date: string, record: string) => `${school} ${date} 已有督导记录 ${record}`,
    note: (record: string) =>
      `问题与本条相同或相近，本条没有登记。如确需再登记一条，请在原消息中加上『确认重复』后重新发送（例如：提交督导记录 确认重复 …）。查看原记录：查询 ${record}`,
  },
  recordDetail: {
    title: (record: string) => `督导记录 ${record}`,
    findingsLabel: '情况',
    highlightsLabel: '亮点',
    remarkLabel: '备注',
  },
  monthlyPlan: {
    planTitle: (year: string, month: number) => `${year}年${month}月工作安排`,
    nudgeTitle: (month: number) => `${month}月督导提醒`,
    entryLabel: (n: number) => `安排${n}`,
    unvisitedLabel: '本月尚未督导',
    allVisited: '无，已全部覆盖',
    noPlan: '本月无专项安排，按计划开展挂牌督导',
    nudgeNote: '每所学校每月至少挂牌督导一次',
  },
  digest: {
    title: (day: string) => `督导日报 · ${day}`,
    subtitle: (period: string) => `统计 ${period}`,
    /** the board link's label on every card that carries one (digest, 看板) */
    boardLinkLabel: '打开督导看板',
    visitsLabel: '督导',
    visits: (n: number, supervisors: number, schools: number) =>
      `${n} 次（督学 ${supervisors} 人，学校 ${schools} 所）`,
    supervisorsLabel: '督学',
    schoolsLabel: '学校',
    /** the first five names and how many there are: '龙泉小学、… 等 8 所' */
    andMore: (names: string, n: number, unit: string) => `${names} 等 ${n} ${unit}`,
    units: { people: '人', schools: '所' },
    newProblemsLabel: '新发现问题',
    closedLabel: '销号',
    openLabel: '未销号',
    open: (n: number, awaiting: number, due: number, overdue: number) =>
      `${n} 项（待验收 ${awaiting}，本周到期 ${due}，逾期 ${overdue}）`,
    escalated: (n: number) => `，其中逾期升级 ${n} 项`,
    coverageLabel: (month: number) => `${month}月覆盖`,
    worstMeta: (days: number, supervisor: string) => `逾期 ${days} 天 · 督学 ${supervisor}`,
    zonesLabel: '各责任区',
    zone: (zone: string, open: number, overdue: number, visited: number, schools: number) =>
      `${zone}：未销号 ${open}，逾期 ${overdue}，本月 ${visited}/${schools} 校`,
    unreachableLabel: '无法送达',
    unreachable: (names: string) => `${names}：未登记企业微信或钉钉账号`,
    failedLabel: '发送失败',
    failed: (n: number, people: string) => `${n} 条（${people}）`,
    worstNote: (n: number) => `逾期最久的 ${n} 项如上；发送「逾期」查看全部`,
  },
  stats: {
    title: (scope: string) => `督导统计 · ${scope}`,
    visitsLabel: '督导次数',
    visits: (n: number) => `${n} 次`,
    coverageLabel: '覆盖学校',
    problemsLabel: '发现问题',
    closedLabel: '已销号',
    closed: (n: number, percent: string) => `${n} 项（销号率 ${percent}）`,
    openLabel: '未销号（全部）',
    open: (n: number, overdue: number) => `${n} 项，其中逾期 ${overdue} 项`,
    zone: (visits: number, problems: number) => `督导 ${visits} 次 · 问题 ${problems} 项`,
    zoneMeta: (closed: number, overdue: number) => `销号 ${closed} · 逾期 ${overdue}`,
    rateNote: '销号率 = 本期发现问题中已销号的比例',
  },
  unreachable: {
    title: (day: string) => `无法送达 · ${day}`,
    subtitle: (n: number) => `${n} 人没有企业微信或钉钉账号，督导助手的通知发不到他们`,
    peopleLabel: '人员',
    person: (name: string, roles: string) => `${name}（${roles}）`,
    note: '请在名单「人员」表的「企业微信」或「钉钉」列补上账号，再导入名单（dudao import）',
  },
};

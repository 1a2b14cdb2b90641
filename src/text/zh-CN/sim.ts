// The simulator's page (src/platforms/sim/public/): what someone trying dudao in a browser reads
// around the bot's own messages (which are the catalogue's other areas, as on a real platform).

export const sim = {
  /** the clock's day on a day off: '（劳动节）', or '（休息日）' on a weekend */
  dayOff: (holiday: string | undefined) => `（${holiday ?? '休息日'}）`,
  /**
   * The page's own texts. The page runs in the browser and cannot import this file: the server
   * writes the group into index.html as JSON (`<script type="application/json" id="zh">`, data,
   * never run) and into its {{zh.sim.page.…}} marks; the page's modules read ZH.<key> (text.js).
   * So every entry is plain text, a value it names written {name}, filled by `fill(text, values)`.
   * The server adds `example`: the record template of zh.parser, as a supervisor types it.
   */
  page: {
    title: '督导助手 · 模拟器',
    skip: '跳到输入框',
    badge: '模拟器',
    badgeNote: '这里的消息只在本模拟器中，不会发到企业微信或钉钉',
    person: '当前身份',
    board: '看板',
    boardNote: '以当前身份打开督导看板',
    clock: '模拟时间',
    nextWorkday: '+1 工作日',
    /** the button that moves the clock to the digest's time: '到 8:30' */
    toDigestTime: '到 {time}',
    clockReset: '回到现在',
    clockResetNote: '回到真实时间；模拟时间里产生的记录和整改事项保留',
    banner: '模拟环境：消息只在本页中模拟，不会发送到企业微信或钉钉。',
    demoReset: '重置演示数据',
    demoResetNote: '清空所有督导记录、整改事项和会话，重新载入演示花名册，时间回到现在',
    conversations: '会话',
    back: '‹ 会话',
    backNote: '返回会话列表',
    chooseConversation: '请选择会话',
    log: '消息记录',
    quickInput: '快捷输入',
    exampleChip: '督导记录示例',
    composerLabel: '消息内容（可多行；Ctrl+Enter 发送）',
    composerHint: 'Enter 换行 · Ctrl+Enter 发送',
    picture: '图片',
    send: '发送',
    /** the box's placeholder, in a group and in a direct chat */
    placeholderGroup: '在群里 @督导助手 发送指令；Ctrl+Enter 发送',
    placeholderDirect: '输入消息，可多行；Ctrl+Enter 发送',
    /** an empty conversation */
    emptyGroup: '群聊中请 @督导助手 发送指令。',
    emptyDirect: '发送「帮助」查看我能做什么。',
    group: '群聊',
    direct: '单聊',
    unread: '{n} 条未读',
    groupTitle: '{name}（群聊）',
    notHandled: '未能处理',
    reconnecting: '连接中断，正在重连…',
    duplicate: '这条消息已发送过。',
    sendFailed: '发送失败：{reason}',
    pictureFailed: '图片发送失败：{reason}',
    resetConfirm:
      '重置演示数据：将清空所有督导记录、整改事项和模拟会话，重新载入演示花名册，时间回到现在。此操作不能撤销，确定吗？',
    resetDone:
      '演示数据已重置：清空了 {records} 条督导记录、{items} 项整改事项和全部会话；已重新载入演示花名册（{schools} 所学校、{people} 人），时间回到现在。',
    resetFailed: '重置失败：{reason}',
    rosterFailed: '无法加载花名册：{reason}',
    rosterEmpty: '花名册为空：请先导入花名册（npx dudao import examples/roster.json）。',
    /** a message's time: '3月15日 09:30' */
    time: '{month}月{dayOfMonth}日 {hour}:{minute}',
    simTag: '模拟',
    me: '我',
    unknown: '未知',
    pictureAlt: '{name}发送的图片',
    /** the prompts of buttons that need a text, for cards sent before buttons carried their own */
    prompts: {
      extend: { label: '延期到哪天？原因？（必填）', example: '4月10日 原因：材料未到' },
      reject: { label: '退回原因（必填）', example: '照片不清楚，请补充' },
    },
    actions: '{item} 操作',
    submitted: '已提交，等待处理…',
    noAnswer: '未收到回复，请重试',
    submitFailed: '提交失败，请重试',
    examplePrefix: '如：{example}',
    confirm: '确认{label}',
    cancel: '取消',
    /** a required box left empty: '请先填写退回原因' (the label without its （必填）) */
    required: '请先填写{label}',
    requiredMark: '（必填）',
    card: '消息',
    /** what the user reads for each error of /sim/api (the server's own words are for developers) */
    errors: {
      empty: '请输入要发送的内容。',
      not_an_image: '只能发送 PNG、JPEG、GIF 或 WebP 图片。',
      too_large: '内容太大，请分成几条发送，图片请小于 512 KB。',
      bad_time: '时间格式不对，请用页面上的按钮调整时间。',
      not_demo_roster: '当前花名册不是演示数据（已导入本单位的名单），为免误删，不能重置。',
      unavailable: '服务暂时不可用，请稍后重试。',
      forbidden: '当前身份不在这个会话中。',
      unknownPerson: '花名册中没有这个人，请刷新页面。',
      unreadable: '发送的内容无法识别，请刷新页面后重试。',
      network: '网络错误，请检查服务是否在运行。',
    },
    /** the clock */
    adjusted: '（已调整）',
    clockTitle: '{day} {time}（{timeZone}）',
    notConnected: '（提醒与日报尚未接入）',
    remindersBusy: '另一轮提醒正在进行',
    reminders: '提醒 {n} 条',
    digestLater: '日报 {time} 后发送',
    noDigestToday: '非工作日不发日报',
    digests: '日报 {n} 份',
    /** what the clock's move did: '；提醒 3 条，日报 2 份' */
    ran: '；{parts}',
    ranJoin: '，',
    backToNow:
      '已回到现在（{label}）。在模拟时间里提交的督导记录、整改事项和消息都保留，日期仍是当时的模拟日期；要从头再来，请点「重置演示数据」。',
    moved: '模拟时间已调到 {label}{summary}',
    moveFailed: '调整时间失败：{reason}',
  },
};

// What the handlers (handlers/) answer: confirmations, refusals and the outcome lines that later
// redraw an item's cards. A key ending in `title` is a card's title, one in `subtitle` the line
// under it; the rest are lines.

export const handlers = {
  /** shared by the handlers (handlers/common.ts, roster-view.ts) */
  common: {
    unknownItem: (item: string) => `未找到整改事项 ${item}，请核对编号（如 ZG-21）。`,
    /** the outcome line on an item's cards: who did what, when */
    outcome: (person: string, verb: string, moment: string) => `${person} ${verb}（${moment}）`,
    opinion: (note: string) => `意见：${note}`,
    notesSep: '；',
  },
  /** the reply to a refused transition, from the item's current state (handlers/common.ts) */
  refusal: {
    /** the verb in "不能…" where the lifecycle's own name reads badly */
    verbs: {
      close: '验收',
      reject: '退回',
      acknowledge: '确认收到',
      progress: '报告进度',
      done: '报告完成',
      request_extension: '申请延期',
      reopen: '重新打开',
    },
    noPendingExtension: (item: string) => `${item} 没有待审批的延期申请（可能已由他人处理），请刷新后重试。`,
    closedNoRecheck: (item: string) => `${item} 已销号，无需再次验收。`,
    closed: (item: string, verb: string) => `${item} 已销号，无需再${verb}。`,
    alreadyAcknowledged: (item: string, status: string) => `${item} 已确认收到，当前为「${status}」。`,
    awaitingRecheck: (item: string) => `${item} 已报告完成，正在等待督学验收，请刷新后重试。`,
    sentBack: (item: string) => `${item} 已被退回，请刷新后重试。`,
    notSubmitted: (item: string, status: string) =>
      `${item} 尚未报告完成（当前为「${status}」），暂不能验收。`,
    notClosed: (item: string, status: string) => `${item} 尚未销号（当前为「${status}」），无需重新打开。`,
    other: (item: string, status: string, verb: string) =>
      `${item} 当前为「${status}」，不能${verb}，请刷新后重试。`,
  },
  bindChat: {
    kinds: { zone: '责任区', school: '学校', office: '督导室' },
    effects: {
      zone: '今后该责任区的新督导记录会在本群简要通知。',
      school: '今后该校的相关通知会发到本群。',
      office: '督导室的通知会发到本群。',
    },
    notInGroup: '请在要绑定的群聊里 @督导助手 发送此命令。',
    notInGroupExample: (name: string) => `例如：绑定本群 ${name}`,
    title: (name: string) => `本群已绑定：${name}`,
    subtitle: (kind: string) => `（${kind}）`,
  },
  boardLink: {
    title: '督导看板',
    subtitle: '您本人的看板链接，24 小时内有效',
    note: '链接只属于您本人，请勿转发；过期后再发送「看板」即可获取新链接。',
    groupSubtitle: '看板链接已私信发送给您',
    noScope: '您的账号没有可查看的学校或责任区，无法打开督导看板。如需开通请联系管理员。',
    noAddress: '督导看板尚未配置访问地址（PUBLIC_BASE_URL），请联系管理员。',
  },
  decideExtension: {
    approved: (day: string) => `已同意延期至 ${day}`,
    refused: (day: string) => `不同意延期，期限仍为 ${day}`,
    title: (item: string, verdict: string) => `${item} ${verdict}`,
    newDeadlineLabel: '新期限',
    approvedTitle: (item: string) => `延期申请已同意 · ${item}`,
    refusedTitle: (item: string) => `延期申请未同意 · ${item}`,
    approvedSubtitle: (person: string) => `${person} 同意延期`,
    refusedSubtitle: (person: string) => `${person} 不同意延期`,
  },
  digestNow: {
    title: '督导日报',
    sentPrivatelySubtitle: '已私信发送给您',
  },
  none: {
    title: '没有看懂这条消息',
    subtitle: '发送「帮助」查看我能做什么，以及可直接复制的示例。',
  },
  overdue: {
    onlyStaff: '逾期清单仅督学和领导可以查看。',
    /** also the hint of 统计 to a principal */
    principalHint: '查看本校的整改事项请发送「待办」',
    title: '逾期事项',
    empty: '暂无逾期事项',
    /** the command for a page of the list (src/parser/page-tail.ts reads it back) */
    page: (page: number) => `逾期 ${page}`,
    escalated: (n: number, workdays: number) => `其中 ${n} 项已逾期 ${workdays} 个工作日以上`,
  },
  principalAction: {
    doneTitle: (item: string) => `${item} 已报告完成`,
    doneSubtitle: '等待督学验收',
    doneNote: '10分钟内发送的照片将作为佐证附到该事项',
    progressTitle: (item: string) => `${item} 进度已记录`,
    ackTitle: (item: string) => `已确认收到 ${item}`,
    ackSubtitle: (day: string) => `请于 ${day} 前完成整改`,
    /** the outcome line's verb on the item's cards */
    verbs: { done: '报告已完成整改，待验收', progress: '报告整改进度', acknowledge: '已确认收到' },
  },
  query: {
    itemNotFound: (item: string) => `未找到整改事项 ${item}，或您无权查看该事项。`,
    itemTitle: (item: string) => `整改事项 ${item}`,
    recordNotFound: (record: string) => `未找到督导记录 ${record}，或您无权查看该记录。`,
    recordTitle: (record: string) => `督导记录 ${record}`,
    schoolNotFound: (school: string) => `未找到学校『${school}』，请核对校名。`,
    openTitle: '未销号事项',
    page: (school: string, page: number) => `查询 ${school} 第${page}页`,
    missingTarget: '请写明要查询的事项编号或学校。',
    missingTargetExample: '例如：整改进度 ZG-21，或：查询 龙泉小学',
  },
  recheck: {
    needsReason: (item: string) => `退回 ${item} 需要写明原因，学校才知道还要整改什么。`,
    needsReasonTitle: '请写明退回原因',
    needsReasonExample: (item: string) => `例如：退回 ${item} 公示栏仍未按周更新`,
    /** 退回 after the deadline: the new deadline and how to give another */
    newDeadline: (deadline: string, workdays: number, until: string, item: string) =>
      `原期限 ${deadline} 已过，新期限按 ${workdays} 个工作日计至 ${until}；如需其他期限，可在退回时写明，例如：退回 ${item} 原因，5个工作日内整改`,
    passedTitle: (item: string) => `${item} 验收通过，已销号`,
    rejectedTitle: (item: string) => `${item} 已退回`,
    rejectedSubtitle: (school: string, deadline: string) => `${school} 需重新整改，期限 ${deadline}`,
    reasonLabel: '退回原因',
    closedTitle: (item: string) => `${item} 已验收销号`,
    closedSubtitle: (person: string) => `${person} 验收通过`,
    sentBackTitle: (item: string) => `${item} 被退回，请重新整改`,
    sentBackSubtitle: (person: string) => `${person} 退回`,
    /** the outcome line's verb on the item's cards */
    verbs: { pass: '验收通过，已销号', reject: '已退回' },
  },
  reopen: {
    title: (item: string) => `${item} 已重新打开`,
    subtitle: '状态：整改中',
    schoolTitle: (item: string) => `${item} 已重新打开，请继续整改`,
    bySubtitle: (person: string) => `${person} 重新打开`,
    verb: '重新打开',
  },
  requestExtension: {
    notLater: (until: string, deadline: string) =>
      `申请的日期 ${until} 不晚于当前期限 ${deadline}，无需延期。`,
    past: (until: string, example: string) =>
      `申请的日期 ${until} 已经过去，请写一个今后的日期，例如：${example}`,
    title: (item: string) => `${item} 延期申请已提交`,
    subtitle: (until: string) => `申请延期至 ${until}，等待审批`,
    currentDeadlineLabel: '当前期限',
    note: '审批前请按原期限推进整改',
    verb: (until: string) => `申请延期至 ${until}，待审批`,
  },
  submitRecord: {
    schoolNotFound: (school: string) => `未找到学校『${school}』，请核对校名或联系管理员。`,
    /** the short notice to the zone's group (no problems: other schools read it) */
    zoneSubtitle: (person: string, date: string, school: string, kind: string) =>
      `${person} ${date} 到 ${school} 开展${kind}`,
    zoneNote: '整改事项已通知学校',
  },
  senderNotices: {
    deactivatedTitle: '您的账号已停用',
    strangerTitle: '您还不在督导助手的名单中',
    strangerSubtitle: '暂时无法为您办理。如需使用，请联系本单位督导室的管理员将您加入名单。',
    rateLimitedTitle: '消息太多，请稍后再发',
    rateLimitedSubtitle:
      '您在短时间内发送的消息太多，超出的部分没有办理。请稍等一两分钟，再发送需要办理的内容。',
  },
  stats: {
    onlyStaff: '督导统计仅督学和领导可以查看。',
  },
  todo: {
    title: '我的待办',
    empty: '暂无待办事项',
    page: (page: number) => `待办 ${page}`,
  },
};

// What the jobs (jobs/) answer on their own, before or beside a handler: a message that could not
// be processed, pictures sent as evidence, a card's 申请延期 button, and the lines 'dudao remind'
// prints for each reminder.

export const jobs = {
  inbound: {
    /** the reply when a message fails for good (jobs/inbound.ts) */
    apology: '抱歉，系统暂时无法处理这条消息，请稍后再发一次。',
    /** a voice message: what the platform heard */
    heard: (text: string) => `语音识别：『${text}』`,
    strayPictureTitle: '图片未关联到事项',
    strayPictureSubtitle: '请先发送整改完成或督导记录，再在10分钟内发送照片作为佐证。',
    attachedTitle: (n: number) => `已收到 ${n} 个附件`,
    attachedSubtitle: (title: string) => `已作为${title}的佐证`,
    itemTarget: (item: string) => `整改事项 ${item}`,
    recordTarget: (record: string) => `督导记录 ${record}`,
  },
  /** a card's button (jobs/inbound-action.ts) */
  action: {
    unknownItem: '未找到该整改事项，请刷新后重试。',
    extendTitle: (item: string) => `申请延期 ${item}`,
    extendSubtitle: (deadline: string) => `当前期限 ${deadline}`,
    extendLabel: '请直接回复（可复制后修改）',
    extendNote: '写明延期到哪天和原因，督学审批后生效',
    unreadableDate: (value: string, example: string) =>
      `未能读出延期日期『${value}』。请写明延期到哪天和原因，例如：${example}`,
  },
  /** the stage of a reminder, on the line 'dudao remind' prints (jobs/reminder-run.ts) */
  reminderStages: {
    before: (workdays: number) => `还有 ${workdays} 个工作日到期`,
    due: '今天到期',
    overdue: (workdays: number) => `督办通知，已逾期 ${workdays} 个工作日`,
    escalated: (workdays: number) => `逾期升级，已逾期 ${workdays} 个工作日`,
  },
};

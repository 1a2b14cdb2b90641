// The words of the domain (src/domain/): roles, an item's states and what can happen to it, and
// the names that stand for someone or something no longer on the roster. Replies, cards, the
// simulator and the reports all say them the same way.

export const domain = {
  /** src/domain/roster.ts roleNames */
  roles: { supervisor: '督学', principal: '校长', leader: '领导', admin: '管理员' },
  /** src/domain/records.ts statusNames; also what an item's button turns into (statusWord) */
  statuses: { open: '待整改', in_progress: '整改中', submitted: '待验收', closed: '已销号' },
  /** src/domain/lifecycle.ts actionNames: "ZG-21 已销号，无需再次验收" */
  actions: {
    create: '登记',
    acknowledge: '确认收到',
    progress: '报告进度',
    done: '报告完成',
    close: '验收销号',
    reject: '退回',
    request_extension: '申请延期',
    approve_extension: '同意延期',
    refuse_extension: '不同意延期',
    reopen: '重新打开',
    attach: '补充材料',
  },
  /** an item's history (src/store/record-store.ts): the note on its creation from a voice message */
  createdByVoice: '由语音消息登记（平台语音转写）',
  /** a school no longer on the roster, never its id */
  goneSchool: '（已撤销的学校）',
  /** a person no longer on the roster, never their id */
  gonePerson: '（已停用人员）',
  /** the scope of someone whose zones are 全部 */
  allZones: '全区',
  /** the zone 全部 itself, as the roster writes it */
  everyZone: '全部',
  /** the scope of someone with no zone */
  noZones: '（无责任区）',
  /** the board's scope of someone with no zone and no school */
  noScope: '（无）',
  /** how a user reads a day (src/domain/day.ts): '3月22日 周一', '2021年3月22日 周一' */
  days: {
    /** by JavaScript's weekday number (0 = Sunday) */
    weekdays: { 0: '周日', 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六' },
    monthDay: (month: number, dayOfMonth: number) => `${month}月${dayOfMonth}日`,
    yearMonthDay: (year: number, month: number, dayOfMonth: number) => `${year}年${month}月${dayOfMonth}日`,
    withWeekday: (day: string, weekday: string) => `${day} ${weekday}`,
  },
  /** a day that is not as its weekday says: '5月8日 周六（调休上班）' */
  dayNotes: {
    swappedWorkday: (day: string) => `${day}（调休上班）`,
    holiday: (day: string, holiday: string) => `${day}（${holiday}）`,
    localDayOff: (day: string) => `${day}（本地放假）`,
    localWorkday: (day: string) => `${day}（本地上班）`,
  },
  /** the bot's own name: a card's source line, the simulator's direct chat */
  botName: '督导助手',
};

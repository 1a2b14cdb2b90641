// The month's export workbook (src/reports/export-sheets.ts, `dudao export`, the API's
// export.xlsx): its four sheets' names, titles, column headers, section rows and notes, printed and
// filed by the office as they are. A `sheet` is a sheet's name on its tab (Excel: at most 31
// characters, none of []:*?/\); a footer is the printed page's footer (at most 255 characters, with
// Excel's codes &P, the page, and &N, the pages); everything else is a cell.

export const reports = {
  workbook: {
    /** the file's author in its properties */
    creator: 'dudao 督导助手',
    /** '2021年5月' */
    month: (year: string, month: number) => `${year}年${month}月`,
    /** '2021年5月7日' */
    date: (year: number, month: number, dayOfMonth: number) => `${year}年${month}月${dayOfMonth}日`,
    /** each printed page's footer, centred: the sheet, the page of the pages */
    footer: (sheet: string) => `${sheet} 第 &P 页，共 &N 页`,
    /** row 1 of a sheet: '城关区教育督导室 2021年5月 督导记录' (without the office if OFFICE_NAME is not set) */
    heading: (office: string | undefined, period: string, what: string) =>
      [office, `${period} ${what}`].filter(Boolean).join(' '),
    /** the file's name when the API sends it (GET export.xlsx): '督导2026-03.xlsx' */
    fileName: (month: string) => `督导${month}.xlsx`,
    /** between the items of a list in one cell: 'ZG-11、ZG-12' */
    listJoin: '、',
  },
  records: {
    sheet: '督导记录',
    heading: '督导记录',
    columns: {
      id: '编号',
      date: '督导日期',
      school: '学校',
      zone: '责任区',
      supervisor: '督学',
      kind: '督导类型',
      manner: '方式',
      topic: '主题',
      findings: '督导情况',
      highlights: '亮点',
      problems: '问题数',
      items: '整改事项',
      createdAt: '登记时间',
    },
  },
  items: {
    sheet: '整改事项',
    heading: '整改事项',
    columns: {
      id: '编号',
      record: '督导记录',
      date: '督导日期',
      school: '学校',
      zone: '责任区',
      supervisor: '责任督学',
      text: '存在问题',
      originalDeadline: '原定期限',
      deadline: '整改期限',
      status: '状态',
      lateness: '逾期情况',
      closedOn: '销号日期',
      history: '整改经过',
    },
    /** the item's state in 逾期情况 */
    closedLate: (days: number) => `逾期 ${days} 天销号`,
    closedOnTime: '按期销号',
    overdue: (days: number) => `已逾期 ${days} 天`,
    notDue: '未到期',
    /** the section rows */
    thisMonth: (n: number) => `本月督导发现的问题（${n} 项）`,
    carried: (n: number) => `往月结转：此前督导发现、本月仍在整改的问题（${n} 项）`,
    /** the note under the table */
    asOf: (today: string) => `状态、逾期情况截至 ${today}（导出之日）。`,
    /**
     * 整改经过: '2021年4月20日 登记（赵督学）；2021年5月7日 报告完成（陈园长）：签到表已补齐；2021年5月8日
     * 退回（赵督学），原因：照片看不清'
     */
    history: {
      step: (day: string, action: string, who: string) => `${day} ${action}（${who}）`,
      stepJoin: '；',
      requestedUntil: (until: string) => `，申请延至${until}`,
      moved: (from: string, to: string) => `，期限由${from}改为${to}`,
      movedTo: (to: string) => `，期限改为${to}`,
      reason: (note: string) => `，原因：${note}`,
      opinion: (note: string) => `，意见：${note}`,
      note: (note: string) => `：${note}`,
    },
  },
  stats: {
    sheet: '统计',
    heading: '督导统计',
    columns: {
      scope: '范围',
      name: '名称',
      visits: '督导次数',
      visited: '覆盖学校',
      schools: '学校数',
      coverage: '覆盖率',
      problems: '发现问题',
      closedOnTime: '按期销号',
      closedLate: '逾期销号',
      pending: '整改中（未到期）',
      overdue: '逾期未销号',
      medianDays: '销号用时中位数（天）',
    },
    /** the first column, by what the row counts */
    rows: { total: '合计', zone: '责任区', supervisor: '督学' },
    note: (period: string, today: string) =>
      `说明：统计${period}督导日期在本月的督导记录及其发现的问题，问题状态截至 ${today}；发现问题 = 按期销号 + 逾期销号 + 整改中（未到期） + 逾期未销号。`,
  },
  notice: {
    sheet: '通报',
    /** '示例区教育督导室关于整改逾期事项的通报（截至2021年5月10日，导出之日）' */
    heading: (office: string | undefined, date: string, isToday: boolean) =>
      `${office ?? ''}关于整改逾期事项的通报（截至${date}${isToday ? '，导出之日' : ''}）`,
    columns: {
      n: '序号',
      school: '学校',
      zone: '责任区',
      id: '编号',
      text: '存在问题',
      deadline: '整改期限',
      daysOverdue: '逾期天数',
      supervisor: '责任督学',
      statusToday: '当前状态',
      statusMonthEnd: '月末状态',
    },
    /** the school's cell: '城南中学（2 项）' */
    school: (school: string, n: number) => `${school}（${n} 项）`,
    summary: (schools: number, n: number) =>
      `共 ${schools} 所学校 ${n} 项整改事项逾期未完成。请相关学校立即整改，责任督学跟踪督办。`,
    none: (date: string) => `截至${date}，没有逾期未完成的整改事项。`,
    running: (date: string) =>
      `本月尚未结束，本通报按导出之日（${date}）的状态列出；月末以后重新导出，可得到截至月末的通报。`,
  },
};

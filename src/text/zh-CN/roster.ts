// The roster import's mistakes and warnings (src/roster/, `dudao import`, POST /api/v1/roster), as
// the office's IT person reads them: each names the sheet, the row (or the JSON entry) and the
// column, then what is wrong and what to write instead, so a workbook is fixed in one go. The
// sheets' and columns' own names (学校, 人员, 姓名, 责任区, …) and the values a cell may hold (是/否,
// 公办/民办, the roles' words) are what the import READS: they stay in src/roster/columns.ts and
// values.ts, and a message that lists them says them as they are written there.

export const roster = {
  /** the sheet of a mistake about the file as a whole */
  file: '文件',
  /** what a row number counts: a sheet's or a CSV file's rows (row 1 the header), a JSON array's entries */
  units: { row: '行', entry: '条' },
  /** one mistake as shown: '人员 第7行『学校』：未找到学校『龙泉小』' */
  line: (sheet: string, row: number | undefined, unit: string, column: string | undefined, message: string) =>
    `${sheet}${row === undefined ? '' : ` 第${row}${unit}`}${column ? `『${column}』` : ''}：${message}`,
  /** a mistake about a whole sheet: '人员：没有任何数据行' */
  sheetLine: (sheet: string, message: string) => `${sheet}：${message}`,
  /** src/roster/load.ts */
  load: {
    notFound: (path: string) => `找不到文件 ${path}`,
    unsupported: (extension: string) => `不支持的文件类型『${extension}』：请用 .xlsx、.csv 或 .json`,
  },
  /** a header row (src/roster/columns.ts) */
  columns: {
    unknown: (hint: string) => `不认识这一列，${hint}`,
    twice: (header: string) => `与『${header}』是同一列，出现了两次`,
    missing: '缺少这一列',
    /** a Latin slip: the key meant, with its header */
    keyMeant: (key: string, header: string) => `是不是『${key}』（${header}）？`,
    /** a Chinese slip: the header meant (and, in JSON, its key) */
    headerMeant: (header: string, key: string | undefined) =>
      key ? `是不是『${header}』（${key}）？` : `是不是『${header}』？`,
    /** nothing close: every column (or JSON key) there is */
    available: (json: boolean, columnNames: string[]) =>
      `可用的${json ? '键' : '列'}：${columnNames.join('、')}`,
    keyWithHeader: (key: string, header: string) => `${key}（${header}）`,
  },
  /** an .xlsx workbook (src/roster/read-xlsx.ts) */
  xlsx: {
    unreadable: (detail: string) => `无法读取 Excel 文件：${detail}`,
    missingSheet: (sheet: string, near: string | undefined, sheets: string[]) =>
      `缺少工作表『${sheet}』${near ? `（是不是『${near}』？工作表名应为『${sheet}』）` : sheets.length ? `（工作簿中的工作表：${sheets.join('、')}）` : ''}`,
  },
  /** a folder of CSV files (src/roster/read-csv.ts) */
  csv: {
    /** each table's accepted file names: 'schools.csv 或 学校.csv，people.csv 或 人员.csv，…' */
    naming: (fileNames: string[][]) =>
      `CSV 文件应命名为 ${fileNames.map((n) => n.join(' 或 ')).join('，')}（每张表一个文件，放在同一目录）`,
    twice: (found: string[]) => `同一目录中有 ${found.join(' 和 ')}，是同一张表，请只保留一个`,
    missing: (choices: string[], beside: string) =>
      `缺少文件 ${choices.join(' 或 ')}（应与 ${beside} 放在同一目录）`,
  },
  /** a JSON roster (src/roster/read-json.ts) */
  json: {
    invalid: (detail: string) => `文件不是有效的 JSON：${detail}`,
    notAnObject: '文件应为一个 JSON 对象，含 schools、people、chats 三个数组',
    unknownTopKey: (key: string, near: string | undefined, keys: string[]) =>
      `不认识的键『${key}』，${near ? `是不是『${near}』？` : `可用的键：${keys.join('、')}`}`,
    missingArray: (key: string) => `缺少数组『${key}』`,
    notAnArray: (key: string) => `『${key}』应为数组`,
    entryNotAnObject: '应为一个对象',
    /** a key nobody knows, with the entries that carry it: '不认识的键（第1条等 12 条），是不是…' */
    unknownKey: (entries: number[], hint: string) =>
      `不认识的键（${entries.length === 1 ? `第${entries[0]}条` : `第${entries[0]}条等 ${entries.length} 条`}），${hint}`,
  },
  /** a cell's value (src/roster/values.ts, normalize.ts) */
  values: {
    required: '必填',
    tooLong: (max: number) => `太长（最多${max}个字）`,
    duplicate: (value: string, first: number, unit: string) => `『${value}』与第${first}${unit}重复`,
    unknownType: (value: string, types: readonly string[]) =>
      `无法识别类型『${value}』，可填：${types.join('、')}`,
    nature: (value: string) => `应填『公办』或『民办』，不是『${value}』`,
    shortNameTooLong: (start: string) => `简称『${start}…』太长`,
    schoolNotFound: (value: string) => `未找到学校『${value}』`,
    shortNameAmbiguous: (value: string) => `简称『${value}』对应多所学校，请填学校编号或全称`,
    principalNeedsSchool: '校长须填写所在学校（编号或名称）',
    zoneNotFound: (value: string, zoneNames: string[]) =>
      `未找到责任区『${value}』${zoneNames.length ? `，学校表中的责任区有：${zoneNames.join('、')}` : ''}`,
    leaderNeedsZones: '领导须填写责任区（全区填『全部』）',
    partTimeNeedsZones: '兼职督学须填写责任区（全区填『全部』）',
    bindingNotFound: (value: string) => `未找到责任区或学校『${value}』（也可填『督导室』）`,
    noRows: '没有任何数据行',
    yesOrNo: (value: string) => `应填『是』或『否』，不是『${value}』`,
    rolesRequired: '必填，可填：督学、校长、领导、管理员（多个用『、』分隔）',
    unknownRole: (value: string) => `无法识别角色『${value}』，可填：督学、校长、领导、管理员`,
    platform: (value: string) => `应填『企业微信』或『钉钉』，不是『${value}』`,
    month: (value: string) => `无法识别月份『${value}』，请填如『2026-03』或『2026年3月』`,
    mobile: (value: string) => `手机号『${value}』不是 11 位手机号`,
  },
  /** worth a look, but the import goes ahead */
  warnings: {
    sameName: (first: number, unit: string, name: string) =>
      `与第${first}${unit}同名『${name}』：日报、通报和卡片上只写姓名，两人会分不清，建议在姓名后加注（如 ${name}（学校））`,
    mobileSkipped: (reason: string) => `${reason}，这个号码未导入`,
    unreachable: (name: string) => `${name} 没有企业微信或钉钉账号，发给此人的通知无法送达`,
  },
  /** `dudao import` (src/cli/import.ts) */
  cli: {
    noFile: '缺少名单文件',
    oneFile: (n: number) => `只能给一个文件，收到 ${n} 个`,
    /** a file that cannot be read at all: one plain line */
    fileError: (text: string) => `dudao import：${text}`,
    errors: (n: number) => `名单有 ${n} 处错误，未导入任何数据：`,
    warnings: (n: number) => `请注意（${n} 处，不影响导入）：`,
    tally: (table: string, added: number, updated: number, deactivated: number, unchanged: number) =>
      `${table}：新增 ${added}，更新 ${updated}，停用 ${deactivated}，未变 ${unchanged}`,
    chatsAndPlan: (chats: number, plan: number) => `群聊：${chats} 个；工作安排：${plan} 条`,
    dryRun: '（试运行：只检查，未写入任何数据）',
    imported: '名单已导入。',
  },
  /** POST /api/v1/roster (src/http/api/roster.ts) */
  api: {
    invalid: (n: number) => `名单有 ${n} 处错误，未导入任何数据`,
    busy: '名单正在被另一次导入修改，本次未导入任何数据，请稍后重试。',
  },
};

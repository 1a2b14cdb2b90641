/**
 * The roster's tables as office staff write them (docs/spec/interfaces.md → Roster): sheet names and
 * Chinese column headers, mapped to the English keys of the JSON form. Headers are matched after
 * trimming; the English key is accepted as a header too.
 */
export type TableName = 'schools' | 'people' | 'chats' | 'plan';

export interface TableDef {
  sheet: string;
  file: string;
  required: boolean;
  columns: Record<string, string>; // English key → Chinese header
  requiredColumns: string[];
}

export const tables: Record<TableName, TableDef> = {
  schools: {
    sheet: '学校',
    file: 'schools.csv',
    required: true,
    columns: { id: '编号', name: '名称', shortNames: '简称', type: '类型', nature: '性质', zone: '责任区' },
    requiredColumns: ['id', 'name', 'type', 'zone'],
  },
  people: {
    sheet: '人员',
    file: 'people.csv',
    required: true,
    columns: {
      id: '编号',
      name: '姓名',
      roles: '角色',
      school: '学校',
      zones: '责任区',
      fullTime: '专职',
      wecomId: '企业微信',
      dingtalkId: '钉钉',
      mobile: '手机',
    },
    requiredColumns: ['id', 'name', 'roles'],
  },
  chats: {
    sheet: '群聊',
    file: 'chats.csv',
    required: false,
    columns: { platform: '平台', chatId: '群ID', name: '名称', binding: '绑定' },
    requiredColumns: ['platform', 'chatId', 'binding'],
  },
  plan: {
    sheet: '工作安排',
    file: 'plan.csv',
    required: false,
    columns: { month: '月份', content: '工作内容', kind: '类型', topic: '主题' },
    requiredColumns: ['month', 'content'],
  },
};

export const tableNames = Object.keys(tables) as TableName[];

/** One row of a table, keyed by English column keys. `row` is how a person finds it again. */
export interface RawRow {
  row: number;
  values: Record<string, unknown>;
}

export interface RawTables {
  /** '行' for sheets and CSV (row 1 is the header), '条' for JSON array entries */
  unit: '行' | '条';
  tables: Partial<Record<TableName, RawRow[]>>;
  /** errors found while reading (a missing sheet or column) */
  errors: RosterError[];
}

export interface RosterError {
  sheet: string;
  row?: number;
  column?: string;
  /** the whole line as shown: 人员 第7行『学校』：未找到学校『龙泉小』 */
  text: string;
}

export function rosterError(
  sheet: string,
  unit: '行' | '条',
  row: number | undefined,
  column: string | undefined,
  message: string,
): RosterError {
  const where = row === undefined ? '' : ` 第${row}${unit}`;
  const col = column ? `『${column}』` : '';
  return { sheet, row, column, text: `${sheet}${where}${col}：${message}` };
}

/** Map a header row (cell texts) to English keys; unknown headers are ignored. */
export function mapHeaders(
  def: TableDef,
  headers: string[],
): { keys: (string | undefined)[]; missing: string[] } {
  const byHeader = new Map<string, string>();
  for (const [key, cn] of Object.entries(def.columns)) {
    byHeader.set(cn, key);
    byHeader.set(key, key);
  }
  const keys = headers.map((h) => byHeader.get(h.trim().replace(/\s+/g, '')));
  const missing = def.requiredColumns.filter((k) => !keys.includes(k)).map((k) => def.columns[k]!);
  return { keys, missing };
}

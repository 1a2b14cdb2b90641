import { countLabels, startsWithLabel } from './record-fields.js';
import { charSet, skipChars, trimStartChars } from './trim.js';
import { readPageTail } from './page-tail.js';

/**
 * The keyword a command starts with (docs/spec/commands.md, synonyms included). Matching is on normalised
 * text, longest keyword first, so 不同意延期 wins over 同意延期 and 验收通过 over 验收.
 *
 * `待办`, `逾期`, `日报` and `帮助` must stand alone (trailing punctuation aside): in a busy group
 * "逾期了怎么办" is talk, not a command. A record may also come without its keyword when it
 * starts with a label and has at least two (学校：…\n问题：…).
 */

export type Intent =
  | 'submit_record'
  | 'progress' // 整改进度 / 进度: a query or a progress report, by what follows
  | 'progress_done' // 整改完成 / 已整改: a report of completion
  | 'acknowledge'
  | 'request_extension'
  | 'approve_extension'
  | 'refuse_extension'
  | 'recheck' // 验收 … 通过/退回
  | 'recheck_pass' // 销号, 验收通过
  | 'recheck_reject' // 退回, 验收退回
  | 'reopen'
  | 'query'
  | 'todo'
  | 'overdue'
  | 'stats'
  | 'digest_now'
  | 'board_link'
  | 'bind_chat'
  | 'help';

export const KEYWORDS: Readonly<Record<Intent, readonly string[]>> = {
  submit_record: [
    '提交督导记录',
    '督导记录',
    '提交记录',
    '上报督导记录',
    '上报记录',
    '登记督导记录',
    '报送督导记录',
    '新增督导记录',
  ],
  progress: ['整改进度', '进度'],
  progress_done: [
    '整改完成',
    '已整改',
    '已完成整改',
    '完成整改',
    '整改完毕',
    '已整改完毕',
    '整改到位',
    '已整改到位',
    '已完成',
    '整改完成了',
    '已整改完成',
    '已经整改完成',
    '已经整改完成了',
    '已经完成整改',
    '已经整改完毕',
    '已经整改到位',
    '整改好了',
    '已整改好',
    '已经整改好了',
    '已经整改好',
  ],
  acknowledge: ['收到', '已收到', '确认收到', '收到了', '已收悉', '收悉'],
  request_extension: ['申请延期', '延期申请', '申请延长', '延期', '请求延期', '申请延迟', '申请推迟'],
  approve_extension: ['同意延期', '批准延期'],
  refuse_extension: ['不同意延期', '驳回延期', '拒绝延期', '不批准延期'],
  recheck: ['验收', '复查'],
  recheck_pass: ['销号', '验收通过', '验收合格', '同意销号', '通过验收'],
  recheck_reject: ['退回', '验收退回', '验收不通过', '验收不合格', '打回', '不予销号'],
  reopen: ['重新打开', '重开'],
  query: ['查询', '学校', '查看', '查一下', '查一查', '帮我查一下', '查看一下'],
  todo: ['待办', '我的待办', '待办事项', '我的待办事项', '待办清单'],
  overdue: ['逾期', '逾期清单', '逾期事项', '逾期事项清单', '逾期名单'],
  stats: ['统计'],
  digest_now: ['日报', '今日日报'],
  board_link: ['看板', '督导看板'],
  bind_chat: ['绑定本群', '本群绑定'],
  help: ['帮助', 'help', '?', '菜单', '使用帮助', '使用说明'],
};

const STANDALONE: ReadonlySet<Intent> = new Set(['todo', 'overdue', 'digest_now', 'board_link', 'help']);
/** the standalone lists that answer a page at a time and so may be followed by the page */
const PAGED: ReadonlySet<Intent> = new Set(['todo', 'overdue']);

const TABLE: [string, Intent][] = (Object.entries(KEYWORDS) as [Intent, readonly string[]][])
  .flatMap(([intent, words]) => words.map((w): [string, Intent] => [w, intent]))
  .sort((a, b) => b[0].length - a[0].length);

export interface KeywordMatch {
  intent: Intent;
  keyword: string;
  /** what follows the keyword, leading separators removed */
  rest: string;
}

const QUESTION_TAIL_RE =
  /^(?:的|事项|的事项)?(?:有哪些|有什么|有几个|有几项|有多少|是什么|呢|吗)[\s?.。!~]*$/;
const LEADING_SEPARATORS = charSet(' \n:;,、。.-—~!?');
const TRAILING_PUNCT = charSet(' \n.。!?~');

/** The command keyword at the start of a normalised text, or undefined for ordinary talk. */
export function matchKeyword(text: string): KeywordMatch | undefined {
  // before the keywords: "学校：龙泉小学\n问题：…" is a record, not 学校 <name>
  if (startsWithLabel(text) && countLabels(text) >= 2)
    return { intent: 'submit_record', keyword: '', rest: text };
  const lower = text.slice(0, 8).toLowerCase();
  for (const [word, intent] of TABLE) {
    if (!lower.startsWith(word)) continue;
    const after = text.slice(word.length);
    if (/^[a-z0-9]/i.test(word) && /^[a-z0-9]/i.test(after)) continue; // "helpful" is not help
    // "验收的时候…", "收到的通知" are words in a sentence ("逾期的有哪些" still asks, below)
    if (after.startsWith('的') && !(STANDALONE.has(intent) && QUESTION_TAIL_RE.test(after))) continue;
    if (STANDALONE.has(intent)) {
      // "待办 2", "逾期第3页": a page of the list (rest carries it); "逾期3天" is talk
      if (PAGED.has(intent) && readPageTail(after, { bare: true })?.rest === '')
        return { intent, keyword: word, rest: after.trim() };
      // "待办有哪些？", "逾期的有几个" ask the same; "逾期了怎么办" is talk
      if (skipChars(after, TRAILING_PUNCT) !== after.length && !QUESTION_TAIL_RE.test(after)) continue;
      return { intent, keyword: word, rest: '' };
    }
    let rest = trimStartChars(after, LEADING_SEPARATORS);
    // said twice, as voice and quick replies do: 收到收到 ZG-33, 收到，收到
    if (rest.startsWith(word)) rest = trimStartChars(rest.slice(word.length), LEADING_SEPARATORS);
    return { intent, keyword: word, rest };
  }
  return undefined;
}

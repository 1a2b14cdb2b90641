/**
 * Quick looks at the start of a value, to tell whether a label without a colon really opens a
 * field (record-fields.ts). Anchored, bounded patterns on a short head: linear by construction.
 */

const CN_DIGIT = '[〇零一二两三四五六七八九十]';
const VISIT_DATE_START = new RegExp(
  `^(?:\\d{4}\\s?[年\\-/.]|\\d{1,2}\\s?[月/.\\-]\\s?\\d|${CN_DIGIT}{1,3}\\s?月|今天|今日|昨天|昨日|前天|明天|后天|本周|上周|上个?星期|(?:周|星期|礼拜)[一二三四五六日天])`,
);
const KIND_START = /^(?:挂牌|经常性|常规|日常|专项|随机|综合|回头看|复查|暗访|明查|明察)/;

/** Whether a value starts like a visit date (3月15日, 2021-03-15, 三月十五日, 今天, 明天…). */
export function looksLikeVisitDate(head: string): boolean {
  return VISIT_DATE_START.test(head.slice(0, 12));
}

/** Whether a value starts like a visit kind (挂牌督导, 专项督导, 暗访…). */
export function looksLikeKind(head: string): boolean {
  return KIND_START.test(head.slice(0, 4));
}

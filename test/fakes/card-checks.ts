// What the platforms' documents allow in a card, checked on the payloads dudao actually sends
// (the fake platform runs these on every template card and card instance it receives; the
// property test on every rendering). The numbers are the documented ones in
// src/platforms/card-limits.ts, each cited there. Returns one line per broken limit.

import { CARD_LIMITS, type WecomTemplateLimits } from '../../src/platforms/card-limits.js';
import { graphemeCount, utf8Bytes } from '../../src/platforms/split-message.js';

export function wecomCardProblems(tc: any, which: 'app' | 'bot' | 'update' = 'app'): string[] {
  const L: WecomTemplateLimits = which === 'bot' ? CARD_LIMITS.wecomBot : CARD_LIMITS.wecomApp;
  const out: string[] = [];
  const len = (s: unknown) => graphemeCount(String(s ?? ''));
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  check(tc?.card_type === 'button_interaction', `card_type ${tc?.card_type}`);
  check(typeof tc?.main_title?.title === 'string' && tc.main_title.title !== '', 'main_title.title missing');
  check(len(tc?.main_title?.title) <= L.title, `main_title.title ${len(tc?.main_title?.title)} > ${L.title}`);
  check(
    len(tc?.main_title?.desc) <= L.titleDesc,
    `main_title.desc ${len(tc?.main_title?.desc)} > ${L.titleDesc}`,
  );
  check(len(tc?.sub_title_text) <= L.subTitle, `sub_title_text ${len(tc?.sub_title_text)} > ${L.subTitle}`);
  check(len(tc?.source?.desc) <= L.sourceDesc, `source.desc > ${L.sourceDesc}`);
  const rows = (tc?.horizontal_content_list ?? []) as { keyname: string; value: string }[];
  check(rows.length <= L.fields, `horizontal_content_list ${rows.length} > ${L.fields}`);
  for (const r of rows) {
    check(len(r.keyname) <= L.keyname, `keyname "${r.keyname}" > ${L.keyname}`);
    check(len(r.value) <= L.value, `value "${r.value}" > ${L.value}`);
  }
  const buttons = (tc?.button_list ?? []) as { text: string; key: string; style: number }[];
  check(
    buttons.length >= 1 && buttons.length <= L.buttons,
    `button_list ${buttons.length} not in 1..${L.buttons}`,
  );
  check(new Set(buttons.map((b) => b.key)).size === buttons.length, 'button keys not unique');
  for (const b of buttons) {
    check(len(b.text) <= L.buttonText && b.text !== '', `button text "${b.text}" not in 1..${L.buttonText}`);
    check(utf8Bytes(b.key) <= L.keyBytes, `button key > ${L.keyBytes} bytes`);
    check(b.style >= 1 && b.style <= 4, `button style ${b.style}`);
  }
  if (tc?.replace_text !== undefined)
    check(len(tc.replace_text) <= L.buttonText, `replace_text "${tc.replace_text}" > ${L.buttonText}`);
  if (which === 'update') check(tc?.task_id === undefined, 'task_id on an update');
  else {
    const t = String(tc?.task_id ?? '');
    check(L.taskIdPattern.test(t) && utf8Bytes(t) <= L.taskIdBytes, `task_id "${t}"`);
  }
  return out;
}

/** dudao's DingTalk card template contract (render-card.ts): every value a string, within its limit. */
export function dingtalkCardProblems(map: Record<string, unknown>): string[] {
  const L = CARD_LIMITS.dingtalkCard;
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  for (const [k, v] of Object.entries(map)) check(typeof v === 'string', `cardParamMap.${k} not a string`);
  const s = (k: string) => String(map[k] ?? '');
  check(graphemeCount(s('title')) <= L.title, `title > ${L.title}`);
  check(graphemeCount(s('subtitle')) <= L.subtitle, `subtitle > ${L.subtitle}`);
  check([...s('markdown')].length <= L.bodyChars, `markdown > ${L.bodyChars} chars`);
  check(utf8Bytes(s('markdown')) <= L.bodyBytes, `markdown > ${L.bodyBytes} bytes`);
  let buttons: { text: string; key: string }[] = [];
  try {
    buttons = JSON.parse(s('buttons'));
  } catch {
    out.push('buttons not JSON');
  }
  check(buttons.length <= L.buttons, `buttons ${buttons.length} > ${L.buttons}`);
  check(s('button_count') === String(buttons.length), 'button_count');
  for (const b of buttons) {
    check(graphemeCount(b.text) <= L.buttonText && b.text !== '', `button text "${b.text}"`);
    check(utf8Bytes(b.key) <= L.keyBytes, 'button key too long');
  }
  return out;
}

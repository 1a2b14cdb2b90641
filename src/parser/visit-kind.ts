import type { VisitKind } from '../domain/command.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * The 类型 field: one of the six kinds, optionally 暗访/明查, optionally a topic after it
 * (`专项督导（双减）`, `专项督导 双减`, `校长任期结束综合督导`). Absent → 挂牌督导 (docs/spec/commands.md).
 */

export type KindRead =
  | { ok: true; kind: VisitKind; manner?: '暗访' | '明查'; topic?: string; assumption?: string }
  | { ok: false; text: string };

const KIND_PATTERNS: [VisitKind, RegExp][] = [
  ['挂牌督导', /挂牌(?:督导)?/],
  ['经常性督导', /经常性(?:督导)?|常规督导|日常督导/],
  ['专项督导', /专项(?:督导)?/],
  ['随机督导', /随机(?:督导|抽查)?/],
  ['综合督导', /综合(?:督导)?/],
  ['回头看', /回头看|复查/],
];

const MANNER_RE = /暗访|明查|明察/g;

/** Leftover words of the 类型 field: brackets and separators dropped, words joined by 、. */
function leftover(text: string): string {
  return text
    .replace(/[()[\]【】「」『』<>《》"“”]/g, ' ')
    .split(/[\s,;、·\-—:/]+/)
    .filter((w) => w !== '' && w !== '督导')
    .join('、');
}

/** What voice recognition writes for 督导 (提交都导记录, 专项都导). */
const HOMOPHONES_RE = /都导|督到|都到|读导/g;

export function readVisitKind(text: string): KindRead {
  const value = text.trim().replace(HOMOPHONES_RE, '督导');
  let best: { kind: VisitKind; index: number; length: number } | undefined;
  for (const [kind, re] of KIND_PATTERNS) {
    const m = re.exec(value);
    if (m && (!best || m.index < best.index)) best = { kind, index: m.index, length: m[0].length };
  }
  const manners = new Set((value.match(MANNER_RE) ?? []).map((m) => (m === '暗访' ? '暗访' : '明查')));
  const manner = manners.size === 1 ? ([...manners][0] as '暗访' | '明查') : undefined;
  const rest = best ? value.slice(0, best.index) + ' ' + value.slice(best.index + best.length) : value;
  const topic = leftover(rest.replace(MANNER_RE, ' '));
  if (!best) {
    if (topic !== '' || manners.size === 0) return { ok: false, text: value };
    return {
      ok: true,
      kind: '挂牌督导',
      ...(manner ? { manner } : {}),
      assumption: zh.parser.readings.noVisitKind,
    };
  }
  return { ok: true, kind: best.kind, ...(manner ? { manner } : {}), ...(topic ? { topic } : {}) };
}

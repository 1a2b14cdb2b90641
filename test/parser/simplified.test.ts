import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasTraditional, toSimplified } from '../../src/parser/simplified.js';
import { TRADITIONAL_CHARS } from '../../src/parser/traditional-chars.js';

describe('traditional characters read as simplified', () => {
  it('converts command words, labels, school names and free text', () => {
    expect(toSimplified('提交督導記錄 學校：龍泉小學 問題：1.食堂留樣記錄不全')).toBe(
      '提交督导记录 学校：龙泉小学 问题：1.食堂留样记录不全',
    );
    expect(toSimplified('驗收 ZG-3 通過')).toBe('验收 ZG-3 通过');
    expect(toSimplified('整改進度 ZG-12 已完成')).toBe('整改进度 ZG-12 已完成');
  });

  it('leaves simplified text alone, without loading the converter', () => {
    const s =
      '提交督导记录 学校：龙泉小学 日期：3月15日 问题：1、三年级作业公示栏未按周更新，5个工作日内整改';
    expect(hasTraditional(s)).toBe(false);
    expect(toSimplified(s)).toBe(s);
  });

  it('knows every character of the installed opencc-js table (regenerate with scripts/gen-traditional-chars.mjs)', () => {
    const file = readFileSync(
      new URL('../../node_modules/opencc-js/dist/esm-lib/dict/TSCharacters.js', import.meta.url),
      'utf8',
    );
    const dict = JSON.parse(file.slice(file.indexOf('"'), file.lastIndexOf('"') + 1)) as string;
    const changed = new Set<string>();
    for (const entry of dict.split('|')) {
      const [from, ...to] = entry.split(' ');
      if (to[0] !== from) changed.add(from!);
    }
    expect(new Set(TRADITIONAL_CHARS)).toEqual(changed);
  });
});

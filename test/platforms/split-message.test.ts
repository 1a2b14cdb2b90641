import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fits, splitMessage, utf8Bytes } from '../../src/platforms/split-message.js';

const HEADER = /^\((\d+)\/(\d+)\)\n/;
const strip = (p: string) => p.replace(HEADER, '');

// Chinese, ASCII, emoji (surrogate pairs), a ZWJ family (one grapheme of several code points), newlines
const piece = fc.constantFrom(
  '督',
  '导',
  '整改',
  '龙泉小学',
  'a',
  ' ',
  '1',
  '，',
  '。',
  '😀',
  '👨‍👩‍👧',
  'é',
  '\n',
  '\n\n',
  'ZG-21 ',
);
const text = fc.array(piece, { minLength: 0, maxLength: 4000 }).map((a) => a.join(''));
const limits = fc.record({
  maxBytes: fc.integer({ min: 40, max: 4096 }),
  maxChars: fc.option(fc.integer({ min: 20, max: 2000 }), { nil: undefined }),
});

describe('splitMessage', () => {
  it('keeps a message that fits as it is', () => {
    expect(splitMessage('你好', { maxBytes: 2048 })).toEqual(['你好']);
  });

  it('never exceeds the limit, never cuts a character, loses nothing (property)', () => {
    fc.assert(
      fc.property(text, limits, (t, l) => {
        const parts = splitMessage(t, l);
        for (const p of parts) {
          expect(fits(p, l)).toBe(true);
          expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(p)).toBe(
            false,
          ); // no lone surrogate
        }
        if (parts.length > 1) {
          parts.forEach((p, i) => {
            const m = HEADER.exec(p)!;
            expect(Number(m[1])).toBe(i + 1);
            expect(Number(m[2])).toBe(parts.length);
          });
        }
        // what is left after the numbering is the text, minus the line breaks at the cuts
        const joined = (parts.length > 1 ? parts.map(strip) : parts).join('');
        expect(joined.replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('splits long Chinese text for WeCom markdown (4096 bytes) on line boundaries', () => {
    const lines = Array.from(
      { length: 300 },
      (_, i) => `${i + 1}、三年级作业公示栏未按周更新，课后服务签到表缺二月数据`,
    );
    const parts = splitMessage(lines.join('\n'), { maxBytes: 4096 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(utf8Bytes(p)).toBeLessThanOrEqual(4096);
      for (const line of strip(p).split('\n')) expect(lines).toContain(line); // whole lines only
    }
  });

  it('cuts a single over-long line between graphemes', () => {
    const family = '👨‍👩‍👧';
    const parts = splitMessage(family.repeat(100), { maxBytes: 100 });
    for (const p of parts) expect(strip(p).replaceAll(family, '')).toBe('');
  });
});

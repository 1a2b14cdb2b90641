import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { MAX_MESSAGE_CHARS } from '../../src/parser/messages.js';
import { PREFIXES, TAILS, UNITS, adversarial } from './adversarial.js';
import { ctxAt } from './fixture.js';

/**
 * Input cannot buy time (docs/spec/interfaces.md → Security): every message up to the length
 * limit parses in well under 100 ms. Messages made of long runs of what the parser's patterns
 * look for, after every command keyword; plus random mixes of those runs. Each message is timed
 * as the best of three parses, so a garbage collection or a busy neighbour on a shared machine
 * does not count as the parser's time; a quadratic step takes seconds here, not milliseconds.
 */

const ctx = ctxAt('2021-03-16');
const LIMIT_MS = 100;

function bestOf3(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    parse(text, ctx);
    best = Math.min(best, performance.now() - t0);
    if (best < LIMIT_MS / 4) break;
  }
  return best;
}

describe('parsing time is linear in the message', () => {
  it('every keyword followed by a long run of any pattern-bait, up to the limit', () => {
    parse(adversarial('提交督导记录 学校：龙泉小学 问题：', '1、', 'x'), ctx); // warm up the JIT once
    const slow: string[] = [];
    PREFIXES.forEach((p, i) => {
      UNITS.forEach((u, j) => {
        const text = adversarial(p, u, TAILS[(i + j) % TAILS.length]!, 9_990);
        expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
        const ms = bestOf3(text);
        if (ms >= LIMIT_MS) slow.push(`${ms.toFixed(0)} ms: ${JSON.stringify(p)} + ${JSON.stringify(u)}…`);
      });
    });
    expect(slow).toEqual([]);
  }, 120_000);

  it('random mixes of runs', () => {
    const run = fc
      .tuple(fc.constantFrom(...UNITS), fc.integer({ min: 1, max: 3000 }))
      .map(([u, n]) => u.repeat(n));
    fc.assert(
      fc.property(fc.constantFrom(...PREFIXES), fc.array(run, { minLength: 1, maxLength: 6 }), (p, runs) => {
        const text = (p + runs.join('')).slice(0, MAX_MESSAGE_CHARS);
        expect(bestOf3(text)).toBeLessThan(LIMIT_MS);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('over the limit costs nothing: refused before any work', () => {
    const t0 = performance.now();
    const r = parse('!'.repeat(70_000), ctx);
    expect(performance.now() - t0).toBeLessThan(5);
    expect(r).toMatchObject({ ok: false, code: 'too_long' });
  });
});

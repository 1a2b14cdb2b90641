import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInboundRunner, toPersonSends, type InboundRunner } from './inbound-runner.js';

/**
 * Issue 15, "Done when": the example of the help card, copied as ONE line (WeCom on a PC sends on
 * Enter; the simulator shows the card without its line breaks), becomes a record with both
 * problems and their deadlines — through the real inbound processor and handlers, the card's own
 * text, not a copy of it. The clock: Monday 2026-03-16.
 */
let h: InboundRunner;
beforeAll(async () => {
  h = await openInboundRunner('2026-03-16T09:00:00+08:00');
});
afterAll(() => h.close());

async function helpExample(who: string): Promise<string> {
  const r = await h.send(who, '帮助');
  const card = r.sends.find((s) => s.to.type === 'origin')!.card;
  expect(card.kind).toBe('help');
  const field = card.fields.find((f) => f.label === '提交督导记录')!;
  expect(field.value).toContain('\n');
  return field.value;
}

describe('the help card example, copied as one line', () => {
  // two supervisors of the zone: the same record twice from one of them would be held back as a duplicate
  for (const [how, join, who] of [
    ['joined with spaces', ' ', 'sup-wang'],
    ['with nothing between the lines', '', 'sup-zhou'],
  ] as const) {
    it(`${how}: a record with both problems and their deadlines, the principal notified of both`, async () => {
      const example = await helpExample(who);
      const oneLine = example.split('\n').join(join);
      const r = await h.send(who, oneLine);
      const summary = r.sends.find((s) => s.to.type === 'origin')!;
      expect(summary.card.kind).toBe('record_summary');
      // 日期：今天 (Monday 3月16日): 5 working days → 3月23日; 3月31日 as written
      expect(summary.card.entries.map((e) => e.meta)).toEqual(['期限 3月23日 周一', '期限 3月31日 周二']);
      const items = await Promise.all(summary.card.entries.map((e) => h.store.getItem(e.id)));
      expect(items.map((i) => [i?.text, i?.deadline])).toEqual([
        ['作业公示栏未按周更新', '2026-03-23'],
        ['课后服务签到表缺2月数据', '2026-03-31'],
      ]);
      // one card per item, each with its own buttons (the short list before them has none)
      const notices = toPersonSends(r, 'pri-s01').filter((n) => n.card.buttons.length > 0);
      expect(notices).toHaveLength(2);
    });
  }
});

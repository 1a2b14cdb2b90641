import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WATERMARK_CLAIM } from '../../src/reminders/plan-reminders.js';
import {
  openInboundRunner as openHarness,
  originText,
  toPersonSends,
  type InboundRunner as Harness,
} from './inbound-runner.js';

/**
 * What the supervisor must see on the record reply (docs/spec/commands.md → Warnings), the same
 * record held back when sent twice, and a record made from voice marked in its history.
 * The clock: Monday 2026-03-16.
 */
let h: Harness;
beforeAll(async () => {
  h = await openHarness('2026-03-16T09:00:00+08:00');
});
afterAll(() => h.close());

describe('warnings on the record reply', () => {
  it('a deadline already past: stored, already overdue, and the reply says it enters 督办 at the next pass', async () => {
    await h.store.claimOnce(WATERMARK_CLAIM.scope, WATERMARK_CLAIM.id, 3600); // a pass had run
    const r = await h.send(
      'sup-wang',
      '提交督导记录 学校：龙泉小学 日期：3月2日 问题：1、公示栏未更新，3月9日前整改 2、台账缺失，3月22日前补齐',
    );
    const summary = r.sends.find((s) => s.to.type === 'origin')!;
    expect(summary.card.kind).toBe('record_summary');
    const note = summary.card.fields.find((f) => f.label === '请注意')!.value;
    expect(note).toContain('的期限 3月9日 周一 已过，登记后即为逾期，将在下一次提醒时进入督办');
    expect(summary.card.entries[0]!.meta).toContain('已逾期');
    const [first] = summary.card.entries;
    expect(await h.store.getItem(first!.id)).toMatchObject({ deadline: '2026-03-09', status: 'open' });
    // the next pass reads every open item again, so this one enters 督办 there
    expect(await h.store.claimOnce(WATERMARK_CLAIM.scope, WATERMARK_CLAIM.id, 60)).toBe(true);
  });

  it('a deadline on a day off names the day and the next working day', async () => {
    const r = await h.send(
      'sup-wang',
      '提交督导记录 学校：龙泉小学 日期：3月16日 问题：围墙破损，3月22日前维修完毕',
    );
    expect(originText(r)).toBeDefined();
    const summary = r.sends.find((s) => s.to.type === 'origin')!;
    // 2026-03-22 is a Sunday
    expect(summary.card.fields.find((f) => f.label === '请注意')!.value).toMatch(
      /的期限 3月22日 周日 是休息日（周日），下一个工作日是 3月23日 周一/,
    );
  });
});

describe('the same record twice', () => {
  const text = '提交督导记录 学校：龙泉小学 日期：3月13日 问题：食堂留样记录不全';
  it('is held back, naming the earlier record; 确认重复 stores it anyway', async () => {
    const first = await h.send('sup-wang', text);
    const firstCard = first.sends.find((s) => s.to.type === 'origin')!.card;
    const id = /DD-\d+/.exec(firstCard.title)![0];
    const again = await h.send(
      'sup-wang',
      '提交督导记录 学校：龙泉小学 日期：3月13日 问题：食堂留样记录不全。',
    );
    const card = again.sends.find((s) => s.to.type === 'origin')!.card;
    expect(card.title).toBe('可能重复，未登记');
    expect(card.text).toContain(id);
    expect(card.text).toContain('确认重复');
    expect(again.sends).toHaveLength(1); // nobody else hears of it
    const stored = await h.store.queryRecords({ school: 'S01', from: '2026-03-13', to: '2026-03-13' });
    expect(stored.items).toHaveLength(1);

    const forced = await h.send('sup-wang', `${text} 确认重复`);
    expect(forced.sends.find((s) => s.to.type === 'origin')!.card.kind).toBe('record_summary');
    expect(
      (await h.store.queryRecords({ school: 'S01', from: '2026-03-13', to: '2026-03-13' })).items,
    ).toHaveLength(2);
  });

  it('a retried job is not its own duplicate', async () => {
    const r = await h.send('sup-wang', '提交督导记录 学校：龙泉小学 日期：3月12日 问题：消防通道堆放杂物');
    const again = await h.rerun(r);
    expect(again.sends.find((s) => s.to.type === 'origin')!.card.kind).toBe('record_summary');
  });
});

describe('voice', () => {
  it('reads the transcription, shows what was heard, and marks the record in its history', async () => {
    const r = await h.send('sup-wang', '提交都导记录学校龙泉小学日期三月十一日问题围墙有裂缝', {
      voice: true,
    });
    const summary = r.sends.find((s) => s.to.type === 'origin')!;
    expect(summary.card.kind).toBe('record_summary');
    expect(summary.card.text).toContain('语音识别：『提交都导记录学校龙泉小学日期三月十一日问题围墙有裂缝』');
    const item = summary.card.entries[0]!.id;
    const history = await h.store.history(item);
    expect(history[0]).toMatchObject({ action: 'create', note: '由语音消息登记（平台语音转写）' });
  });

  it('an empty transcription asks for text', async () => {
    const r = await h.send('pri-s01', '', { voice: true });
    expect(originText(r)).toContain('没有识别出语音内容');
  });
});

describe('quoted replies', () => {
  it('收到 in reply to the notice acts on the item it quotes', async () => {
    const rec = await h.send('sup-wang', '提交督导记录 学校：龙泉小学 日期：3月10日 问题：操场跑道破损');
    const id = rec.sends.find((s) => s.to.type === 'origin')!.card.entries[0]!.id;
    const notice = toPersonSends(rec, 'pri-s01')[0]!.card.text;
    const r = await h.send('pri-s01', '收到', { quote: notice });
    expect(await h.store.getItem(id)).toMatchObject({ status: 'in_progress' });
    expect(originText(r)).toBeDefined();
  });
});

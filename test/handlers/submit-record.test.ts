import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openInboundRunner,
  originText,
  RECORD_TEXT,
  toPersonSends,
  type InboundRunner,
} from './inbound-runner.js';

let h: InboundRunner;
beforeAll(async () => {
  h = await openInboundRunner('2026-03-16T09:00:00+08:00'); // a Monday
});
afterAll(() => h.close());

describe('提交督导记录', () => {
  it('creates the record and its items, answers with the summary, notifies the principal and the zone group', async () => {
    const r = await h.send('sup-wang', RECORD_TEXT);
    const summary = r.sends.find((s) => s.to.type === 'origin')!;
    expect(summary.card.kind).toBe('record_summary');
    expect(summary.card.title).toBe('督导记录 DD-1 已登记');
    expect(summary.card.subtitle).toBe('龙泉小学 · 2026-03-16 专项督导（双减）');
    expect(summary.card.entries.map((e) => [e.id, e.meta])).toEqual([
      ['ZG-1', '期限 3月23日 周一'],
      ['ZG-2', '期限 3月31日 周二'],
    ]);
    expect(summary.card.text).toContain('已通知：龙泉小学 李校长');
    expect(summary.items).toEqual(['ZG-1', 'ZG-2']);
    // the origin reply answers where the message came from
    expect(summary.origin?.replyVia?.responseUrl).toBe('https://qyapi.example/response/abc');

    // a short summary, then one card per item, each acting on its own item only
    const mine = toPersonSends(r, 'pri-s01');
    const list = mine.find((n) => n.card.buttons.length === 0);
    const notices = mine.filter((n) => n !== list).sort((a, b) => a.card.title.localeCompare(b.card.title));
    expect(list!.card.buttons).toEqual([]);
    expect(list!.card.entries.map((e) => e.id)).toEqual(['ZG-1', 'ZG-2']);
    expect(notices.map((n) => n.card.kind)).toEqual(['rectification_notice', 'rectification_notice']);
    expect(notices.map((n) => n.card.buttons.map((b) => `${b.action}:${b.item}`))).toEqual([
      ['ack:ZG-1', 'done:ZG-1', 'extend:ZG-1'],
      ['ack:ZG-2', 'done:ZG-2', 'extend:ZG-2'],
    ]);
    expect(notices.map((n) => n.items)).toEqual([['ZG-1'], ['ZG-2']]);

    const zone = r.sends.find((s) => s.to.type === 'bound_chat')!;
    expect(zone.to).toEqual({ type: 'bound_chat', binding: { type: 'zone', id: h.roster.zones[0]!.id } });
    // the zone group is read by other schools: no problem texts there
    expect(zone.card.text).not.toContain('公示栏');
    expect(r.sends).toHaveLength(5);

    const item = await h.store.getItem('ZG-1');
    expect(item).toMatchObject({
      status: 'open',
      school: 'S01',
      supervisor: 'sup-wang',
      deadline: '2026-03-23',
    });
  });

  it('a retried job creates nothing new and enqueues nothing new', async () => {
    const first = await h.send('sup-wang', RECORD_TEXT.replace('龙泉小学', '龙泉中学'));
    const before = await h.outbound();
    const again = await h.rerun(first);
    expect(await h.outbound()).toHaveLength(before.length);
    expect(again.jobs.map((j) => j.jobId).sort()).toEqual(first.jobs.map((j) => j.jobId).sort());
    const recs = await h.store.queryRecords({ school: 'S02' });
    expect(recs.items).toHaveLength(1);
  });

  it('a problem without a deadline gets the default, and the summary says so', async () => {
    const r = await h.send('sup-wang', '提交督导记录\n学校：城关一中\n问题：\n1、实验室台账缺失');
    const card = r.sends.find((s) => s.to.type === 'origin')!.card;
    expect(card.entries[0]!.meta).toBe('期限 3月30日 周一（默认）');
    expect(card.note).toContain('按默认 10 个工作日计');
  });

  it('a supervisor of another zone is refused, and nothing is created', async () => {
    const before = (await h.store.queryRecords({ school: 'S01' })).items.length;
    const r = await h.send('sup-zhao', RECORD_TEXT);
    expect(originText(r)).toContain('您不是龙泉小学的责任督学');
    expect(r.sends).toHaveLength(1);
    expect((await h.store.queryRecords({ school: 'S01' })).items).toHaveLength(before);
  });

  it('a full-time supervisor may submit for any school', async () => {
    const r = await h.send('sup-zhang', RECORD_TEXT);
    expect(r.sends.find((s) => s.to.type === 'origin')!.card.kind).toBe('record_summary');
  });

  it('a principal may not submit records', async () => {
    const r = await h.send('pri-s01', RECORD_TEXT);
    expect(r.sends[0]!.card.kind).toBe('error');
    expect(originText(r)).toContain('只有督学');
  });

  it('an unknown school gets the parser message with suggestions, nothing stored', async () => {
    const r = await h.send('sup-wang', '提交督导记录\n学校：龙泉\n问题：1、门卫登记不全');
    expect(r.sends).toHaveLength(1);
    expect(r.sends[0]!.card.kind).toBe('error');
    expect(originText(r)).toContain('龙泉');
  });

  it('submitted inside the zone group: the summary there is the notice (no second copy)', async () => {
    const r = await h.send('sup-wang', RECORD_TEXT.replace('龙泉小学', '城关二幼'), {
      group: true,
      conversationId: 'wrDemoZone1Group',
    });
    expect(r.sends.filter((s) => s.to.type === 'bound_chat')).toHaveLength(0);
    expect(toPersonSends(r, 'pri-s05')).toHaveLength(3); // the summary and a card per item
  });
});

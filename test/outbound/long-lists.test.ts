import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { wecomEnv } from '../helpers/wecom-sign.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import { utf8Bytes } from '../../src/platforms/split-message.js';
import { dayInZone } from '../../src/domain/day.js';
import { Scope, startFake } from '../reliability/processes.js';
import { demoRoster } from '../helpers/district.js';
import { sleep, waitFor } from '../helpers/wait-for.js';
import { IDS, appText, botText } from '../reliability/traffic.js';

/**
 * Lists never hide items silently (docs/spec/interfaces.md, "Cards act on one item each"): 查询
 * <学校> with 45 open items answers 20 a page, says how many more and what to send for the next
 * page, and every item is reached by its page; a page that one message cannot hold goes out in
 * numbered messages, each within the platform's documented size.
 */
const scope = new Scope();
let fake: FakePlatform;
let svc: TestService;
let store: FullStore;
const N = 45;

async function idle() {
  const q = svc.rt.jobQueues;
  await waitFor(
    'the pipeline idle',
    async () => {
      const c = await Promise.all(
        [q.inbound, q.outbound].map((x) => x.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
      );
      return c.every((x) => Object.values(x).every((n) => n === 0));
    },
    30_000,
    100,
  );
  await sleep(200);
}

beforeAll(async () => {
  fake = await startFake(scope);
  svc = await startTestService({ env: { ...wecomEnv(), WECOM_API_BASE: fake.url, SIM: 'off' } });
  scope.defer(() => svc.close());
  store = createStore(svc.rt.redis, svc.rt.prefix);
  await store.importRoster(demoRoster());
  const today = dayInZone(new Date(), 'Asia/Shanghai');
  await store.createRecord({
    command: {
      command: 'submit_record',
      school: { id: 'S01', name: '龙泉小学' },
      date: today,
      kind: '挂牌督导',
      problems: Array.from({ length: N }, (_, i) => ({
        text: `第${i + 1}项问题：教学楼${i + 1}层消防通道堆放杂物，应急照明灯不亮，疏散指示标志缺失`,
        deadline: today,
        deadlineSource: 'text' as const,
      })),
    },
    supervisor: 'sup-wang',
    source: { platform: 'wecom', messageId: 'long-list-seed' },
    now: new Date(),
  });
}, 60_000);
afterAll(() => scope.close(), 30_000);

const ids = Array.from({ length: N }, (_, i) => `ZG-${i + 1}`);
/** every ZG number named in `text` (ZG-1 is not found inside ZG-10) */
const named = (text: string) => new Set(text.match(/ZG-\d+/g) ?? []);

/** the markdown of every app message sent to a member since `mark` */
const appSince = (mark: number) =>
  fake
    .delivered('/cgi-bin/message/send')
    .slice(mark)
    .map((r) => String(r.body.markdown?.content ?? ''));

/** ask through the app in a direct chat; the parts of the answer */
async function askApp(text: string): Promise<string[]> {
  const mark = fake.delivered('/cgi-bin/message/send').length;
  expect((await appText(svc.url, IDS.priS01.wecom, text)).res.status).toBe(200);
  await waitFor('the answer', () => fake.delivered('/cgi-bin/message/send').length > mark, 30_000);
  await idle();
  return appSince(mark);
}

describe('查询 <学校> with 45 open items', () => {
  it('in a direct chat through the app: 20 a page, the next page named, all 45 reached, each message ≤ 2048 bytes', async () => {
    const pages = [
      await askApp('查询 龙泉小学'),
      await askApp('查询 龙泉小学 第2页'),
      await askApp('查询 龙泉小学 第3页'),
    ];
    const seen = new Set<string>();
    pages.forEach((parts, p) => {
      if (parts.length > 1)
        parts.forEach((part, k) => expect(part.startsWith(`(${k + 1}/${parts.length})\n`)).toBe(true));
      for (const part of parts) expect(utf8Bytes(part)).toBeLessThanOrEqual(2048);
      const text = parts.join('\n');
      const here = named(text);
      expect(here.size, `page ${p + 1}`).toBe(p < 2 ? 20 : 5);
      for (const id of here) seen.add(id);
      expect(text).toContain(`龙泉小学（第${p + 1}/3页）`);
      expect(text).toContain('未销号事项：45 项');
      if (p < 2)
        expect(text).toContain(`还有 ${25 - p * 20} 项，发送「查询 龙泉小学 第${p + 2}页」查看下一页`);
      else expect(text).not.toContain('还有');
    });
    for (const id of ids) expect(seen, id).toContain(id);
  });

  it('in a group through the smart bot: the page’s numbers in the group with what to send next, its details privately', async () => {
    const appMark = fake.delivered('/cgi-bin/message/send').length;
    const sent = await botText(svc.url, fake, IDS.priS01.wecom, '查询 龙泉小学', { group: true });
    expect(sent.res.status).toBe(200);
    await waitFor('both answers', () => fake.delivered('/cgi-bin/aibot/response').length > 0, 30_000);
    await idle();
    const inGroup = fake
      .delivered('/cgi-bin/aibot/response')
      .map((r) => String(r.body.markdown?.content ?? ''));
    expect(inGroup).toHaveLength(1);
    expect(utf8Bytes(inGroup[0]!)).toBeLessThanOrEqual(20_480);
    expect(named(inGroup[0]!).size).toBe(20);
    expect(inGroup[0]).toContain('还有 25 项，发送「查询 龙泉小学 第2页」查看下一页');
    expect(inGroup[0]).not.toContain('消防通道'); // the group reads numbers only
    const privately = appSince(appMark).join('\n');
    expect(named(privately)).toEqual(named(inGroup[0]!));
  });
});

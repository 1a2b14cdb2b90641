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
 * Lists never hide items (docs/spec/interfaces.md, "Cards act on one item each"): 查询 <学校>
 * with 40 open items names all 40, across numbered messages where one message cannot hold them,
 * each within the platform's documented size.
 */
const scope = new Scope();
let fake: FakePlatform;
let svc: TestService;
let store: FullStore;
const N = 40;

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

describe('查询 <学校> with 40 open items', () => {
  it('in a direct chat through the app: all 40 named, in numbered messages of at most 2048 bytes', async () => {
    const mark = fake.delivered('/cgi-bin/message/send').length;
    expect((await appText(svc.url, IDS.priS01.wecom, '查询 龙泉小学')).res.status).toBe(200);
    await waitFor('the answer', () => fake.delivered('/cgi-bin/message/send').length > mark, 30_000);
    await idle();
    const parts = fake
      .delivered('/cgi-bin/message/send')
      .slice(mark)
      .map((r) => String(r.body.markdown?.content ?? ''));
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, k) => {
      expect(utf8Bytes(p)).toBeLessThanOrEqual(2048);
      expect(p.startsWith(`(${k + 1}/${parts.length})\n`)).toBe(true);
    });
    const all = named(parts.join('\n'));
    for (const id of ids) expect(all, id).toContain(id);
    expect(parts.join('\n')).not.toMatch(/未列出/);
  });

  it('in a group through the smart bot: every number in the group, the details privately', async () => {
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
    for (const id of ids) expect(named(inGroup[0]!), id).toContain(id);
    expect(inGroup[0]).not.toContain('消防通道'); // the group reads numbers only
    const privately = fake
      .delivered('/cgi-bin/message/send')
      .slice(appMark)
      .map((r) => String(r.body.markdown?.content ?? ''))
      .join('\n');
    for (const id of ids) expect(named(privately), id).toContain(id);
  });
});

// The whole flow on a local 3-master Redis Cluster (REDIS_URL = a comma list of node URLs):
// import, record → the principal's card → 已完成整改 → the recheck card → 验收通过 → closed,
// a reminder pass and a digest. Every multi-key step, Lua script and BullMQ queue must keep its
// keys in one slot (the `{dudao}` hash tag) for this to work at all.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { FakePlatform } from '../fakes/fake-platform.js';
import { DEFAULT_PREFIX } from '../../src/queue/names.js';
import {
  ADMIN_TOKEN,
  Scope,
  ROOT,
  runDudao,
  serviceEnv,
  startCluster,
  startFake,
  startRole,
  type LocalCluster,
  type Role,
} from './processes.js';
import { waitFor } from '../helpers/wait-for.js';
import { IDS, appClick, botText, replies, type Reply } from './traffic.js';

const scope = new Scope();
let cluster: LocalCluster;
let fake: FakePlatform;
let env: Record<string, string>;
let svc: Role;

beforeAll(async () => {
  cluster = await startCluster(scope);
  fake = await startFake(scope);
  env = serviceEnv({ redisUrl: cluster.url, apiBase: fake.url, dataDir: scope.tmp('data') });
  const imp = await runDudao(['import', `${ROOT}/examples/roster.json`], env);
  expect(imp.code, imp.stderr + imp.stdout).toBe(0);
  svc = await startRole(scope, 'serve', env);
}, 150_000);
afterAll(() => scope.close(), 30_000);

const api = async (path: string) => {
  const r = await fetch(`${svc.url}/api/v1/${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(r.status, path).toBe(200);
  return (await r.json()) as Record<string, any>;
};
const newReplies = (from: number) => replies(fake).slice(from);
const waitReply = async (from: number, pred: (r: Reply) => boolean, what: string) => {
  await waitFor(what, () => newReplies(from).some(pred), 60_000, 100).catch((e) => {
    throw new Error(
      `${(e as Error).message}\nreplies: ${newReplies(from)
        .map((r) => `${r.to} ${r.text.slice(0, 80)}`)
        .join(' | ')}\nservice log:\n${svc.out.slice(-15).join('\n')}`,
    );
  });
  return newReplies(from).find(pred)!;
};
const buttons = (r: Reply) =>
  (r.req.body?.template_card?.button_list ?? []) as { text: string; key: string }[];

describe('on a Redis Cluster', () => {
  it('record → card → 已完成整改 → recheck card → 验收通过 → closed; a reminder pass; a digest', async () => {
    const from = replies(fake).length;
    const record = (school: string) =>
      `提交督导记录\n学校：${school}\n类型：挂牌督导\n情况：检查校园安全。\n问题：\n1、门卫登记不全，5个工作日内整改`;
    expect((await botText(svc.url, fake, IDS.supWang.wecom, record('龙泉小学'))).res.status).toBe(200);
    expect((await botText(svc.url, fake, IDS.supWang.wecom, record('城关第二十七小学'))).res.status).toBe(
      200,
    );
    // the summary to the supervisor on the response_url, and the notice card to the principal with buttons
    const notice = await waitReply(
      from,
      (r) => r.to === `wecom:${IDS.priS01.wecom}` && buttons(r).length > 0,
      'the principal’s notice card',
    );
    const done = buttons(notice).find((b) => b.key.startsWith('dd:done:'));
    expect(done, JSON.stringify(buttons(notice))).toBeDefined();
    const item = done!.key.split(':')[2]!;

    // the principal clicks 已完成整改 → the supervisor gets the recheck card with 验收通过
    const from2 = replies(fake).length;
    expect(
      (
        await appClick(svc.url, IDS.priS01.wecom, 'done', item, {
          key: done!.key,
          taskId: notice.req.body.template_card.task_id,
        })
      ).res.status,
    ).toBe(200);
    const recheck = await waitReply(
      from2,
      (r) => r.to === `wecom:${IDS.supWang.wecom}` && buttons(r).some((b) => b.key === `dd:pass:${item}`),
      'the recheck card',
    );
    await waitFor('submitted', async () => (await api(`items/${item}`)).status === 'submitted', 30_000);

    // the supervisor clicks 验收通过 → closed
    expect(
      (
        await appClick(svc.url, IDS.supWang.wecom, 'pass', item, {
          taskId: recheck.req.body.template_card.task_id,
        })
      ).res.status,
    ).toBe(200);
    await waitFor('closed', async () => (await api(`items/${item}`)).status === 'closed', 30_000);
    const closed = await api(`items/${item}`);
    expect((closed.history as { action: string }[]).map((h) => h.action)).toEqual(
      expect.arrayContaining(['done', 'close']),
    );

    // a reminder pass on the day the other item falls due, and the next morning's digest
    const other = (await api('items?school=S03')).items[0] as { id: string; deadline: string };
    const at = `${other.deadline}T10:00:00+08:00`;
    const from3 = replies(fake).length;
    const remind = await runDudao(['remind', '--at', at, '--json'], env);
    expect(remind.code, remind.stderr).toBe(0);
    const messages = JSON.parse(remind.stdout) as { item: string; stage: string; to: { id: string } }[];
    expect(messages).toContainEqual(
      expect.objectContaining({
        item: other.id,
        stage: 'due',
        to: expect.objectContaining({ id: 'pri-s03' }),
      }),
    );
    await waitFor(
      'the reminders sent',
      () => newReplies(from3).filter((r) => r.items.includes(other.id)).length >= messages.length,
      60_000,
    );

    const digest = await runDudao(['digest', '--date', other.deadline], env);
    expect(digest.code, digest.stderr).toBe(0);
    expect(digest.stdout).toContain('已发送');
    await waitFor(
      'the digest at a leader',
      () => newReplies(from3).some((r) => r.to === `wecom:${IDS.leadLiu.wecom}`),
      60_000,
    );

    // and every key the service wrote is in the one slot of its hash tag
    let total = 0;
    let inSlot = 0;
    for (const port of cluster.ports) {
      const node = new Redis({ port, host: '127.0.0.1' });
      try {
        total += await node.dbsize();
        const slot = Number(await node.call('CLUSTER', 'KEYSLOT', DEFAULT_PREFIX));
        inSlot += Number(await node.call('CLUSTER', 'COUNTKEYSINSLOT', String(slot)));
      } finally {
        node.disconnect();
      }
    }
    expect(total).toBeGreaterThan(50);
    expect(inSlot).toBe(total);
  }, 200_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { main } from '../../src/cli.js';
import { startEmbeddedRedis, type EmbeddedRedis } from '../../src/redis/embedded-redis.js';
import { FakePlatform } from '../fakes/fake-platform.js';

/**
 * `dudao doctor` against a real (embedded) Redis and the fake platform API of test/fakes: what is
 * right is said, what is wrong is said with what to do, and the exit code is 0 only when nothing
 * needs fixing.
 */
async function doctor(env: Record<string, string>) {
  const out: string[] = [];
  const w = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stderr.write;
  try {
    const code = await main(['doctor'], { LOG_LEVEL: 'silent', ...env });
    return { code, text: out.join('') };
  } finally {
    process.stdout.write = w;
    process.stderr.write = e;
  }
}

const WECOM = { corpId: 'ww-doctor', secret: 'doctor-secret' };
const DING = { appKey: 'ding-doctor', appSecret: 'ding-secret' };

let fake: FakePlatform;
let health: Server;
let publicUrl: string;
let dataDir: string;

beforeAll(async () => {
  fake = await FakePlatform.start({ wecom: WECOM, dingtalk: DING });
  // stands for the reverse proxy in front of the service: PUBLIC_BASE_URL/healthz answers
  health = createServer((req, res) => {
    res.writeHead(req.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
    res.end(req.url === '/healthz' ? '{"ok":true}' : '{}');
  });
  await new Promise<void>((r) => health.listen(0, '127.0.0.1', r));
  publicUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'dudao-doctor-'));
  const imported = await main(['import', 'examples/roster.json'], { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  expect(imported).toBe(0);
});
afterAll(async () => {
  await fake.close();
  await new Promise((r) => health.close(r));
  rmSync(dataDir, { recursive: true, force: true });
});

const wecomEnv = (secret = WECOM.secret) => ({
  WECOM_CORP_ID: WECOM.corpId,
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: secret,
  WECOM_TOKEN: 'tok',
  WECOM_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  WECOM_API_BASE: fake.url,
});

describe('dudao doctor', () => {
  it('with everything right: exit 0, every section said, no ✗', async () => {
    const r = await doctor({
      DATA_DIR: dataDir,
      PORT: '1',
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: publicUrl,
      ...wecomEnv(),
      DINGTALK_APP_KEY: DING.appKey,
      DINGTALK_APP_SECRET: DING.appSecret,
      DINGTALK_ROBOT_CODE: 'robot',
      DINGTALK_MODE: 'stream',
      DINGTALK_API_BASE: fake.url,
    });
    expect(r.text).not.toContain('✗');
    expect(r.code, r.text).toBe(0);
    for (const line of [
      '已配置：企业微信自建应用、钉钉应用（Stream 模式）',
      'AOF 已开启，appendfsync always',
      'maxmemory-policy noeviction',
      '名单：学校 20 所',
      '企业微信：企业ID 和应用 Secret 正确',
      '企业微信：应用「督导助手」可以调用接口',
      '钉钉：Client ID 和 Client Secret 正确',
      `从本机能访问对外地址 ${publicUrl}/healthz`,
      '本机时钟与企业微信服务器一致',
      '结论：没有必须处理的问题',
    ])
      expect(r.text, line).toContain(line);
    // this year's holidays are in the table (next year's appear in November, else a warning)
    expect(r.text).toMatch(/✓ 节假日数据包含 \d{4} 年|! 节假日数据还不含 \d{4} 年/);
    // the service itself is not running here: a warning, not a failure
    expect(r.text).toContain('本机 http://127.0.0.1:1 上没有 dudao 服务在应答');
    // a secret never appears
    expect(r.text).not.toContain(WECOM.secret);
  }, 60_000);

  it('names each problem with what to do, and exits 1', async () => {
    fake.fail('/cgi-bin/agent/get', { errcode: 60020 });
    const r = await doctor({ DATA_DIR: dataDir, ...wecomEnv() });
    expect(r.code).toBe(1);
    expect(r.text).toContain('✗ 没有设置 PUBLIC_BASE_URL');
    expect(r.text).toContain('本服务器的出口 IP 不在应用的「企业可信IP」中');
    expect(r.text).toContain('→ 管理后台「应用管理 → 应用 → 自建 → 本应用」页面底部「企业可信IP」');
    const bad = await doctor({ DATA_DIR: dataDir, PUBLIC_BASE_URL: publicUrl, ...wecomEnv('wrong') });
    expect(bad.code).toBe(1);
    expect(bad.text).toContain('企业微信：');
    expect(bad.text).toMatch(/→ 核对 WECOM_(CORP_ID|SECRET)/);
    const ding = await doctor({
      DATA_DIR: dataDir,
      DINGTALK_APP_KEY: DING.appKey,
      DINGTALK_APP_SECRET: 'wrong',
      DINGTALK_ROBOT_CODE: 'robot',
      DINGTALK_MODE: 'stream',
      DINGTALK_API_BASE: fake.url,
    });
    expect(ding.code).toBe(1);
    expect(ding.text).toContain('钉钉：Client ID 或 Client Secret 不对');
  }, 60_000);

  it('sees a Redis that would lose data: no AOF, an eviction policy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dudao-doctor-redis-'));
    let redis: EmbeddedRedis | undefined;
    try {
      redis = await startEmbeddedRedis({ dataDir: dir, durable: false, reuse: false });
      const c = new Redis(redis.url);
      await c.config('SET', 'maxmemory-policy', 'allkeys-lru');
      await c.quit();
      const r = await doctor({ REDIS_URL: redis.url });
      expect(r.code).toBe(1);
      expect(r.text).toContain('✗ maxmemory-policy 是 allkeys-lru');
      expect(r.text).toContain('✗ AOF（appendonly）没有开启');
      expect(r.text).toContain('✗ 还没有导入名单');
    } finally {
      await redis?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('an unreachable Redis is one ✗ line, not a hang', async () => {
    const t = Date.now();
    const r = await doctor({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.text).toContain('✗ 无法连接 Redis');
    expect(Date.now() - t).toBeLessThan(20_000);
  }, 30_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig, simActive } from '../../src/config.js';
import { simClockKey } from '../../src/store/keys.js';
import { startTestService, type TestService } from '../helpers/service.js';
import { waitReady } from '../helpers/inbound-jobs.js';
import { WECOM_TEST, wecomEnv } from '../helpers/wecom-sign.js';
import { DINGTALK_TEST, dingtalkEnv } from '../helpers/dingtalk-sign.js';
import { rawRequest } from './raw-http.js';

/**
 * "The simulator never runs beside a real platform" (docs/security.md), finding 2: with platform
 * credentials and SIM=on the simulator's clock moved real reminders and anyone could act as any
 * roster person through /sim/api/messages.
 */
const root = resolve(import.meta.dirname, '../..');
const bot = { WECOM_BOT_TOKEN: WECOM_TEST.botToken, WECOM_BOT_AES_KEY: WECOM_TEST.botAesKey };

function refusal(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.lines;
    throw e;
  }
  return [];
}

describe('SIM=on beside a platform', () => {
  it('is refused for each platform, in one line naming SIM and never a secret', () => {
    for (const env of [bot, wecomEnv(), dingtalkEnv(), dingtalkEnv(DINGTALK_TEST, 'stream')]) {
      const lines = refusal({ ...env, SIM: 'on' });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^SIM: /);
      for (const v of Object.values(env)) if (v.length > 8) expect(lines[0]).not.toContain(v);
    }
    // the defaults stay: off beside a platform, on without one, and off can always be chosen
    expect(loadConfig(bot).SIM).toBe('off');
    expect(loadConfig({ ...bot, SIM: 'off' }).SIM).toBe('off');
    expect(loadConfig({}).SIM).toBe('on');
    expect(simActive(loadConfig({}))).toBe(true);
    // a Config put together another way still does not bring the simulator up beside a platform
    expect(simActive({ ...loadConfig(bot), SIM: 'on' })).toBe(false);
  });

  it('`dudao serve` stops at start-up: one stderr line naming SIM, exit 1, nothing started', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dudao-sim-refused-'));
    try {
      const child = spawn(process.execPath, [join(root, 'bin/dudao.mjs'), 'serve'], {
        cwd: dataDir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/tmp',
          DATA_DIR: dataDir,
          PORT: '0',
          ...bot,
          SIM: 'on',
        },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      const code = await new Promise<number | null>((res) => child.once('exit', (c) => res(c)));
      expect(code).toBe(1);
      expect(out).toBe('');
      const lines = err.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^dudao: bad configuration: SIM: /);
      expect(err).not.toContain(WECOM_TEST.botAesKey);
      expect(readdirSync(dataDir)).toEqual([]); // no embedded Redis was started
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the simulated clock moves the simulator alone', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startTestService({ env: { ...wecomEnv(), ...dingtalkEnv() }, worker: true });
    await waitReady(svc.url);
  }, 60_000);
  afterAll(() => svc.close());

  it('with a platform configured, an offset left in Redis (or written there) moves nothing', async () => {
    // what a simulator run on the same Redis would leave behind: a year ahead
    await svc.rt.redis.set(simClockKey(svc.rt.prefix), String(365 * 86_400_000));
    await new Promise((r) => setTimeout(r, 1500)); // longer than the sim clock's refresh
    expect(Math.abs(svc.rt.now().getTime() - Date.now())).toBeLessThan(1000);
    expect((await rawRequest(svc.url, 'POST', '/sim/api/clock', { body: '{"to":"reset"}' })).status).toBe(
      404,
    );
    expect(await svc.rt.redis.get(simClockKey(svc.rt.prefix))).toBe(String(365 * 86_400_000));
  });

  it('重置演示数据 is not there: 404, and nothing is deleted', async () => {
    const seq = `${svc.rt.prefix}:seq:dd`;
    await svc.rt.redis.set(seq, '41');
    const r = await rawRequest(svc.url, 'POST', '/sim/api/reset', {
      body: '{"confirm":true}',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(404);
    expect(await svc.rt.redis.get(seq)).toBe('41');
  });
});

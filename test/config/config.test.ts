import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadConfig, ConfigError, configSchema } from '../../src/config.js';
import { main } from '../../src/cli.js';

const aes = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

describe('config', () => {
  it('defaults match docs/spec/interfaces.md and SIM is on with no platform', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('0.0.0.0');
    expect(c.TIMEZONE).toBe('Asia/Shanghai');
    expect(c.DATA_DIR).toBe('./data');
    expect(c.DINGTALK_MODE).toBe('http');
    expect(c.DEFAULT_DEADLINE_WORKDAYS).toBe(10);
    expect(c.REMINDER_WORKDAYS_BEFORE).toEqual([3, 1, 0]);
    expect(c.ESCALATE_AFTER_WORKDAYS).toBe(3);
    expect(c.WORK_HOURS).toEqual({ start: '08:30', end: '18:00' });
    expect(c.DIGEST_TIME).toBe('08:30');
    expect(c.SIM).toBe('on');
    expect(c.WECOM_API_BASE).toBe('https://qyapi.weixin.qq.com');
  });

  it('SIM defaults to off once a platform is configured', () => {
    const c = loadConfig({ WECOM_BOT_TOKEN: 't', WECOM_BOT_AES_KEY: aes });
    expect(c.wecomBotEnabled).toBe(true);
    expect(c.SIM).toBe('off');
  });

  it('reports one line per bad variable, naming it, never its value', () => {
    const secret = 'super-secret-value-123';
    try {
      loadConfig({ PORT: 'eighty', WECOM_AES_KEY: secret, WORK_HOURS: '18:00-08:30', TIMEZONE: 'Mars/Base' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const lines = (e as ConfigError).lines;
      expect(lines.map((l) => l.split(':')[0]).sort()).toEqual([
        'PORT',
        'TIMEZONE',
        'WECOM_AES_KEY',
        'WORK_HOURS',
      ]);
      expect(lines.join('\n')).not.toContain(secret);
    }
  });

  it('a half-configured platform names the missing variables', () => {
    expect(() => loadConfig({ WECOM_CORP_ID: 'ww1' })).toThrow(/WECOM_SECRET: missing/);
  });

  it('.env.example lists every variable of the schema', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    for (const name of Object.keys(configSchema.shape)) {
      expect(example, name).toMatch(new RegExp(`^#?${name}=`, 'm'));
    }
  });

  it('the CLI exits 1 with one line per bad variable and no stack', async () => {
    const err: string[] = [];
    const orig = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
    try {
      const code = await main(['serve'], { PORT: 'x' });
      expect(code).toBe(1);
    } finally {
      process.stderr.write = orig;
    }
    expect(err.join('')).toMatch(/^dudao: bad configuration: PORT: .+\n$/);
  });

  it('help exits 0 and an unknown command exits 2', async () => {
    const out: string[] = [];
    const orig = process.stdout.write.bind(process.stdout);
    const origErr = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect(await main(['--help'], {})).toBe(0);
      expect(await main(['frobnicate'], {})).toBe(2);
    } finally {
      process.stdout.write = orig;
      process.stderr.write = origErr;
    }
    expect(out.join('')).toContain('用法：npx dudao');
    expect(out.join('')).toContain('unknown command "frobnicate"');
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli.js';
import { usages } from '../../src/cli/usage.js';

const root = resolve(import.meta.dirname, '../..');

async function capture(argv: string[], env: Record<string, string | undefined> | undefined) {
  const out: string[] = [];
  const err: string[] = [];
  const w = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  try {
    const code = await main(argv, env);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = w;
    process.stderr.write = e;
  }
}

/** The real binary, as an operator types it (pino writes to the file descriptor, not process.stderr). */
function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [join(root, 'bin/dudao.mjs'), ...args], {
    cwd: env.DATA_DIR ?? root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('<command> --help', () => {
  it('prints the command’s usage on stdout and exits 0, for every command, even with a bad configuration', async () => {
    for (const name of Object.keys(usages)) {
      for (const flag of ['--help', '-h']) {
        const r = await capture([name, flag], { PORT: 'not-a-port' });
        expect(r.code, `${name} ${flag}`).toBe(0);
        expect(r.out).toContain(`用法：npx dudao ${name}`);
        expect(r.err).toBe('');
      }
    }
    const d = await capture(['digest', '--help'], {});
    expect(d.out).toContain('--date YYYY-MM-DD');
    expect(d.out).toContain('--dry-run');
    // `help <command>` is the same text
    expect((await capture(['help', 'digest'], {})).out).toBe(d.out);
  });

  it('`dudao digest --help` exits 0 from the real binary', () => {
    const r = cli(['digest', '--help'], {});
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：npx dudao digest');
  }, 60_000);

  it('parse takes --help only before --: after it, the text is the message', async () => {
    const r = await capture(['parse', '--', '--help'], { PORT: 'x' });
    expect(r.code).toBe(1); // it went on to read the configuration, which is bad here
    expect(r.err).toContain('bad configuration: PORT');
  });
});

describe('argument errors', () => {
  it('say what is wrong in Chinese, then the usage, on stderr, exit 2, before Redis is touched', async () => {
    const cases: [string[], string][] = [
      [['digest', '--date', '3月16日'], '--date 后面应是日期 YYYY-MM-DD'],
      [['digest', '--bogus'], '不认识的参数 “--bogus”'],
      [['export', '--month', '2026-3', '--out', 'x.xlsx'], '--month 后面应是月份 YYYY-MM'],
      [['export', '--month', '2026-03'], '缺少 --out'],
      [['import'], '缺少名单文件'],
      [['import', 'a.csv', 'b.csv'], '只能给一个文件'],
      [['serve', '--port', '80'], '不认识的参数 “--port”'],
      [['parse', '--now', 'tomorrow', 'x'], '--now 后面应是时间'],
    ];
    for (const [argv, why] of cases) {
      const r = await capture(argv, { REDIS_URL: 'redis://127.0.0.1:1' });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(`dudao ${argv[0]}：参数有误：${why}`);
      expect(r.err).toContain(`用法：npx dudao ${argv[0]}`);
    }
  });

  it('an unknown command is one line naming it, exit 2', async () => {
    const r = await capture(['frobnicate'], {});
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('frobnicate');
    expect(r.err).toContain('npx dudao --help');
  });
});

describe('DUDAO_ENV_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-envfile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** main() as the binary calls it: the configuration read from the process's environment. */
  async function withEnv(env: Record<string, string>, argv: string[]) {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      return await capture(argv, undefined);
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  }

  it('is read like .env (the environment wins); a missing one is one line, exit 1', async () => {
    const file = join(dir, 'dudao.env');
    writeFileSync(file, 'PORT=not-a-port\n');
    const bad = await withEnv({ DUDAO_ENV_FILE: file }, ['digest', '--dry-run']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^dudao: bad configuration: PORT: .+\n$/);
    // the environment wins over the file: the configuration is good, so the argument is judged
    const wins = await withEnv({ DUDAO_ENV_FILE: file, PORT: '3000' }, ['serve', '--bogus']);
    expect(wins.code).toBe(2);
    expect(wins.err).not.toContain('bad configuration');
    const missing = await withEnv({ DUDAO_ENV_FILE: join(dir, 'nope.env') }, ['digest', '--dry-run']);
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe(`dudao: 找不到配置文件 ${join(dir, 'nope.env')}（DUDAO_ENV_FILE）`);
  });
});

describe('a one-shot command’s output', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dudao-quiet-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('has no JSON log lines unless --verbose, and then only on stderr', () => {
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const imported = cli(['import', join(root, 'examples/roster.json')], env);
    expect(imported.code).toBe(0);
    const quiet = cli(['digest', '--dry-run'], env);
    expect(quiet.code).toBe(0);
    expect(quiet.out).toContain('【督导日报');
    for (const line of `${imported.out}\n${imported.err}\n${quiet.out}\n${quiet.err}`.split('\n'))
      expect(line.trim().startsWith('{'), line).toBe(false);
    const verbose = cli(['digest', '--dry-run', '--verbose'], env);
    expect(verbose.code).toBe(0);
    expect(verbose.out.split('\n').some((l) => l.startsWith('{'))).toBe(false);
    expect(verbose.err.split('\n').some((l) => l.startsWith('{"level"'))).toBe(true);
  }, 120_000);
});

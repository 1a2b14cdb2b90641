import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedRedis } from '../../src/redis/embedded-redis.js';
import { main } from '../../src/cli.js';

/**
 * `sudo dudao …` on an installed server: DATA_DIR belongs to the service's user (here `nobody`,
 * uid 65534). Whatever root's command makes there — the embedded Redis it starts, the password
 * file, a restored snapshot — must stay that user's, or the service cannot read its own data after
 * the next restart.
 */
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const NOBODY = 65534;
const dirs: string[] = [];
const owned = () => {
  const d = mkdtempSync(join(tmpdir(), 'dudao-owner-'));
  chownSync(d, NOBODY, NOBODY);
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** every file and directory under `dir` with an owner other than `uid` */
function notOwnedBy(dir: string, uid: number): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { recursive: true }) as string[]) {
    const p = join(dir, e);
    if (statSync(p).uid !== uid) out.push(e);
  }
  return out;
}

describe.skipIf(!root)('run as root on a DATA_DIR that belongs to the service user', () => {
  it('starts the embedded Redis as that user, and leaves every file theirs', async () => {
    const dir = owned();
    const redis = await startEmbeddedRedis({ dataDir: dir });
    try {
      const uid = execFileSync('ps', ['-o', 'uid=', '-p', String(redis.pid)], { encoding: 'utf8' }).trim();
      expect(Number(uid)).toBe(NOBODY);
    } finally {
      await redis.stop();
    }
    expect(readdirSync(dir)).toContain('redis.password');
    expect(notOwnedBy(dir, NOBODY)).toEqual([]);
  });

  it('backs up from it and restores into another, the restored files the user’s', async () => {
    const from = owned();
    const backups = mkdtempSync(join(tmpdir(), 'dudao-owner-backups-'));
    dirs.push(backups);
    const env = { DATA_DIR: from, LOG_LEVEL: 'silent' };
    expect(await main(['import', 'examples/roster.json'], env)).toBe(0);
    expect(await main(['backup', '--dir', backups], env)).toBe(0);
    const file = join(backups, readdirSync(backups)[0]!);
    const to = owned();
    expect(await main(['restore', file], { DATA_DIR: to, LOG_LEVEL: 'silent' })).toBe(0);
    expect(notOwnedBy(from, NOBODY)).toEqual([]);
    expect(notOwnedBy(to, NOBODY)).toEqual([]);
  }, 60_000);
});

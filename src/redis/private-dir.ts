// DATA_DIR holds the embedded Redis's append-only file (every record, the roster's mobile numbers,
// the platforms' access tokens), its password and the simulator's pictures: readable by the
// service's user only (docs/security.md → "The embedded Redis is private"). Whether the directory
// is new or was found 0755 with 0644 files from an earlier version, it ends up 0700 with every
// directory in it 0700 and every file 0600. Symbolic links are left alone (never followed: one
// could point anywhere).

import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function makePrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const walk = (d: string) => {
    chmodSync(d, 0o700);
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) walk(p);
      else if ((st.mode & 0o777) !== 0o600) chmodSync(p, 0o600);
    }
  };
  walk(dir);
}

export const PASSWORD_FILE = 'redis.password';

/**
 * The embedded Redis's password: generated at first start (32 random bytes, base64url: safe in a
 * redis:// URL and as an inline command), kept in DATA_DIR/redis.password (0600), read by every
 * later start and by every CLI command that uses this DATA_DIR.
 */
export function ensurePassword(dir: string): string {
  const file = join(dir, PASSWORD_FILE);
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const pw = readFileSync(file, 'utf8').trim();
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(pw))
    throw new Error(`${file} does not hold a password dudao wrote; remove it and start again`);
  return pw;
}

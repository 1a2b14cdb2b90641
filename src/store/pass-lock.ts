// A mutual-exclusion lease for a scheduled pass (the reminder pass): so a `remind` command and a
// worker, or two workers, do not scan at the same moment. Correctness never rests on it (every
// send is claimed with claimOnce); it only saves a duplicate scan. SET NX PX with a random token;
// renewed while held; released only by its holder (compare-and-delete in one script).

import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/connect.js';
import { makeKeys } from './keys.js';

export interface PassLock {
  /** true when taken; the lease renews itself until release() */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
}

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

export function passLock(redis: RedisClient, prefix: string, name: string, leaseMs = 60_000): PassLock {
  // the lease lives in the store's "once" namespace: a claim that expires by itself
  const key = makeKeys(prefix).once('lock', name);
  const token = randomBytes(12).toString('hex');
  let timer: NodeJS.Timeout | undefined;
  return {
    async acquire() {
      const ok = (await redis.set(key, token, 'PX', leaseMs, 'NX')) === 'OK';
      if (ok) {
        timer = setInterval(
          () => void redis.eval(RENEW, 1, key, token, String(leaseMs)).catch(() => {}),
          Math.floor(leaseMs / 3),
        );
        timer.unref();
      }
      return ok;
    },
    async release() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await redis.eval(RELEASE, 1, key, token);
    },
  };
}

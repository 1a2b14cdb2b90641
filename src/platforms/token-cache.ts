// An access token shared by every process through Redis, fetched once however many sends ask at
// the same moment: the first to miss takes a short lock (SET NX PX), fetches, stores the token
// with a TTL a little under the platform's expiry and releases the lock; the others re-read
// until it appears (or the lock lapses, when its holder died). A token the platform refuses is
// dropped only if it is still the cached one (compare-and-delete), so 20 sends that all see
// the same expired token cause one fetch, not 20.
//
// WeCom: expires_in is normally 7200 s and may be ended early, "开发者应实现access_token失效时重新
// 获取的逻辑" — https://developer.work.weixin.qq.com/document/path/91039. DingTalk: expireIn
// 7200 s — https://open.dingtalk.com/document/orgapp/obtain-the-access_token-of-an-internal-app.
// Tokens never go to the log.

import { randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/connect.js';
import { sleep } from './retry.js';

export interface FetchedToken {
  token: string;
  expiresInSec: number;
}

export interface TokenCacheOptions {
  redis: RedisClient;
  /** e.g. `{dudao}:tok:wecom:<corpid>:<agentid>` (built in the outbound keys file) */
  key: string;
  fetch: () => Promise<FetchedToken>;
  /** how long one fetch may hold the lock */
  lockMs?: number;
  /** renew this long before the platform's expiry */
  marginSec?: number;
  pollMs?: number;
}

const DEL_IF_EQUAL = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export class TokenCache {
  private readonly lockKey: string;
  /** fetches made by this process: for tests and the log */
  fetches = 0;

  constructor(private readonly o: TokenCacheOptions) {
    this.lockKey = `${o.key}:lock`;
  }

  async get(): Promise<string> {
    const lockMs = this.o.lockMs ?? 10_000;
    const deadline = Date.now() + lockMs * 2;
    for (;;) {
      const cached = await this.o.redis.get(this.o.key);
      if (cached) return cached;
      const me = randomBytes(8).toString('hex');
      const locked = await this.o.redis.set(this.lockKey, me, 'PX', lockMs, 'NX');
      if (locked === 'OK') {
        try {
          const again = await this.o.redis.get(this.o.key);
          if (again) return again;
          this.fetches++;
          const t = await this.o.fetch();
          const ttl = Math.max(60, t.expiresInSec - (this.o.marginSec ?? 300));
          await this.o.redis.set(this.o.key, t.token, 'EX', ttl);
          return t.token;
        } finally {
          await this.o.redis.eval(DEL_IF_EQUAL, 1, this.lockKey, me);
        }
      }
      if (Date.now() > deadline)
        throw new Error('access token: timed out waiting for another process to fetch it');
      await sleep(this.o.pollMs ?? 25);
    }
  }

  /** The platform refused `token`: forget it, unless another process already replaced it. */
  async invalidate(token: string): Promise<void> {
    await this.o.redis.eval(DEL_IF_EQUAL, 1, this.o.key, token);
  }
}

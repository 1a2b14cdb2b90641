// A Lua script run with EVALSHA, falling back to EVAL once when the server does not know it yet
// (a fresh or restarted Redis, another Cluster node): the script's text crosses the wire only
// then, not with every call. The store's scripts (src/store/script.ts) and the few kept beside
// their code (the rate limiter, the signature claim) all run through this.

import { createHash } from 'node:crypto';
import type { RedisClient } from './connect.js';

export interface Script {
  sha: string;
  run(redis: RedisClient, keys: string[], args: (string | number | Buffer)[]): Promise<unknown>;
}

export function luaScript(lua: string): Script {
  const sha = createHash('sha1').update(lua).digest('hex');
  return {
    sha,
    async run(redis, keys, args) {
      try {
        return await redis.evalsha(sha, keys.length, ...keys, ...args);
      } catch (e) {
        if (!(e instanceof Error) || !e.message.startsWith('NOSCRIPT')) throw e;
        return await redis.eval(lua, keys.length, ...keys, ...args);
      }
    },
  };
}

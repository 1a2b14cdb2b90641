// A Lua script run with EVALSHA, falling back to EVAL once when the server does not know it yet
// (a fresh or restarted Redis, another Cluster node). Loaded from src/store/lua/ beside this file.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RedisClient } from '../redis/connect.js';

export interface Script {
  sha: string;
  run(redis: RedisClient, keys: string[], args: (string | number | Buffer)[]): Promise<unknown>;
}

export function loadScript(name: string): Script {
  const lua = readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8');
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

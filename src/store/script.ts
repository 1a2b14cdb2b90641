// The store's Lua scripts, loaded from src/store/lua/ beside this file and run with EVALSHA
// (src/redis/lua-script.ts).

import { readFileSync } from 'node:fs';
import { luaScript, type Script } from '../redis/lua-script.js';

export type { Script };

export function loadScript(name: string): Script {
  return luaScript(readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8'));
}

// The store's Lua scripts, loaded from src/store/lua/ beside this file and run with EVALSHA
// (src/redis/lua-script.ts).

import { readFileSync } from 'node:fs';
import { luaScript, type Script } from '../redis/lua-script.js';

export type { Script };

const read = (name: string) => readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8');

/**
 * `name`.lua, with the shared pieces in `before` (their local functions) put in front of it: Redis
 * runs one chunk per script, so what several scripts share is joined to each, not required.
 */
export function loadScript(name: string, ...before: string[]): Script {
  return luaScript([...before, name].map(read).join('\n'));
}

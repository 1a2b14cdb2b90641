import type { Runtime } from '../src/runtime.js';
import { boardLinkMaker, type BoardLinkMaker } from '../src/board/links.js';
import { boardSecret } from '../src/store/board-secret.js';
import { simActive } from '../src/config.js';

const cache = new WeakMap<Runtime, BoardLinkMaker>();

/**
 * This runtime's maker of personal board links (src/board/links.ts), for the digest job and the
 * 看板 command: signed with BOARD_SECRET or the secret kept in Redis, valid 24 h from `rt.now()`.
 */
export function boardLinks(rt: Runtime): BoardLinkMaker {
  let m = cache.get(rt);
  if (!m) {
    m = boardLinkMaker({
      secret: boardSecret(rt.redis, rt.prefix, rt.config.BOARD_SECRET),
      publicBaseUrl: rt.config.PUBLIC_BASE_URL,
      sim: simActive(rt.config),
      now: () => rt.now(),
    });
    cache.set(rt, m);
  }
  return m;
}

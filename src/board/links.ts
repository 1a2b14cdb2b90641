import type { BoardSecretSource } from '../store/board-secret.js';
import { signToken } from './token.js';

/**
 * A person's link to the board: `PUBLIC_BASE_URL/board/login?t=<token>` (docs/spec/interfaces.md → Leaders'
 * board); in the simulator without a public address, the same path on the page's own origin.
 * Undefined when the service has no address to give (no PUBLIC_BASE_URL outside the simulator):
 * a link the reader cannot open is worse than none.
 */
export const BOARD_LOGIN_PATH = '/board/login';

export interface BoardLinkOptions {
  secret: BoardSecretSource;
  publicBaseUrl?: string;
  sim: boolean;
  now: () => Date;
}

export type BoardLinkMaker = (personId: string) => Promise<string | undefined>;

export function boardLinkMaker(o: BoardLinkOptions): BoardLinkMaker {
  const base = o.publicBaseUrl?.replace(/\/+$/, '') ?? (o.sim ? '' : undefined);
  return async (personId) => {
    if (base === undefined) return undefined;
    const t = signToken(await o.secret.get(), 'link', personId, o.now().getTime() / 1000);
    return `${base}${BOARD_LOGIN_PATH}?t=${t}`;
  };
}

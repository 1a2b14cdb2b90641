import { principalAction } from './principal-action.js';
import type { Handler } from './types.js';

/** 收到 ZG-12: open → in_progress. */
export const acknowledge: Handler<'acknowledge'> = (cmd, actor, deps) =>
  principalAction(deps, actor, cmd.item, 'acknowledge', cmd.note);

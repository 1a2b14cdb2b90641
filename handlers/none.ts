import { infoCard } from '../cards/info.js';
import { toOrigin } from './common.js';
import type { Handler } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/** Text that is not a command: silence in a group (busy chats), a short hint in a direct chat. */
export const none: Handler<'none'> = async (_cmd, _actor, deps) => {
  if (deps.isGroup) return { replies: [] };
  return {
    replies: [toOrigin(infoCard(zh.handlers.none.title, { subtitle: zh.handlers.none.subtitle }))],
  };
};

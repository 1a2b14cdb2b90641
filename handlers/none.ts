import { infoCard } from '../cards/info.js';
import { toOrigin } from './common.js';
import type { Handler } from './types.js';

/** Text that is not a command: silence in a group (busy chats), a short hint in a direct chat. */
export const none: Handler<'none'> = async (_cmd, _actor, deps) => {
  if (deps.isGroup) return { replies: [] };
  return {
    replies: [
      toOrigin(
        infoCard('没有看懂这条消息', { subtitle: '发送「帮助」查看我能做什么，以及可直接复制的示例。' }),
      ),
    ],
  };
};

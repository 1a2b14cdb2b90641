import { can } from '../src/domain/permissions.js';
import { infoCard } from '../cards/info.js';
import { refuse, toOrigin } from './common.js';
import type { Handler } from './types.js';
import { zh } from '../src/text/zh-CN/index.js';

/** 绑定本群 <责任区|学校|督导室>: an admin binds the group chat the message came from. */
export const bindChat: Handler<'bind_chat'> = async (cmd, actor, deps) => {
  const allowed = can(actor, 'bind_chat');
  if (!allowed.ok) return refuse(allowed.message);
  const conv = deps.conversation;
  if (!conv?.isGroup) {
    return refuse(zh.handlers.bindChat.notInGroup, zh.handlers.bindChat.notInGroupExample(cmd.target.name));
  }
  await deps.store.bindChat({
    platform: deps.source.platform,
    chatId: conv.id,
    name: conv.name ?? '',
    binding: { type: cmd.target.type, id: cmd.target.id },
  });
  return {
    replies: [
      toOrigin(
        infoCard(zh.handlers.bindChat.title(cmd.target.name), {
          subtitle: zh.handlers.bindChat.subtitle(zh.handlers.bindChat.kinds[cmd.target.type]),
          note: [...deps.assumptions, zh.handlers.bindChat.effects[cmd.target.type]].join(
            zh.handlers.common.notesSep,
          ),
        }),
      ),
    ],
  };
};

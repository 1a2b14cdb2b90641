import { can } from '../src/domain/permissions.js';
import { infoCard } from '../cards/info.js';
import { refuse, toOrigin } from './common.js';
import type { Handler } from './types.js';

const kinds = { zone: '责任区', school: '学校', office: '督导室' } as const;
const effects = {
  zone: '今后该责任区的新督导记录会在本群简要通知。',
  school: '今后该校的相关通知会发到本群。',
  office: '督导室的通知会发到本群。',
} as const;

/** 绑定本群 <责任区|学校|督导室>: an admin binds the group chat the message came from. */
export const bindChat: Handler<'bind_chat'> = async (cmd, actor, deps) => {
  const allowed = can(actor, 'bind_chat');
  if (!allowed.ok) return refuse(allowed.message);
  const conv = deps.conversation;
  if (!conv?.isGroup) {
    return refuse('请在要绑定的群聊里 @督导助手 发送此命令。', `例如：绑定本群 ${cmd.target.name}`);
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
        infoCard(`本群已绑定：${cmd.target.name}`, {
          subtitle: `（${kinds[cmd.target.type]}）`,
          note: [...deps.assumptions, effects[cmd.target.type]].join('；'),
        }),
      ),
    ],
  };
};

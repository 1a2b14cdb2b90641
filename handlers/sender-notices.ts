// What the inbound job tells a sender it does not serve, before any command is read: someone not
// (or no longer) on the roster, and someone over their rate limit. Neither names anyone: a
// stranger learns whom to ask by role, never who the administrators are (docs/security.md →
// "Refusals tell nothing").

import type { Card } from '../src/domain/card.js';
import { infoCard } from '../cards/info.js';

export function strangerCard(deactivated: boolean): Card {
  return infoCard(deactivated ? '您的账号已停用' : '您还不在督导助手的名单中', {
    subtitle: '暂时无法为您办理。如需使用，请联系本单位督导室的管理员将您加入名单。',
  });
}

export function slowDownCard(): Card {
  return infoCard('消息太多，请稍后再发', {
    subtitle: '您在短时间内发送的消息太多，超出的部分没有办理。请稍等一两分钟，再发送需要办理的内容。',
  });
}

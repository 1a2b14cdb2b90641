// What the inbound job tells a sender it does not serve, before any command is read: someone not
// (or no longer) on the roster, and someone over their rate limit. Neither names anyone: a
// stranger learns whom to ask by role, never who the administrators are (docs/security.md →
// "Refusals tell nothing").

import type { Card } from '../src/domain/card.js';
import { infoCard } from '../cards/info.js';
import { zh } from '../src/text/zh-CN/index.js';

export function strangerCard(deactivated: boolean): Card {
  return infoCard(
    deactivated ? zh.handlers.senderNotices.deactivatedTitle : zh.handlers.senderNotices.strangerTitle,
    {
      subtitle: zh.handlers.senderNotices.strangerSubtitle,
    },
  );
}

export function slowDownCard(): Card {
  return infoCard(zh.handlers.senderNotices.rateLimitedTitle, {
    subtitle: zh.handlers.senderNotices.rateLimitedSubtitle,
  });
}

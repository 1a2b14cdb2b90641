import type { Card, CardKind } from '../src/domain/card.js';
import { zh } from '../src/text/zh-CN/index.js';
import { finish, typedCommand } from './format.js';

/** One notice kept for the digest: what its card was about, not the card (jobs/outbound-digest.ts). */
export interface DigestNotice {
  kind: CardKind;
  title: string;
  items: string[];
}

/**
 * Lines shown: the rest are counted. The whole card stays within one WeCom message (2,048 bytes:
 * src/platforms/card-limits.ts) with titles of about 30 bytes each.
 */
export const NOTICE_DIGEST_LINES = 20;

/**
 * A person's notices merged into one message, when more of them wait than their platform lets
 * through in a minute (jobs/enqueue-replies.ts, OVERFLOW_AT). DingTalk's own advice for floods:
 * "大量发消息的场景…可以将这些信息进行整合，通过markdown消息以摘要的形式发送"
 * (https://open.dingtalk.com/document/orgapp/custom-robot-access, 调用频率限制). No buttons
 * (a card acts on one item): each line names its notice, the note tells what to type.
 */
export function noticeDigestCard(notices: DigestNotice[]): Card {
  const shown = notices.slice(0, NOTICE_DIGEST_LINES);
  const rest = notices.length - shown.length;
  const first = notices.flatMap((n) => n.items)[0];
  return finish({
    kind: 'notice_digest',
    title: zh.cards.noticeDigest.title(notices.length),
    entries: [
      ...shown.map((n) => ({ id: n.title, text: '' })),
      ...(rest > 0 ? [{ id: zh.cards.noticeDigest.more(rest), text: '' }] : []),
    ],
    note: zh.cards.noticeDigest.note(typedCommand('ack', first ?? 'ZG-1')),
  });
}

// WeCom markdown and text messages from a neutral Card, split to the byte limits:
// - app message (message/send) text: "最长不超过2048个字节"; markdown: we keep the same 2048
//   bytes, as the app-message page states for markdown —
//   https://developer.work.weixin.qq.com/document/path/90236;
// - appchat/send: text ≤ 2048 bytes — https://developer.work.weixin.qq.com/document/path/90248;
// - group robot webhook: text ≤ 2048, markdown ≤ 4096 bytes (errcode 40058 "markdown.content
//   exceed max length 4096" beyond) — https://developer.work.weixin.qq.com/document/path/91770;
// - smart bot response_url: markdown "最长不超过20480个字节" —
//   https://developer.work.weixin.qq.com/document/path/101138 (so an answer in a group is one
//   message: the rest of a split one could only go privately through the app).
// WeCom markdown supports <font color="comment|info|warning">.

import type { Card } from '../../domain/card.js';
import { cardMarkdown } from '../card-text.js';
import { splitMessage } from '../split-message.js';

export const WECOM_BYTES = {
  text: 2048,
  appMarkdown: 2048,
  webhookMarkdown: 4096,
  botMarkdown: 20_480,
} as const;

const style = {
  dim: (s: string) => `<font color="comment">${s}</font>`,
  strong: (s: string) => `<font color="info">${s}</font>`,
};

export function wecomMarkdownText(card: Card): string {
  return cardMarkdown(card, style);
}

export interface WecomMarkdownMessage {
  msgtype: 'markdown';
  markdown: { content: string };
}
export interface WecomTextMessage {
  msgtype: 'text';
  text: { content: string };
}

/** The card as one or more markdown messages, each within `maxBytes`. */
export function renderWecomMarkdown(
  card: Card,
  maxBytes: number = WECOM_BYTES.appMarkdown,
): WecomMarkdownMessage[] {
  return splitMessage(wecomMarkdownText(card), { maxBytes }).map((content) => ({
    msgtype: 'markdown',
    markdown: { content },
  }));
}

/** The card's plain-text fallback as text messages (for clients that do not show markdown). */
export function renderWecomText(card: Card, maxBytes: number = WECOM_BYTES.text): WecomTextMessage[] {
  return splitMessage(card.text, { maxBytes }).map((content) => ({ msgtype: 'text', text: { content } }));
}

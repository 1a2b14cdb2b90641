// DingTalk robot markdown from a neutral Card: the `sampleMarkdown` message template
// (msgParam {title, text}) of /v1.0/robot/oToMessages/batchSend and
// /v1.0/robot/groupMessages/send
// (https://open.dingtalk.com/document/group/chatbots-send-one-on-one-chat-messages-in-batches,
// https://open.dingtalk.com/document/orgapp/the-robot-sends-a-group-message), and the
// {msgtype: 'markdown', markdown: {title, text}} body of a message's sessionWebhook.
// `sampleActionCard` is not used: its buttons only open URLs (singleURL / actionURL), and
// dudao's buttons are actions, which go in the interactive card (render-card.ts).
//
// Size: the stored docs give no byte limit for robot markdown; DingTalk's own connector splits
// at 2000 characters a message, so we keep parts ≤ 2000 characters and ≤ 6000 bytes.
// DingTalk markdown has no <font color>, so dimmed lines are plain; a line break inside a
// paragraph is written "  \n" (two trailing spaces), as plain "\n" may be folded.

import type { Card } from '../../domain/card.js';
import { cardMarkdown } from '../card-text.js';
import { clip, splitMessage, type SplitLimits } from '../split-message.js';

export const DINGTALK_MARKDOWN_LIMITS: SplitLimits = { maxBytes: 6000, maxChars: 2000 };

const style = { dim: (s: string) => s, strong: (s: string) => `**${s}**`, br: '  \n' };

export interface DingtalkMarkdown {
  /** shown in the conversation list and the notification */
  title: string;
  text: string;
}

export function renderDingtalkMarkdown(
  card: Card,
  limits: SplitLimits = DINGTALK_MARKDOWN_LIMITS,
): DingtalkMarkdown[] {
  const parts = splitMessage(cardMarkdown(card, style), limits);
  const title = clip(card.title, 30);
  return parts.map((text, i) => ({
    title: parts.length > 1 ? `${title} (${i + 1}/${parts.length})` : title,
    text,
  }));
}

/** batchSend / groupMessages msgKey + msgParam (msgParam is a JSON string). */
export function sampleMarkdown(m: DingtalkMarkdown): { msgKey: 'sampleMarkdown'; msgParam: string } {
  return { msgKey: 'sampleMarkdown', msgParam: JSON.stringify({ title: m.title, text: m.text }) };
}

/** A sessionWebhook body. */
export function sessionMarkdown(m: DingtalkMarkdown): { msgtype: 'markdown'; markdown: DingtalkMarkdown } {
  return { msgtype: 'markdown', markdown: m };
}

// What a card button carries back on a click, on every platform: the action and the item, as
// `dd:<action>:<item>` (e.g. `dd:ack:ZG-21`). WeCom returns it as the button's EventKey (≤ 1024
// bytes, unique within a card — https://developer.work.weixin.qq.com/document/path/90236),
// DingTalk as the button's action value in the card callback, the simulator as is. The decoders
// (src/platforms/<p>/decode) use `decodeButtonKey`; the click is still checked against the roster
// like a typed command, never trusted by its key (docs/spec/commands.md).

import { cardActionSchema, type CardAction } from '../domain/inbound.js';
import { zh } from '../text/zh-CN/index.js';

const PREFIX = 'dd';

export function encodeButtonKey(action: CardAction, item: string): string {
  return `${PREFIX}:${action}:${item}`;
}

export function decodeButtonKey(key: string): { action: CardAction; item: string } | undefined {
  const m = /^dd:([a-z_]+):(.{1,64})$/.exec(key);
  if (!m) return undefined;
  const action = cardActionSchema.safeParse(m[1]);
  return action.success ? { action: action.data, item: m[2]! } : undefined;
}

/**
 * The typed command that does what a button does (docs/spec/commands.md), for renderings without
 * buttons (markdown fallbacks): the reader copies it.
 */
export function typedCommand(action: CardAction, item: string): string {
  switch (action) {
    case 'ack':
      return `收到 ${item}`;
    case 'done':
      return `整改完成 ${item} 说明`;
    case 'extend':
      return `申请延期 ${item} 至 4月10日 原因：…`;
    case 'pass':
      return `验收 ${item} 通过`;
    case 'reject':
      return `退回 ${item} 原因`;
    case 'approve_ext':
      return `同意延期 ${item}`;
    case 'refuse_ext':
      return `不同意延期 ${item} 意见`;
  }
}

/**
 * Short verbs for a card that must name several items on its buttons ('完成ZG-21'): only cards
 * sent before every item had its own card; today's cards act on one item and use their labels.
 */
export const shortActionLabels: Record<CardAction, string> = zh.cards.severalItems.buttons;

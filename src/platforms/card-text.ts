// Markdown pieces shared by the WeCom and DingTalk markdown renderings of a neutral Card.
// Short lines, one fact per line: these are read on a phone (≈ 18 CJK characters per line).

import type { Card } from '../domain/card.js';
import { typedCommand } from './button-key.js';
import { zh } from '../text/zh-CN/index.js';

export interface MarkdownStyle {
  /** how a secondary line is dimmed (WeCom supports <font color="comment">, DingTalk does not) */
  dim: (s: string) => string;
  /** how the outcome is highlighted */
  strong: (s: string) => string;
  /** a line break inside a block ('\n'; DingTalk wants two trailing spaces, '  \n') */
  br?: string;
}

/** One block per part of the card; blank lines between blocks. */
export function cardMarkdownBlocks(card: Card, style: MarkdownStyle, o: { header?: boolean } = {}): string[] {
  const blocks: string[] = [];
  const br = style.br ?? '\n';
  if (o.header !== false) {
    const head = [`**${card.title}**`];
    if (card.subtitle) head.push(style.dim(card.subtitle));
    blocks.push(head.join(br));
  }
  if (card.fields.length) blocks.push(card.fields.map((f) => `${f.label}：${f.value}`).join(br));
  if (card.entries.length) {
    blocks.push(
      card.entries.map((e) => `**${e.id}** ${e.text}` + (e.meta ? `${br}${style.dim(e.meta)}` : '')).join(br),
    );
  }
  if (card.note) blocks.push(style.dim(card.note));
  // both WeCom and DingTalk markdown take [text](url); it opens in the app's own browser
  if (card.link) blocks.push(`[${card.link.label}](${card.link.url})`);
  if (card.outcome) blocks.push(style.strong(card.outcome));
  if (card.buttons.length) {
    // one command per line: they are copied on a phone
    const typed = (b: Card['buttons'][number]) =>
      b.action === 'extend' && b.input
        ? zh.cards.typed.extend(b.item, b.input.example)
        : typedCommand(b.action, b.item);
    const hints = [...new Set(card.buttons.map((b) => `「${typed(b)}」`))];
    blocks.push([zh.cards.plain.reply, ...hints].map(style.dim).join(br));
  }
  return blocks;
}

/** The whole card as markdown text. */
export function cardMarkdown(card: Card, style: MarkdownStyle, o: { header?: boolean } = {}): string {
  return cardMarkdownBlocks(card, style, o).join('\n\n');
}

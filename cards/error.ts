import type { Card } from '../src/domain/card.js';
import { finish } from './format.js';
import { zh } from '../src/text/zh-CN/index.js';

/**
 * When the bot cannot act: the parser's Chinese message as it is (it already names the problem
 * and the fix with an example), or a handler's refusal. Never a stack trace or an internal id.
 */
export function errorCard(message: string, o: { title?: string; note?: string } = {}): Card {
  return finish({
    kind: 'error',
    title: o.title ?? zh.cards.error.title,
    subtitle: message,
    note: o.note,
  });
}

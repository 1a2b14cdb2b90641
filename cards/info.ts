import type { Card, CardButton, CardField, CardLink } from '../src/domain/card.js';
import { finish } from './format.js';

/** A short confirmation or hint: '已收到 ZG-21', '本群已绑定 第一责任区'. */
export function infoCard(
  title: string,
  o: {
    subtitle?: string;
    fields?: CardField[];
    note?: string;
    outcome?: string;
    buttons?: CardButton[];
    link?: CardLink;
  } = {},
): Card {
  return finish({ kind: 'info', title, ...o });
}

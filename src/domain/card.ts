import type { CardAction } from './inbound.js';

/**
 * The neutral card: built from domain data by cards/, rendered by each platform
 * (src/platforms/<p>/render-*.ts: WeCom template_card / markdown, DingTalk interactive card /
 * markdown, simulator HTML). Nothing here knows a platform.
 */

export const cardKinds = [
  'record_summary',
  'rectification_notice',
  'progress_notice',
  'recheck_request',
  'extension_request',
  'item_detail',
  'item_list',
  'reminder',
  'escalation',
  'digest',
  'stats',
  'monthly_plan',
  'help',
  'error',
  'info',
] as const;
export type CardKind = (typeof cardKinds)[number];

export interface CardButton {
  label: string;
  action: CardAction;
  item: string;
  style?: 'primary' | 'danger' | 'default';
}

export interface CardField {
  label: string;
  value: string;
}

export interface CardListEntry {
  /** ZG-21 */
  id: string;
  text: string;
  /** a short status/deadline line: 期限 3月22日 周一 */
  meta?: string;
}

export interface Card {
  kind: CardKind;
  title: string;
  subtitle?: string;
  fields: CardField[];
  entries: CardListEntry[];
  /** what the bot assumed (default deadline, matched short name) or a hint */
  note?: string;
  buttons: CardButton[];
  /** after a click: shown instead of the buttons ("已由 李校长 于 3月18日 确认完成") */
  outcome?: string;
  /** the plain-text fallback, complete on its own */
  text: string;
}

import type { Attachment, Platform } from './inbound.js';
import type { VisitKind } from './command.js';
import { zh } from '../text/zh-CN/index.js';

/** A visit (督导记录) as stored. Ids are the human ones: DD-7. Dates are YYYY-MM-DD in TIMEZONE. */
export interface VisitRecord {
  id: string;
  school: string;
  zone: string;
  supervisor: string;
  date: string;
  kind: VisitKind;
  manner?: '暗访' | '明查';
  topic?: string;
  findings?: string;
  highlights?: string;
  remark?: string;
  items: string[];
  attachments: Attachment[];
  createdAt: string;
  source: { platform: Platform; messageId: string };
  /** 'voice': made from a voice message transcribed by the platform (its history says so) */
  via?: 'voice';
}

export const itemStatuses = ['open', 'in_progress', 'submitted', 'closed'] as const;
export type ItemStatus = (typeof itemStatuses)[number];
export const statusNames: Record<ItemStatus, string> = zh.domain.statuses;

/** A rectification item (整改事项): ZG-21. `overdue` is derived, never stored. */
export interface Item {
  id: string;
  record: string;
  school: string;
  zone: string;
  supervisor: string;
  text: string;
  deadline: string;
  deadlineSource: 'text' | 'default';
  status: ItemStatus;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  /** a pending extension request */
  extension?: { until: string; reason?: string; by: string; at: string };
  attachments: number;
}

export const itemActions = [
  'create',
  'acknowledge',
  'progress',
  'done',
  'close',
  'reject',
  'request_extension',
  'approve_extension',
  'refuse_extension',
  'reopen',
  'attach',
] as const;
export type ItemAction = (typeof itemActions)[number];

/** One append-only history entry of an item. */
export interface HistoryEvent {
  at: string;
  actor: string;
  action: ItemAction;
  from?: ItemStatus;
  to?: ItemStatus;
  note?: string;
  /** request_extension: the day asked for; approve_extension: the new deadline */
  until?: string;
  /** approve_extension: the deadline it replaced (recorded since the export shows original deadlines) */
  previousDeadline?: string;
  source?: { platform: Platform; messageId: string };
  attachments?: Attachment[];
}

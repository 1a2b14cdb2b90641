// The rectification lifecycle of docs/spec/domain.md as data. The store's transition script receives this
// table (serialised) and checks the current state against it atomically, so the rule lives here
// once and the Lua code stays generic.
//
// Reading of the diagram: 退回 (reject) sends a submitted item back to `open` (待整改), reopen
// (leader only) brings a closed item back to `in_progress`. Extension requests, decisions and
// evidence do not move the status ('same').

import type { Item, ItemAction, ItemStatus } from './records.js';
import { zh } from '../text/zh-CN/index.js';

export interface Transition {
  from: readonly ItemStatus[];
  /** the new status, or 'same' to keep the current one */
  to: ItemStatus | 'same';
  /** only with a pending extension request */
  needsPending?: boolean;
}

export type TransitionAction = Exclude<ItemAction, 'create'>;

const active = ['open', 'in_progress', 'submitted'] as const;

export const lifecycle: Readonly<Record<TransitionAction, Transition>> = {
  acknowledge: { from: ['open'], to: 'in_progress' },
  progress: { from: ['open', 'in_progress'], to: 'in_progress' },
  done: { from: ['open', 'in_progress'], to: 'submitted' },
  close: { from: ['submitted'], to: 'closed' },
  reject: { from: ['submitted'], to: 'open' },
  request_extension: { from: ['open', 'in_progress'], to: 'same' },
  approve_extension: { from: active, to: 'same', needsPending: true },
  refuse_extension: { from: active, to: 'same', needsPending: true },
  reopen: { from: ['closed'], to: 'in_progress' },
  attach: { from: active, to: 'same' },
};

/** The state a new item starts in (the `create` action). */
export const initialStatus: ItemStatus = 'open';

export type NextState =
  | { ok: true; to: ItemStatus }
  | { ok: false; code: 'bad_state' | 'no_pending_extension' };

/** Pure check of one step: the same rule the Lua script applies inside Redis. */
export function nextState(action: TransitionAction, from: ItemStatus, hasPending: boolean): NextState {
  const t = lifecycle[action];
  if (!t.from.includes(from)) return { ok: false, code: 'bad_state' };
  if (t.needsPending && !hasPending) return { ok: false, code: 'no_pending_extension' };
  return { ok: true, to: t.to === 'same' ? from : t.to };
}

/** Overdue is derived: the deadline lies before `today` (YYYY-MM-DD in TIMEZONE) and it is not closed. */
export function overdue(item: Pick<Item, 'deadline' | 'status'>, today: string): boolean {
  return item.status !== 'closed' && item.deadline < today;
}

/** Chinese words for actions, for replies such as "ZG-21 已销号，无需再次验收". */
export const actionNames: Readonly<Record<ItemAction, string>> = zh.domain.actions;

import type { Card } from '../src/domain/card.js';
import type { Reply, HandlerResult } from '../src/domain/reply.js';
import type { Item } from '../src/domain/records.js';
import { statusNames } from '../src/domain/records.js';
import { dayInZone } from '../src/domain/day.js';
import { actionNames, type TransitionAction } from '../src/domain/lifecycle.js';
import { can, type Permission, type PermissionContext } from '../src/domain/permissions.js';
import type { Person } from '../src/domain/roster.js';
import type { School } from '../src/domain/roster.js';
import type { TransitionRefusal } from '../src/store/store.js';
import { errorCard } from '../cards/error.js';
import type { Paging } from '../cards/item-list.js';
import { pageOf } from '../src/domain/list-page.js';
import { momentCn } from '../cards/format.js';
import type { HandlerDeps } from './types.js';
import { byIdNumber, isItemId } from '../src/domain/ids.js';
import { zh } from '../src/text/zh-CN/index.js';

/**
 * One page of a list answered in chat (src/domain/list-page.ts) and, when it has several, what the
 * card says about the others: `command(p)` is what to send for page p.
 */
export function listPage<T>(
  all: readonly T[],
  page: number | undefined,
  command: (page: number) => string,
): { items: T[]; paging?: Paging } {
  const { items, ...p } = pageOf(all, page);
  if (p.pages === 1) return { items };
  return { items, paging: { ...p, next: command(Math.min(p.page + 1, p.pages)) } };
}

/** Today in the office's time zone. */
export const today = (deps: HandlerDeps) => dayInZone(deps.now, deps.timezone);

/** '3月18日 10:20' for outcomes on updated cards. */
export const nowCn = (deps: HandlerDeps) => momentCn(deps.now.toISOString(), deps.timezone);

export function toOrigin(card: Card, items?: string[], key = 'origin'): Reply {
  return items?.length ? { to: { type: 'origin' }, card, key, items } : { to: { type: 'origin' }, card, key };
}

export function toPerson(personId: string, card: Card, key: string, items?: string[]): Reply {
  const to = { type: 'person' as const, personId };
  return items?.length ? { to, card, key, items } : { to, card, key };
}

/**
 * A refused command: the answer is one error card to where the message came from, and nothing
 * changed. Returns the handler's result (a callback the platform must not retry is rejected by
 * `rejectCallback`, src/platforms/ingress.ts, which throws instead).
 */
export function refuse(message: string, note?: string): HandlerResult {
  return { replies: [toOrigin(errorCard(message, note ? { note } : {}))] };
}

export const unknownItemMessage = (id: string) => zh.handlers.common.unknownItem(id);

/**
 * A refused action on an item. Whoever may not even see the item (another zone's supervisor,
 * another school's principal) hears exactly what they would for a missing one: never the item's
 * school, nor that it exists (docs/security.md → "Refusals tell nothing"). Someone who may see it
 * is told why they may not act (a leader pressing a principal's button, say).
 */
export function refuseOnItem(
  actor: Person,
  denied: Extract<Permission, { ok: false }>,
  perm: PermissionContext,
  id: string,
): HandlerResult {
  const hidden =
    denied.code === 'not_your_school' || denied.code === 'not_your_zone' || !can(actor, 'view', perm).ok;
  return refuse(hidden ? unknownItemMessage(id) : denied.message);
}

export interface LoadedItem {
  item: Item;
  school: Pick<School, 'id' | 'name' | 'zone'>;
  /** what permissions.can needs for this item */
  perm: PermissionContext;
}

/** An item and its school; undefined when the number is unknown. */
export async function loadItem(deps: HandlerDeps, id: string): Promise<LoadedItem | undefined> {
  if (!isItemId(id)) return undefined;
  const item = await deps.store.getItem(id);
  if (!item) return undefined;
  const s = await deps.store.getSchool(item.school);
  // a school gone from the roster keeps its items: the zone is on the item itself
  const school = {
    id: item.school,
    name: s?.name ?? zh.domain.goneSchool,
    zone: s?.zone ?? item.zone,
  };
  return { item, school, perm: { school, raisedBy: item.supervisor } };
}

const verbFor: Partial<Record<TransitionAction, string>> = zh.handlers.refusal.verbs;
const verbOf = (action: TransitionAction) => verbFor[action] ?? actionNames[action];

/**
 * The reply to a refused transition, from the refusal code and the item's *current* state, so
 * the loser of a race learns what happened ("ZG-21 已被退回，请刷新后重试").
 */
export function refusalMessage(r: TransitionRefusal, action: TransitionAction, id: string): string {
  if (r.code === 'unknown_item') return unknownItemMessage(id);
  const item = r.item;
  if (r.code === 'no_pending_extension') return zh.handlers.refusal.noPendingExtension(id);
  const state = item.status;
  if (state === 'closed') {
    if (action === 'close' || action === 'reject') return zh.handlers.refusal.closedNoRecheck(id);
    return zh.handlers.refusal.closed(id, verbOf(action));
  }
  if (action === 'acknowledge' && state !== 'open')
    return zh.handlers.refusal.alreadyAcknowledged(id, statusNames[state]);
  if (
    (action === 'done' || action === 'progress' || action === 'request_extension') &&
    state === 'submitted'
  ) {
    return zh.handlers.refusal.awaitingRecheck(id);
  }
  if ((action === 'close' || action === 'reject') && state === 'open')
    return zh.handlers.refusal.sentBack(id);
  if (action === 'close' || action === 'reject')
    return zh.handlers.refusal.notSubmitted(id, statusNames[state]);
  if (action === 'reopen') return zh.handlers.refusal.notClosed(id, statusNames[state]);
  return zh.handlers.refusal.other(id, statusNames[state], verbOf(action));
}

/** Soonest deadline first, then by number. */
export function byDeadline(a: Item, b: Item): number {
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
  return byIdNumber(a.id, b.id);
}

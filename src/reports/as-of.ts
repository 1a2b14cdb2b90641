import type { HistoryEvent, Item, ItemStatus } from '../domain/records.js';

/**
 * An item as it stood at a past instant, replayed from its history: the month's workbook dates its
 * 通报 at the month's end and carries over what was still open when the month began, whenever it
 * is exported. `instant` is an ISO time; events at or before it count.
 */

/** The status at `instant`, or undefined when the item did not exist yet. */
export function statusAt(item: Item, history: HistoryEvent[], instant: string): ItemStatus | undefined {
  if (item.createdAt > instant) return undefined;
  let status: ItemStatus = 'open';
  for (const e of history) {
    if (e.at > instant) break;
    if (e.to) status = e.to;
  }
  return status;
}

/**
 * The deadline as first set: the deadline an approved extension replaced first (recorded on the
 * event since extensions recorded it), else the current one (never extended, or extended before
 * the previous deadline was recorded: then the first one is not known and the current one stands).
 */
export function originalDeadline(item: Item, history: HistoryEvent[]): string {
  const first = history.find((e) => e.action === 'approve_extension' && e.previousDeadline);
  return first?.previousDeadline ?? item.deadline;
}

/** The deadline in force at `instant`: the original, moved by each extension approved by then. */
export function deadlineAt(item: Item, history: HistoryEvent[], instant: string): string {
  let deadline = originalDeadline(item, history);
  for (const e of history) {
    if (e.at > instant) break;
    if (e.action === 'approve_extension' && e.until) deadline = e.until;
  }
  return deadline;
}

/** Whether the item was open at some time in [from, to]: open at `from`, or reopened inside. */
export function openDuring(item: Item, history: HistoryEvent[], from: string, to: string): boolean {
  if (item.createdAt > to) return false;
  const at = statusAt(item, history, from);
  if (at !== undefined && at !== 'closed') return true;
  if (item.createdAt >= from) return true; // created inside: open from its creation
  return history.some((e) => e.at >= from && e.at <= to && e.to !== undefined && e.to !== 'closed');
}

import type { Card } from '../src/domain/card.js';
import type { HandlerResult } from '../src/domain/reply.js';
import type { Person } from '../src/domain/roster.js';
import { groupSummaryCard, type Paging } from '../cards/item-list.js';
import { toOrigin, toPerson } from './common.js';
import type { HandlerDeps } from './types.js';

/**
 * Answer a look-up. In a direct chat: the details in place. In a group chat (others read it, a
 * principal of another school among them): counts and item numbers only there, the details to
 * the asker by direct message.
 *
 * `ids` are the numbers the group reads; `about` the items the answer acts on (an item's detail
 * with its buttons): a later change of one redraws it, and its sends are recorded on them. A list
 * or a record names items without being about them: recorded on each, a supervisor's 待办 asked
 * 50 times would push the principal's notice out of the item's newest 50 deliveries (and cost
 * Redis a delivery per listed item: issue 18's soak).
 */
export function answerPrivately(
  deps: HandlerDeps,
  actor: Person,
  o: { title: string; ids: string[]; detail: Card; group?: Card; paging?: Paging; about?: string[] },
): HandlerResult {
  if (!deps.isGroup) return { replies: [toOrigin(o.detail, o.about)] };
  return {
    replies: [
      toOrigin(
        o.group ??
          groupSummaryCard({ title: o.title, ids: o.ids, paging: o.paging, detailsSentPrivately: true }),
      ),
      toPerson(actor.id, o.detail, `dm-${actor.id}`, o.about),
    ],
  };
}

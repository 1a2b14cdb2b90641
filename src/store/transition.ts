import type { RedisClient } from '../redis/connect.js';
import type { HistoryEvent, ItemStatus } from '../domain/records.js';
import { lifecycle, type TransitionAction } from '../domain/lifecycle.js';
import { dayNumber, isDay } from '../domain/day.js';
import type { TransitionInput, TransitionResult } from './store.js';
import type { Keys } from './keys.js';
import { loadScript } from './script.js';
import { decodeItem, pairs } from './codec.js';
import { itemNumber } from '../domain/ids.js';

const transitionScript = loadScript('transition', 'item-own-fields');
/** The audit stream keeps about this many entries (XADD MAXLEN ~). */
export const AUDIT_MAXLEN = 100_000;

/**
 * One atomic state change (lua/transition.lua). The lifecycle rule is passed in from
 * src/domain/lifecycle.ts, so the script holds no business rule of its own.
 */
export function transitionStore(redis: RedisClient, k: Keys) {
  return async function transition(input: TransitionInput): Promise<TransitionResult> {
    if (input.action === 'create') throw new Error('transition: items are created by createRecord');
    const action: TransitionAction = input.action;
    const n = itemNumber(input.item);
    if (n === undefined) return { ok: false, code: 'unknown_item' };
    if (input.until !== undefined && !isDay(input.until))
      throw new Error(`transition: bad until ${input.until}`);
    if (action === 'request_extension' && !input.until)
      throw new Error('transition: request_extension needs until');

    const rule = lifecycle[action];
    const event: HistoryEvent = {
      at: input.now.toISOString(),
      actor: input.actor,
      action,
      source: input.source,
    };
    if (input.note) event.note = input.note;
    if (input.attachments?.length) event.attachments = input.attachments;
    if (
      input.until &&
      (action === 'request_extension' || action === 'approve_extension' || action === 'reject')
    ) {
      event.until = input.until;
    }
    const keys = [
      k.item(n),
      k.itemHistory(n),
      k.itemSources(n),
      k.audit,
      k.openByDeadline,
      k.itemExtReason(n),
      k.itemText(n),
    ];
    const reason = action === 'request_extension' ? (input.note ?? '') : '';
    const args = [
      n,
      action,
      rule.from.join(','),
      rule.to,
      rule.needsPending ? '1' : '0',
      `${input.source.platform}:${input.source.messageId}`,
      JSON.stringify(event),
      event.at,
      input.until ?? '',
      input.until ? dayNumber(input.until) : '',
      reason,
      input.actor,
      input.attachments?.length ?? 0,
      AUDIT_MAXLEN,
    ];
    const res = (await transitionScript.run(redis, keys, args)) as unknown[];
    const code = String(res[0]);
    if (code === 'unknown_item') return { ok: false, code };
    const item = decodeItem(n, pairs(res[7]), String(res[5]), String(res[6]));
    if (!item) return { ok: false, code: 'unknown_item' };
    if (code === 'bad_state' || code === 'no_pending_extension') return { ok: false, code, item };
    return {
      ok: true,
      item,
      event: JSON.parse(String(res[4])) as HistoryEvent,
      from: String(res[1]) as ItemStatus,
      to: String(res[2]) as ItemStatus,
      duplicate: code === 'duplicate',
      seq: Number(res[3]),
    };
  };
}

// A decrypted DingTalk event (HTTP event subscription, crypto.ts) → what to do with it.
//
// Every event is JSON with an `EventType` (official library README: "根据EventType分类处理";
// DingCallbackCrypto3.py's test vector decrypts to {"EventType":"check_url"}). `check_url` is the
// URL check sent when the subscription is saved. A card click delivered as an event (it carries
// outTrackId and the cardPrivateData content, like the card callback) becomes an InboundAction;
// every other event (contacts, approvals, ...) is acknowledged with "success" and ignored — dudao
// subscribes to none of them, and an unanswered event would only be retried.

import { DecodeError, type Decoded } from '../decoded.js';
import { decodeCardCallback } from './decode-card.js';

export function decodeEvent(plaintext: string, now: Date): Decoded {
  let ev: unknown;
  try {
    ev = JSON.parse(plaintext);
  } catch {
    throw new DecodeError('event JSON does not parse');
  }
  if (typeof ev !== 'object' || ev === null || Array.isArray(ev))
    throw new DecodeError('event is not a JSON object');
  const o = ev as Record<string, unknown>;
  const type = typeof o['EventType'] === 'string' ? o['EventType'] : undefined;
  if (type === 'check_url') return { kind: 'ignore', reason: 'check_url' };
  if (
    typeof o['outTrackId'] === 'string' &&
    (typeof o['content'] === 'string' || typeof o['value'] === 'string')
  ) {
    return decodeCardCallback(o, now);
  }
  return { kind: 'ignore', reason: `event ${type ?? '?'}` };
}

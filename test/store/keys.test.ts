// Every Redis key is built in src/store/keys.ts, and its strings are data on disk: a deployment
// upgraded in place must read what the earlier version wrote. This pins every builder's output
// for the deployment's prefix, escaping included; a failing line here is a migration to write,
// not a test to update. A new key adds its line.

import { describe, expect, it } from 'vitest';
import {
  keyPart,
  makeKeys,
  orderKeys,
  outboundKeys,
  overflowKeys,
  signatureKey,
  signaturePrefix,
  simClockKey,
  simConversationKey,
} from '../../src/store/keys.js';

function built(): Record<string, string> {
  const P = '{dudao}';
  const k = makeKeys(P) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(k)) {
    if (typeof v === 'string') out[`store.${name}`] = v;
    else if (typeof v === 'function')
      out[`store.${name}`] = (v as (...a: string[]) => string)(
        ...Array.from({ length: v.length }, (_, i) => ['wecom', 'a:b 张'][i] ?? 'x'),
      );
  }
  const o = outboundKeys(P) as Record<string, (...a: string[]) => string>;
  out['outbound.token'] = o.token!('wecom', 'app:1');
  out['outbound.ledger'] = o.ledger!('j-out:1');
  out['outbound.legacyRecorded'] = o.legacyRecorded!('j-out:1');
  out['outbound.legacyCardRefs'] = o.legacyCardRefs!('ZG-21');
  out['outbound.cardState'] = o.cardState!('ref:1');
  out['outbound.usedOnce'] = o.usedOnce!('response_code', 'code-1');
  out['outbound.legacyUsedSet'] = o.legacyUsedSet!('response_url');
  out['outbound.rate'] = o.rate!('robot', 'a b');
  out['outbound.simOut'] = o.simOut!('dm:p-wang');
  out['order.seq'] = orderKeys(P).seq;
  out['order.chat'] = orderKeys(P).chat('p|li');
  out['overflow.gen'] = overflowKeys(P).gen('p-li');
  out['overflow.batchBase'] = overflowKeys(P).batchBase('p-li');
  out['overflow.batch'] = overflowKeys(P).batch('p-li', 7);
  out.signature = signatureKey(P, { channel: 'wecom-bot', timestamp: '1700000000', sign: 'abc' });
  out.signaturePrefix = signaturePrefix(P);
  out.simClock = simClockKey(P);
  out.simConversation = simConversationKey(P, 'group:c 1');
  out.keyPart = keyPart('a:b 张/+=@._-');
  return out;
}

const PINNED: Record<string, string> = {
  'store.prefix': '{dudao}',
  'store.recordBase': '{dudao}:dd:',
  'store.itemBase': '{dudao}:zg:',
  'store.textSuffix': ':t',
  'store.rosterVersion': '{dudao}:r:ver',
  'store.schools': '{dudao}:r:schools',
  'store.people': '{dudao}:r:people',
  'store.zones': '{dudao}:r:zones',
  'store.chats': '{dudao}:r:chats',
  'store.chatsBound': '{dudao}:r:chats:bound',
  'store.plan': '{dudao}:r:plan',
  'store.platformIndex': '{dudao}:r:pid:wecom',
  'store.lastPlatform': '{dudao}:r:last',
  'store.recordSeq': '{dudao}:seq:dd',
  'store.itemSeq': '{dudao}:seq:zg',
  'store.record': '{dudao}:dd:wecom',
  'store.recordText': '{dudao}:dd:wecom:t',
  'store.recordEvidence': '{dudao}:dd:wecom:a',
  'store.recordBySource': '{dudao}:src:wecom:a:b 张',
  'store.item': '{dudao}:zg:wecom',
  'store.itemText': '{dudao}:zg:wecom:t',
  'store.itemHistory': '{dudao}:zg:wecom:h',
  'store.itemSources': '{dudao}:zg:wecom:m',
  'store.itemExtReason': '{dudao}:zg:wecom:x',
  'store.itemDeliveries': '{dudao}:zg:wecom:d',
  'store.audit': '{dudao}:audit',
  'store.openByDeadline': '{dudao}:ix:open',
  'store.itemRangesBySchool': '{dudao}:ix:ir:sch:wecom',
  'store.itemRangesByZone': '{dudao}:ix:ir:zone:wecom',
  'store.itemRangesBySupervisor': '{dudao}:ix:ir:sup:wecom',
  'store.legacyItemsBySchool': '{dudao}:ix:sch:wecom',
  'store.legacyItemsByZone': '{dudao}:ix:zone:wecom',
  'store.legacyItemsBySupervisor': '{dudao}:ix:sup:wecom',
  'store.recordsByDate': '{dudao}:ix:rd',
  'store.recordsBySchool': '{dudao}:ix:rsch:wecom',
  'store.recordsByZone': '{dudao}:ix:rzone:wecom',
  'store.recordsBySupervisor': '{dudao}:ix:rsup:wecom',
  'store.evidenceTarget': '{dudao}:ev:wecom',
  'store.evidenceSeen': '{dudao}:evs:wecom:a:b 张',
  'store.once': '{dudao}:once:wecom:a:b 张',
  'store.senderBucket': '{dudao}:rl:in:wecom',
  'store.senderDecision': '{dudao}:rl:in:d:wecom',
  'store.boardSecret': '{dudao}:board:secret',
  'outbound.token': '{dudao}:tok:wecom:app%3a1',
  'outbound.ledger': '{dudao}:out:sent:j-out%3a1',
  'outbound.legacyRecorded': '{dudao}:out:rec:j-out%3a1',
  'outbound.legacyCardRefs': '{dudao}:out:cards:ZG-21',
  'outbound.cardState': '{dudao}:out:cardstate:ref%3a1',
  'outbound.usedOnce': '{dudao}:out:used:response_code:51bd6639fed7c0b4826af6c06bfe4f4c',
  'outbound.legacyUsedSet': '{dudao}:out:used:response_url',
  'outbound.rate': '{dudao}:rl:robot:a%20b',
  'outbound.simOut': '{dudao}:sim:out:dm%3ap-wang',
  'order.seq': '{dudao}:order:seq',
  'order.chat': '{dudao}:order:p%7cli',
  'overflow.gen': '{dudao}:ov:g:p-li',
  'overflow.batchBase': '{dudao}:ov:b:p-li:',
  'overflow.batch': '{dudao}:ov:b:p-li:7',
  signature: '{dudao}:sig:wecom-bot:2c60e00027ca37f89324a387598b68ac',
  signaturePrefix: '{dudao}:sig:',
  simClock: '{dudao}:sim:clock',
  simConversation: '{dudao}:sim:out:group%3ac%201',
  keyPart: 'a%3ab%20%5f20%2f+=@._-',
};

describe('the Redis keys', () => {
  it('are the strings earlier versions wrote, for every builder', () => {
    expect(built()).toEqual(PINNED);
  });
});

// The human ids, in one place: a rectification item is `ZG-<n>`, a visit record `DD-<n>`, n counted
// from 1 by the store (a Redis counter each). Everything that builds, checks, reads the number of,
// or orders these ids goes through here; the parser's readings of what people type (`zg12`, `#12`,
// `ZG十二`) end in `itemId`/`recordId` too (src/parser/item-number.ts).

const ITEM_PREFIX = 'ZG-';
const RECORD_PREFIX = 'DD-';
/** `ZG-` and digits: what the parser prints, what a click must carry (commandSchema checks it). */
export const ITEM_ID = /^ZG-\d+$/;
export const RECORD_ID = /^DD-\d+$/;
// what the store reads: at most 12 digits (its sorted-set scores stay exact), the prefix optional
const STORED_ITEM = /^(?:ZG-)?(\d{1,12})$/;
const STORED_RECORD = /^(?:DD-)?(\d{1,12})$/;

export const itemId = (n: number | string) => ITEM_PREFIX + n;
export const recordId = (n: number | string) => RECORD_PREFIX + n;

export const isItemId = (id: string) => ITEM_ID.test(id);
export const isRecordId = (id: string) => RECORD_ID.test(id);

/** 'ZG-21' → 21; also the bare number. undefined when it is no item id the store could have issued. */
export function itemNumber(id: string): number | undefined {
  const m = STORED_ITEM.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** 'DD-7' → 7; also the bare number. undefined when it is no record id the store could have issued. */
export function recordNumber(id: string): number | undefined {
  const m = STORED_RECORD.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** The number of a well-formed id of either kind: 'ZG-21' → 21, 'DD-7' → 7. */
export const idNumber = (id: string) => Number(id.slice(id.indexOf('-') + 1));

/** Ids of one kind in number order: ZG-9 before ZG-10. */
export const byIdNumber = (a: string, b: string) => idNumber(a) - idNumber(b);

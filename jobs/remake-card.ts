import type { Card, CardRemake } from '../src/domain/card.js';
import type { FullStore } from '../src/store/store.js';
import { rectificationNoticeCard } from '../cards/rectification-notice.js';

/** The store reads a card's remake needs. */
export type RemakeStore = Pick<FullStore, 'getItem' | 'getRecord' | 'getSchool' | 'getPerson'>;

/**
 * A sent card made again from the store (a V3 card reference keeps only `remake`:
 * src/platforms/card-ref-codec.ts), by the builder that made it first, from the item as it is
 * now: a new deadline, a corrected text show as they are, as they would on a card sent now. The
 * buttons are the builder's, as first sent (the card's update takes away those no longer valid:
 * cards/card-update.ts). undefined when what it showed is gone (the item or its record wiped).
 */
export async function remakeCard(store: RemakeStore, r: CardRemake): Promise<Card | undefined> {
  switch (r.builder) {
    case 'rectification_notice': {
      const item = await store.getItem(r.item);
      if (!item) return undefined;
      const [record, school] = await Promise.all([
        store.getRecord(item.record),
        store.getSchool(item.school),
      ]);
      if (!record) return undefined;
      const supervisor = await store.getPerson(record.supervisor);
      // as handlers/submit-record.ts made it: the school's name, the submitter's name, the item's
      // place among the record's items (all of one school)
      const n = record.items.indexOf(item.id);
      return rectificationNoticeCard({
        record,
        item,
        schoolName: school?.name ?? item.school,
        supervisorName: supervisor?.name ?? record.supervisor,
        ...(n >= 0 ? { position: { n: n + 1, of: record.items.length } } : {}),
      });
    }
  }
}

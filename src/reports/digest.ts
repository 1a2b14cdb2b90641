import type { WorkCalendar } from '../domain/calendar.js';
import type { Store } from '../store/store.js';
import type { ReportScope } from './scope.js';
import { digestFromSnapshot, type DigestReport } from './build-digest.js';
import { loadSnapshot } from './snapshot.js';

export interface DigestInput {
  /** the morning the digest is for */
  date: string;
  scope: ReportScope;
  timezone: string;
  /** how many overdue items to name at least (the worst first) */
  worst?: number;
  /** ESCALATE_AFTER_WORKDAYS (3 when not given) */
  escalateAfterWorkdays?: number;
}

/**
 * The daily digest's numbers (日报) for a scope: the days from the last working day before `date`
 * up to date − 1 (on a Monday: Friday to Sunday) and the state at the start of `date`. The same
 * numbers whether the scheduled job sends it at DIGEST_TIME or a leader asks with 日报 later; see
 * build-digest.ts. Kept with this signature for handlers/digest-now.ts.
 */
export async function buildDigest(
  store: Store,
  calendar: WorkCalendar,
  i: DigestInput,
): Promise<DigestReport> {
  const deps = {
    calendar,
    timeZone: i.timezone,
    escalateAfterWorkdays: i.escalateAfterWorkdays ?? 3,
    worst: i.worst,
  };
  return digestFromSnapshot(await loadSnapshot(store, i.date, deps), i.scope, deps);
}

export type { DigestReport };

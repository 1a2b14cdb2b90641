import { readFileSync } from 'node:fs';
import type { Logger } from '../log.js';
import type { RosterImportResult, RosterStore } from '../store/store.js';
import { normalizeJsonRoster } from './load.js';

/** The built-in demo district (examples/roster.json), for the simulator and a first `npm start`. */
export const DEMO_ROSTER_URL = new URL('../../examples/roster.json', import.meta.url);

/**
 * Import the demo roster when the store has no school yet; an office's own roster is never
 * touched. Returns what was imported, or undefined when a roster was already there.
 */
export async function ensureDemoRoster(
  store: RosterStore,
  log: Logger,
): Promise<RosterImportResult | undefined> {
  if ((await store.listSchools()).length > 0) return undefined;
  const r = normalizeJsonRoster(JSON.parse(readFileSync(DEMO_ROSTER_URL, 'utf8')), { year: 2026 });
  if (!r.ok) throw new Error(`demo roster is invalid: ${r.errors.map((e) => e.text).join('; ')}`);
  const result = await store.importRoster(r.roster);
  log.info({ schools: result.schools.added, people: result.people.added }, 'demo roster imported');
  return result;
}

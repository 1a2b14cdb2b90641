import { readFileSync } from 'node:fs';
import type { Roster } from '../domain/roster.js';
import type { Logger } from '../log.js';
import type { RosterImportResult, RosterStore } from '../store/store.js';
import { normalizeJsonRoster } from './load.js';

/** The built-in demo district (examples/roster.json), for the simulator and a first `npm start`. */
export const DEMO_ROSTER_URL = new URL('../../examples/roster.json', import.meta.url);

/** The demo district, read and checked as an import would. */
export function loadDemoRoster(): Roster {
  const r = normalizeJsonRoster(JSON.parse(readFileSync(DEMO_ROSTER_URL, 'utf8')), { year: 2026 });
  if (!r.ok) throw new Error(`demo roster is invalid: ${r.errors.map((e) => e.text).join('; ')}`);
  return r.roster;
}

/**
 * Import the demo roster when the store has no school yet; an office's own roster is never
 * touched. Returns what was imported, or undefined when a roster was already there.
 */
export async function ensureDemoRoster(
  store: RosterStore,
  log: Logger,
): Promise<RosterImportResult | undefined> {
  if ((await store.listSchools()).length > 0) return undefined;
  const result = await store.importRoster(loadDemoRoster());
  log.info({ schools: result.schools.added, people: result.people.added }, 'demo roster imported');
  return result;
}

/**
 * Is what the store holds the demo district (or nothing)? Every school is one of the demo's. An
 * office that imported its own names to train on them has other schools, and a reset must not
 * replace them with the demo's.
 */
export function isDemoDistrict(schoolIds: readonly string[], demo: Roster = loadDemoRoster()): boolean {
  const ids = new Set(demo.schools.map((s) => s.id));
  return schoolIds.every((id) => ids.has(id));
}

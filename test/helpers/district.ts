// Test districts. Every district a test stands on is built by `buildDistrict` from the fields that
// matter to it (the roster schema fills the rest as an import would: 公办, active, no short names,
// not full-time, no zones), or is the demo district that `npm start` imports. Each district is
// named after what it is for and documented where it is declared, so a test's names can be read
// next to it.

import { readFileSync } from 'node:fs';
import { type Roster, rosterSchema } from '../../src/domain/roster.js';
import { DEMO_ROSTER_URL } from '../../src/roster/demo.js';
import { normalizeJsonRoster } from '../../src/roster/load.js';
import { createStore } from '../../src/store/redis-store.js';
import type { FullStore } from '../../src/store/store.js';
import type { RedisClient } from '../../src/redis/connect.js';
import { DEFAULT_PREFIX } from '../../src/queue/names.js';
import type { z } from 'zod';

export type DistrictInput = z.input<typeof rosterSchema>;

/** A roster from what a test names; everything else as an import would leave it. */
export const buildDistrict = (d: DistrictInput): Roster => rosterSchema.parse(d);

/** The demo district (examples/roster.json), normalised as `npm start` and `npx dudao import` do. */
export function demoRoster(): Roster {
  const r = normalizeJsonRoster(JSON.parse(readFileSync(DEMO_ROSTER_URL, 'utf8')), { year: 2026 });
  if (!r.ok) throw new Error('demo roster invalid');
  return r.roster;
}

/** Import the demo district through the store API, under the service's prefix (faster than `dudao import`). */
export async function importDemoRoster(redis: RedisClient): Promise<FullStore> {
  const store = createStore(redis, DEFAULT_PREFIX);
  await store.importRoster(demoRoster());
  return store;
}

import { rm } from 'node:fs/promises';
import type { Runtime } from '../runtime.js';
import { simActive } from '../config.js';
import { queueNames } from '../queue/names.js';
import { makeKeys, orderKeys, outboundKeys, signaturePrefix } from '../store/keys.js';
import { createStore } from '../store/redis-store.js';
import { wipeExcept } from '../store/wipe.js';
import { mediaDir } from '../platforms/sim/media.js';
import { isDemoDistrict, loadDemoRoster } from '../roster/demo.js';

/** What 重置演示数据 did, for the page to say. */
export interface DemoResetResult {
  /** visit records and rectification items there had been (all gone now) */
  records: number;
  items: number;
  /** the demo district as loaded again */
  schools: number;
  people: number;
}

/** Why a reset was refused: the simulator is not on, or the roster is an office's own. */
export class DemoResetRefused extends Error {
  constructor(readonly reason: 'not_sim' | 'not_demo_roster') {
    super(`demo reset refused: ${reason}`);
    this.name = 'DemoResetRefused';
  }
}

/**
 * The simulator's 重置演示数据 (docs/spec/interfaces.md → HTTP routes; src/platforms/sim/README.md):
 * back to a fresh demo district for the next training round. Every visit record, item, index,
 * history, card and delivery note, once-only claim (so the next 8:30 digest goes out again), sim
 * conversation and sim picture goes, the roster too (bindings made with 绑定本群 included), and
 * the demo roster is imported again. What stays: the queues (BullMQ's keys: the daily and monthly
 * schedules live there), the reply-order counters and locks of jobs in flight, the signature
 * replay claims, platform tokens, the board's signing secret and the roster version (it only
 * grows, so every process's roster cache sees the new roster).
 *
 * Refused unless the simulator is on — which it never is beside a real platform (simActive) —
 * and unless the roster is the demo district: an office training on its own names keeps them.
 */
export async function resetDemoDistrict(
  rt: Pick<Runtime, 'config' | 'redis' | 'prefix' | 'log'>,
): Promise<DemoResetResult> {
  if (!simActive(rt.config)) throw new DemoResetRefused('not_sim');
  const store = createStore(rt.redis, rt.prefix);
  const demo = loadDemoRoster();
  const schoolIds = (await store.listSchools()).map((s) => s.id);
  if (!isDemoDistrict(schoolIds, demo)) throw new DemoResetRefused('not_demo_roster');
  const k = makeKeys(rt.prefix);
  const keep = [
    ...queueNames.map((q) => `${rt.prefix}:${q}:`),
    orderKeys(rt.prefix).chat(''),
    k.once('lock', ''),
    signaturePrefix(rt.prefix),
    outboundKeys(rt.prefix).token('wecom', ''),
    outboundKeys(rt.prefix).token('dingtalk', ''),
    k.boardSecret,
    k.rosterVersion,
  ];
  const wiped = await wipeExcept(rt.redis, rt.prefix, keep);
  await rm(mediaDir(rt.config.DATA_DIR), { recursive: true, force: true });
  const imported = await store.importRoster(demo);
  rt.log.info(
    { keys: wiped.keys, records: wiped.records, items: wiped.items, people: imported.people.added },
    'simulator: demo district reset',
  );
  return {
    records: wiped.records,
    items: wiped.items,
    schools: demo.schools.length,
    people: demo.people.length,
  };
}

import type { RedisClient } from '../redis/connect.js';
import type { Platform } from '../domain/inbound.js';
import {
  personSchema,
  schoolSchema,
  type Chat,
  type Person,
  type PlanEntry,
  type Roster,
  type School,
  type Zone,
} from '../domain/roster.js';
import type { RosterImportResult, RosterStore } from './store.js';
import type { Keys } from './keys.js';
import { compareNatural } from '../domain/natural-order.js';

type Counts = RosterImportResult['schools'];
const chatKey = (c: Pick<Chat, 'platform' | 'chatId'>) => `${c.platform}|${c.chatId}`;

/** Same fields and values, whatever the order HGETALL returns them in. */
function sameTable(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((key) => b[key] === a[key]);
}

function parseAll<T>(h: Record<string, string>): T[] {
  return Object.values(h).map((v) => JSON.parse(v) as T);
}

/**
 * Compare the stored table with the new one: new entries are added, changed ones updated, and
 * entries missing from the new table are kept but deactivated (history keeps their names).
 */
function diff<T extends { id: string; active: boolean }>(old: Record<string, string>, next: T[]) {
  const counts: Counts = { added: 0, updated: 0, deactivated: 0, unchanged: 0 };
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const e of next) {
    const json = JSON.stringify({ ...e, active: true });
    seen.add(e.id);
    out[e.id] = json;
    if (old[e.id] === undefined) counts.added++;
    else if (old[e.id] === json) counts.unchanged++;
    else counts.updated++;
  }
  for (const [id, json] of Object.entries(old)) {
    if (seen.has(id)) continue;
    const prev = JSON.parse(json) as T;
    if (prev.active) {
      counts.deactivated++;
      out[id] = JSON.stringify({ ...prev, active: false });
    } else {
      counts.unchanged++;
      out[id] = json;
    }
  }
  return { counts, out };
}

/** Five tries and the roster changed under each (another import at the same moment). */
export class RosterBusyError extends Error {
  constructor() {
    super('importRoster: the roster kept changing during the import; try again');
    this.name = 'RosterBusyError';
  }
}

export function rosterStore(shared: RedisClient, k: Keys): RosterStore {
  const redis = shared;
  async function importOnce(
    redis: RedisClient,
    roster: Roster,
    dryRun: boolean,
  ): Promise<RosterImportResult | null> {
    await redis.watch(k.rosterVersion, k.schools, k.people, k.zones, k.chats, k.plan);
    try {
      const [oldSchools, oldPeople, oldZones, oldChats, oldPlan] = await Promise.all([
        redis.hgetall(k.schools),
        redis.hgetall(k.people),
        redis.hgetall(k.zones),
        redis.hgetall(k.chats),
        redis.get(k.plan),
      ]);
      // normalise through the schemas so defaults are filled in the same way as stored entries
      const schools = diff(
        oldSchools,
        roster.schools.map((s) => schoolSchema.parse(s)),
      );
      const people = diff(
        oldPeople,
        roster.people.map((p) => personSchema.parse(p)),
      );
      const zones: Record<string, string> = {};
      for (const z of roster.zones) zones[z.id] = JSON.stringify({ id: z.id, name: z.name });
      const chats: Record<string, string> = {};
      for (const c of roster.chats) chats[chatKey(c)] = JSON.stringify(c);
      const plan = JSON.stringify(roster.plan);
      const changed =
        schools.counts.added +
          schools.counts.updated +
          schools.counts.deactivated +
          people.counts.added +
          people.counts.updated +
          people.counts.deactivated >
          0 ||
        !sameTable(zones, oldZones) ||
        !sameTable(chats, oldChats) ||
        plan !== (oldPlan ?? '[]');
      const result: RosterImportResult = {
        dryRun,
        schools: schools.counts,
        people: people.counts,
        chats: roster.chats.length,
        plan: roster.plan.length,
      };
      if (dryRun || !changed) {
        await redis.unwatch();
        return result;
      }
      // platform id → person: inactive first, so an active person reusing an id wins
      const ordered = Object.values(people.out)
        .map((j) => JSON.parse(j) as Person)
        .sort((a, b) => Number(a.active) - Number(b.active));
      const wecom: Record<string, string> = {};
      const dingtalk: Record<string, string> = {};
      for (const p of ordered) {
        if (p.wecomId) wecom[p.wecomId] = p.id;
        if (p.dingtalkId) dingtalk[p.dingtalkId] = p.id;
      }
      const m = redis.multi();
      m.del(k.schools, k.people, k.zones, k.chats, k.platformIndex('wecom'), k.platformIndex('dingtalk'));
      if (Object.keys(schools.out).length) m.hset(k.schools, schools.out);
      if (Object.keys(people.out).length) m.hset(k.people, people.out);
      if (Object.keys(zones).length) m.hset(k.zones, zones);
      if (Object.keys(chats).length) m.hset(k.chats, chats);
      if (Object.keys(wecom).length) m.hset(k.platformIndex('wecom'), wecom);
      if (Object.keys(dingtalk).length) m.hset(k.platformIndex('dingtalk'), dingtalk);
      // a chat listed in the file supersedes an earlier 绑定本群 of the same chat
      if (Object.keys(chats).length) m.hdel(k.chatsBound, ...Object.keys(chats));
      m.set(k.plan, plan);
      m.incr(k.rosterVersion);
      const done = await m.exec();
      return done === null ? null : result; // null: someone else changed the roster meanwhile
    } catch (e) {
      await redis.unwatch();
      throw e;
    }
  }

  return {
    async importRoster(roster, opts = {}) {
      // WATCH belongs to a connection: a private one, so other users of the shared connection
      // cannot reset it with their own EXEC between our read and our write
      const conn = shared.duplicate() as RedisClient;
      try {
        for (let attempt = 0; attempt < 5; attempt++) {
          const r = await importOnce(conn, roster, opts.dryRun ?? false);
          if (r) return r;
        }
      } finally {
        await conn.quit().catch(() => conn.disconnect());
      }
      throw new RosterBusyError();
    },
    async getPerson(id) {
      const v = await redis.hget(k.people, id);
      return v ? (JSON.parse(v) as Person) : undefined;
    },
    async findPerson(platform: Platform, platformUserId: string) {
      // the simulator speaks as roster people directly
      const id =
        platform === 'sim' ? platformUserId : await redis.hget(k.platformIndex(platform), platformUserId);
      if (!id) return undefined;
      const v = await redis.hget(k.people, id);
      return v ? (JSON.parse(v) as Person) : undefined;
    },
    async listPeople() {
      return parseAll<Person>(await redis.hgetall(k.people)).sort((a, b) => a.id.localeCompare(b.id));
    },
    async getSchool(id) {
      const v = await redis.hget(k.schools, id);
      return v ? (JSON.parse(v) as School) : undefined;
    },
    async listSchools() {
      return parseAll<School>(await redis.hgetall(k.schools)).sort((a, b) => a.id.localeCompare(b.id));
    },
    async listZones() {
      // in the order an office lists them (第一…第四责任区), not by the ids' hashes
      return parseAll<Zone>(await redis.hgetall(k.zones)).sort((a, b) => compareNatural(a.name, b.name));
    },
    async listChats() {
      const [file, bound] = await Promise.all([redis.hgetall(k.chats), redis.hgetall(k.chatsBound)]);
      return Object.values({ ...file, ...bound }).map((v) => JSON.parse(v) as Chat);
    },
    async bindChat(chat) {
      await redis
        .multi()
        .hset(k.chatsBound, chatKey(chat), JSON.stringify(chat))
        .incr(k.rosterVersion)
        .exec();
    },
    async listPlan() {
      const v = await redis.get(k.plan);
      return v ? (JSON.parse(v) as PlanEntry[]) : [];
    },
    async setLastPlatform(personId, platform) {
      await redis.hset(k.lastPlatform, personId, platform);
    },
    async getLastPlatform(personId) {
      return ((await redis.hget(k.lastPlatform, personId)) ?? undefined) as Platform | undefined;
    },
    async rosterVersion() {
      return Number((await redis.get(k.rosterVersion)) ?? 0);
    },
  };
}

import type { RedisClient } from '../redis/connect.js';
import type { Item, HistoryEvent, VisitRecord } from '../domain/records.js';
import type { School } from '../domain/roster.js';
import type { Platform } from '../domain/inbound.js';
import type { CreateRecordInput, CreateRecordResult } from './store.js';
import { dayNumber } from '../domain/day.js';
import type { Keys } from './keys.js';
import { loadScript } from './script.js';
import { decodeItem, decodeRecord, encodeNewItem, pairs, parseTexts, type RecordTexts } from './codec.js';
import { itemNumber, recordNumber } from '../domain/ids.js';
import { listpackValueLimit } from './listpack-limit.js';
import { zh } from '../text/zh-CN/index.js';

const createScript = loadScript('create-record');
const getItemsScript = loadScript('get-items', 'item-own-fields');
const getRecordsScript = loadScript('get-records');
/** How long a source message id keeps pointing at its record: far longer than any job retry. */
const SOURCE_TTL_SECONDS = 90 * 86_400;

export function recordStore(
  redis: RedisClient,
  k: Keys,
  schoolOf: (id: string) => Promise<School | undefined>,
) {
  async function getItemsByNumber(ns: number[]): Promise<Item[]> {
    if (ns.length === 0) return [];
    const keys = ns.flatMap((n) => [k.item(n), k.itemText(n), k.itemExtReason(n)]);
    const res = (await getItemsScript.run(redis, keys, [])) as unknown[];
    const out: Item[] = [];
    ns.forEach((n, i) => {
      const item = decodeItem(
        n,
        pairs(res[i * 3]),
        (res[i * 3 + 1] as string | null) ?? null,
        (res[i * 3 + 2] as string | null) ?? null,
      );
      if (item) out.push(item);
    });
    return out;
  }

  async function getRecordsByNumber(ns: number[]): Promise<VisitRecord[]> {
    if (ns.length === 0) return [];
    const keys = ns.flatMap((n) => [k.record(n), k.recordText(n), k.recordEvidence(n)]);
    const res = (await getRecordsScript.run(redis, keys, [])) as unknown[];
    const out: VisitRecord[] = [];
    ns.forEach((n, i) => {
      const h = pairs(res[i * 3]);
      const rec = decodeRecord(
        n,
        h,
        parseTexts(h.t ?? (res[i * 3 + 1] as string | null)),
        (res[i * 3 + 2] ?? []) as string[],
      );
      if (rec) out.push(rec);
    });
    return out;
  }

  const getRecordByNumber = async (n: number) => (await getRecordsByNumber([n]))[0];

  return {
    getItemsByNumber,
    getRecordsByNumber,

    async createRecord(input: CreateRecordInput): Promise<CreateRecordResult> {
      const c = input.command;
      const [school, inlineMax] = await Promise.all([schoolOf(c.school.id), listpackValueLimit(redis)]);
      // a text goes into its entity's hash only while the hash stays a listpack (codec.ts)
      const fits = (t: string) => Buffer.byteLength(t) <= inlineMax;
      if (!school) throw new Error(`createRecord: unknown school ${c.school.id}`);
      const now = input.now.toISOString();
      const rec = [
        's',
        school.id,
        'z',
        school.zone,
        'u',
        input.supervisor,
        'd',
        c.date,
        'k',
        c.kind,
        'c',
        now,
        'p',
        input.source.platform,
      ];
      if (c.manner) rec.push('m', c.manner);
      // one JSON string, not hash fields: in the record's hash as `t` when it fits the listpack
      // limit, in its own key when longer (docs/spec/performance.md)
      const texts: RecordTexts = { msg: input.source.messageId };
      if (input.via === 'voice') texts.via = 'voice';
      for (const f of ['topic', 'findings', 'highlights', 'remark'] as const) {
        const v = c[f];
        if (v) texts[f] = v;
      }
      const json = JSON.stringify(texts);
      let recText: string | undefined = json;
      if (fits(json)) {
        rec.push('t', json);
        recText = undefined;
      }
      const items = c.problems.map((pr) => {
        const f = encodeNewItem({
          school: school.id,
          zone: school.zone,
          supervisor: input.supervisor,
          deadline: pr.deadline,
          deadlineSource: pr.deadlineSource,
          now,
        });
        const inline = fits(pr.text);
        if (inline) f.push('t', pr.text);
        return { f, text: inline ? undefined : pr.text, dl: dayNumber(pr.deadline) };
      });
      const payload = JSON.stringify({ rec, recText, day: dayNumber(c.date), items });
      const keys = [
        k.recordBySource(input.source.platform, input.source.messageId),
        k.recordSeq,
        k.itemSeq,
        k.openByDeadline,
        k.itemRangesBySchool(school.id),
        k.itemRangesByZone(school.zone),
        k.itemRangesBySupervisor(input.supervisor),
        k.recordsByDate,
        k.recordsBySchool(school.id),
        k.recordsByZone(school.zone),
        k.recordsBySupervisor(input.supervisor),
      ];
      const [created, rn] = (await createScript.run(redis, keys, [
        k.recordBase,
        k.itemBase,
        k.textSuffix,
        payload,
        SOURCE_TTL_SECONDS,
      ])) as [number, number, number];
      const record = await getRecordByNumber(rn);
      if (!record) throw new Error(`createRecord: record ${rn} vanished`);
      const found = await getItemsByNumber(record.items.map((id) => itemNumber(id)!));
      return { record, items: found, created: created === 1 };
    },

    async getRecord(id: string): Promise<VisitRecord | undefined> {
      const n = recordNumber(id);
      return n === undefined ? undefined : getRecordByNumber(n);
    },

    async getItem(id: string): Promise<Item | undefined> {
      const n = itemNumber(id);
      return n === undefined ? undefined : (await getItemsByNumber([n]))[0];
    },

    async getItems(ids: string[]): Promise<Item[]> {
      return getItemsByNumber(ids.map(itemNumber).filter((n): n is number => n !== undefined));
    },

    /** The 'create' event is derived from the item and its record (saves a list per item); the rest is stored. */
    async history(itemId: string): Promise<HistoryEvent[]> {
      const n = itemNumber(itemId);
      if (n === undefined) return [];
      const [h, list] =
        (await redis.pipeline().hmget(k.item(n), 'r', 'u', 'c').lrange(k.itemHistory(n), 0, -1).exec()) ?? [];
      const [r, u, c] = (h?.[1] ?? []) as (string | null)[];
      if (!r) return [];
      const [[platform, inline], texts] = await Promise.all([
        redis.hmget(k.record(r), 'p', 't'),
        redis.get(k.recordText(r)),
      ]);
      const { msg, via } = parseTexts(inline ?? texts);
      const create: HistoryEvent = { at: c ?? '', actor: u ?? '', action: 'create', to: 'open' };
      if (via === 'voice') create.note = zh.domain.createdByVoice;
      if (platform && msg) create.source = { platform: platform as Platform, messageId: msg };
      const rest = ((list?.[1] ?? []) as string[]).map((s) => JSON.parse(s) as HistoryEvent);
      return [create, ...rest];
    },
  };
}

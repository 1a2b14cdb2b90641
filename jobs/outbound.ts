import type { Runtime } from '../src/runtime.js';
import type { Delivery } from '../src/store/store.js';
import { outboundJobSchema, type OutboundJob } from '../src/queue/outbound-job.js';
import { addressKey, cardRefId, type CardRef } from '../src/platforms/outbound.js';
import { recordCardUpdate } from '../src/platforms/card-state.js';
import {
  decodeCardRef,
  decodeRemakeRef,
  encodeCardRefV2,
  encodeCardRefV3,
  type StoredCardRef,
} from '../src/platforms/card-ref-codec.js';
import { remakeCard } from './remake-card.js';
import type { Card } from '../src/domain/card.js';
import type { CardUpdate } from '../src/domain/reply.js';
import { applyCardUpdates, withText, withoutText } from '../cards/card-update.js';
import { isPlatformError } from '../src/platforms/platform-error.js';
import { LEDGER_TTL_S, RECORDED, ledgerOf, loadLedger } from '../src/store/send-ledger.js';
import { JobDeferred, PermanentJobError, type JobContext, type Processor } from './types.js';
import { RateLimitWait } from '../src/platforms/rate-limit.js';
import { outboundDeps, type OutboundDeps, type OutboundOptions } from './outbound-deps.js';
import { resolveTargets } from './outbound-resolve.js';
import { leaveOrder, placeInLine } from '../src/queue/reply-order.js';
import { sendDigest } from './outbound-digest.js';

/**
 * The outbound job: one neutral reply (`send`), a group of them to one recipient (`sends`), a
 * person's notices merged into one message (`digest`, jobs/outbound-digest.ts) or one "this item
 * moved on" (`card_update`).
 *
 * send: resolve the recipient (outbound-resolve.ts), render and send on each address
 * (src/platforms/<p>/send.ts), record a Delivery per item with its outcome, and remember where
 * the cards about each item went (CardRef list) for later updates.
 * card_update: bring every earlier card of the item up to date (update(), below).
 *
 * Exactly once per job: each part the platform confirms is written at once to the job's ledger
 * (src/store/send-ledger.ts: the parts sent and the deliveries recorded); a retried job skips what
 * is there. The ledger is deleted once the job has completed (JobContext.whenCompleted; a re-add
 * of its id is ignored by its deduplication key, src/queue/job-options.ts) and kept 14 days when
 * it failed (a manual retry sends nothing twice). A permanent platform error fails the job
 * for good (PermanentJobError, BullMQ's UnrecoverableError) with the delivery recorded `failed`;
 * a transient one fails the attempt (recorded `failed` only on the last), and BullMQ retries
 * with backoff. dudao_send_failures_total{platform} counts every failed attempt.
 */

/** how long a card's state across updates is kept (card-state.ts) */
const CARD_STATE_TTL_S = 60 * 86_400;

export function createOutboundProcessor(opts: OutboundOptions = {}): Processor {
  const cache = new WeakMap<Runtime, OutboundDeps>();
  return async (data, ctx) => {
    const parsed = outboundJobSchema.safeParse(data);
    if (!parsed.success)
      throw new PermanentJobError(
        `invalid outbound job: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`,
      );
    const deps = outboundDeps(ctx.rt, opts, cache);
    const job = parsed.data;
    if (job.kind === 'card_update') return update(job, deps, ctx);
    if (job.kind === 'digest') return inLine(job.order, ctx, () => sendDigest(job, deps, ctx, sendNow));
    return inLine<unknown>(job.order, ctx, (chatDone) =>
      job.kind === 'sends'
        ? sendParts(job, deps, ctx)
        : sendNow(job, deps, ctx, undefined, { keepRef: true, chatDone }),
    );
  };
}

export const processOutbound: Processor = createOutboundProcessor();

type SendJob = Extract<OutboundJob, { kind: 'send' }>;
type SendsJob = Extract<OutboundJob, { kind: 'sends' }>;

/**
 * How long a reply k places back in its chat's line waits before it looks again: k × this, at
 * most MAX_TURN_WAIT_MS. Only a safety net: the reply before it wakes it when it leaves the line
 * (leaveOrder), and a wake that came while it was still running is caught once it is back
 * (JobContext.defer's wakeIf). What it is for is a wake that never comes (a process killed between
 * leaving and waking). It used to be 2 s × k, at most 30 s: with a principal's notices of many
 * records in one line, every reply looking again that often took the outbound queue's whole rate
 * (its jobs/s limiter counts every fetch): in the 10-minute soak, thousands of ready notices waited
 * behind the looking, and the answers with them.
 */
export const TURN_WAIT_MS = 30_000;
export const MAX_TURN_WAIT_MS = 3_600_000;

/**
 * A reply (a send, a group, a digest) waits its turn in its chat (src/queue/reply-order.ts), and
 * leaves the line when done for good.
 */
async function inLine<R>(
  order: string | undefined,
  ctx: JobContext,
  go: (leaveEarly?: () => Promise<void>) => Promise<R>,
) {
  const { rt } = ctx;
  if (!order) return go();
  const place = await placeInLine(rt.redis, rt.prefix, rt.jobQueues.outbound, order, ctx.jobId);
  if (place > 0)
    return ctx.defer(
      Math.min(TURN_WAIT_MS * place, MAX_TURN_WAIT_MS),
      async () => (await placeInLine(rt.redis, rt.prefix, rt.jobQueues.outbound, order, ctx.jobId)) === 0,
    );
  try {
    const r = await go(() => leaveOrder(rt.redis, rt.prefix, order, ctx.jobId, rt.jobQueues.outbound));
    await leaveOrder(rt.redis, rt.prefix, order, ctx.jobId, rt.jobQueues.outbound);
    return r;
  } catch (e) {
    // a retry (or a wait for a rate-limit slot) keeps its place: the replies after it wait
    if (e instanceof JobDeferred) throw e;
    if (e instanceof PermanentJobError || ctx.attempt + 1 >= ctx.attempts)
      await leaveOrder(rt.redis, rt.prefix, order, ctx.jobId, rt.jobQueues.outbound);
    throw e;
  }
}

/**
 * A group's parts in order (src/queue/outbound-job.ts, `sends`). A part waiting for a rate-limit
 * slot, or failing in a way worth retrying, stops the group there: the job comes back and the
 * parts already sent are skipped (each part's ledger and records are its own). A part refused for
 * good is recorded `failed` and the next parts still go, as separate jobs did; so do they on the
 * job's last attempt, each with its one try.
 */
async function sendParts(job: SendsJob, deps: OutboundDeps, ctx: JobContext) {
  const last = ctx.attempt + 1 >= ctx.attempts;
  let sent = 0;
  const permanent: string[] = [];
  let retryable: unknown;
  for (const [i, p] of job.parts.entries()) {
    const one: SendJob = { kind: 'send', to: job.to, card: p.card, items: p.items, origin: job.origin };
    try {
      // the part's place names its ledger entries (short: they are kept with the job's ledger)
      sent += (await sendNow(one, deps, ctx, `${i}`)).sent;
    } catch (e) {
      if (e instanceof PermanentJobError) permanent.push(e.message);
      else if (last && !(e instanceof JobDeferred)) retryable ??= e;
      else throw e; // a deferral, or a retry: the parts after this one wait for it
    }
  }
  if (retryable) throw retryable;
  if (permanent.length) throw new PermanentJobError(permanent.join('; ').slice(0, 500));
  return { sent, parts: job.parts.length };
}

/**
 * One reply, on each of its recipient's addresses. `part`: its place within a group job, which
 * names its ledger entries, records and platform ids (task_id / outTrackId) apart from the other
 * parts'; absent for a lone reply (the names it always had). `keepRef: false`: the card is never
 * updated (a digest of notices, jobs/outbound-digest.ts), so where it went is not kept on its items.
 */
async function sendNow(
  job: SendJob,
  deps: OutboundDeps,
  ctx: JobContext,
  part?: string,
  o: { keepRef: boolean; chatDone?: () => Promise<void> } = { keepRef: true },
) {
  const { rt } = ctx;
  const now = rt.now();
  const ns = (k: string) => (part === undefined ? k : `${part}|${k}`);
  const last = ctx.attempt + 1 >= ctx.attempts;
  const targets = await resolveTargets(job.to, job.origin, deps.store, rt.config, now);
  const ledgerKey = deps.keys.ledger(ctx.jobId);
  const items = job.items.length ? job.items : [...new Set(job.card.buttons.map((b) => b.item))];
  const known = await loadLedger(rt.redis, ledgerKey);
  ctx.whenCompleted?.(ledgerKey);

  /** one Delivery per (job, address), even across retries: one script call (src/store/lua/record-send.lua) */
  const record = async (f: string, d: Omit<Delivery, 'at' | 'cardKind'>, ref?: CardRef) => {
    const field = ns(f);
    if (known.recorded.has(field)) return;
    await deps.store.recordSend({
      ledger: {
        key: ledgerKey,
        field: RECORDED + field,
        ttlS: LEDGER_TTL_S,
        legacy: { key: deps.keys.legacyRecorded(ctx.jobId), field },
      },
      itemIds: items,
      delivery: { at: now.toISOString(), cardKind: job.card.kind, ...d },
      // where the card went, for card_update, kept in the delivery's entry on each item: the
      // delivery holds its platform and instant (the platform sender set sentAt to `now` too)
      ...(ref && o.keepRef && items.length ? { attachment: keptRef(ref) } : {}),
    });
    known.recorded.add(field);
  };

  let sent = 0;
  let retryable: unknown;
  let deferMs = 0;
  const permanent: string[] = [];
  for (const t of targets) {
    if (!t.address) {
      rt.log.info({ job: ctx.jobId, to: t.to }, `recipient unreachable: ${t.reason}`);
      await record(`unreachable:${t.to}`, {
        to: t.to,
        platform: 'wecom',
        channel: 'none',
        outcome: 'unreachable',
        error: t.reason,
      });
      continue;
    }
    const a = t.address;
    const ak = addressKey(a);
    try {
      const out = await deps.senders[a.platform].send(a, job.card, {
        sendKey: `${ctx.jobId}|${ns(ak)}`,
        ledger: ledgerOf(rt.redis, ledgerKey, ns(ak), known.sent),
        now,
        items,
        ...(job.origin?.cardRef?.cardId ? { inReplyTo: { cardId: job.origin.cardRef.cardId } } : {}),
        ...(o.chatDone ? { chatDone: o.chatDone } : {}),
      });
      await record(
        ak,
        {
          to: t.to,
          platform: out.platform,
          channel: out.channel,
          outcome: 'sent',
          messageId: out.messageIds.join(',') || undefined,
        },
        out.cardRef,
      );
      sent++;
    } catch (e) {
      if (e instanceof RateLimitWait) {
        // not a failure: this address's chat is at its limit; the job comes back for the slot
        deferMs = Math.max(deferMs, e.waitMs);
        continue;
      }
      rt.metrics.sendFailures.inc({ platform: a.platform });
      const perm = isPlatformError(e) && e.kind === 'permanent';
      const code = isPlatformError(e) ? e.code : (e as Error).name;
      const hint = isPlatformError(e) ? e.hint : (e as Error).message.slice(0, 200);
      rt.log.warn(
        {
          job: ctx.jobId,
          platform: a.platform,
          channel: a.channel,
          to: t.to,
          code,
          attempt: ctx.attempt,
          final: perm || last,
        },
        `send failed: ${hint}`,
      );
      if (perm || last)
        await record(ak, {
          to: t.to,
          platform: a.platform,
          channel: a.channel,
          outcome: 'failed',
          error: `${code}: ${hint}`.slice(0, 300),
        });
      if (perm) permanent.push(`${a.channel} ${code}`);
      else retryable ??= e;
    }
  }
  if (retryable) throw retryable;
  if (permanent.length) throw new PermanentJobError(`send failed for good: ${permanent.join('; ')}`);
  // what was sent is in the ledger; the rest goes when its slot comes
  if (deferMs > 0) return ctx.defer(deferMs);
  return { sent, targets: targets.length };
}

/**
 * A sent card's reference as kept: its ids and how to make the card again (card-ref-codec.ts V3,
 * about 40 B) when its builder can (Card.remake), else the card itself (V2, about 300 B).
 */
function keptRef(ref: CardRef): Buffer {
  const { card, ...ids } = ref;
  const v3 = card.remake ? encodeCardRefV3({ ...ids, remake: card.remake }) : undefined;
  return v3 ?? encodeCardRefV2({ ...ref, card: withoutText(card) });
}

type UpdateJob = Extract<OutboundJob, { kind: 'card_update' }>;

/**
 * Bring every card of the item sent before it moved on up to date: each card is rebuilt from the
 * card as first sent plus the latest update of each item it shows (cards/card-update.ts), so
 * only what shows this item changes and a card about other items too keeps their buttons.
 */
async function update(job: UpdateJob, deps: OutboundDeps, ctx: JobContext) {
  const { rt } = ctx;
  const now = rt.now();
  const refs = await cardRefsOf(rt, deps, job.item);
  const ledgerKey = deps.keys.ledger(ctx.jobId);
  const ledger = ledgerOf(rt.redis, ledgerKey, 'upd');
  ctx.whenCompleted?.(ledgerKey);
  const click = job.origin?.cardRef;
  const u: CardUpdate = { item: job.item, outcome: job.outcome };
  if (job.state) u.state = job.state;
  if (job.fields) u.fields = job.fields;
  const seen = new Set<string>();
  let updated = 0;
  let retryable: unknown;
  const before = job.at ? Date.parse(job.at) : Infinity;
  for (const ref of refs) {
    // a card sent after the item moved on (the new recheck card) is current: keep its buttons
    if (Date.parse(ref.sentAt) >= before) continue;
    const id = cardRefId(ref);
    if (seen.has(id)) continue;
    seen.add(id);
    try {
      const updates = await recordCardUpdate(rt.redis, deps.keys.cardState(id), u, CARD_STATE_TTL_S);
      if (!updates) {
        rt.log.info(
          { job: ctx.jobId, platform: ref.platform, item: job.item },
          'card shows a newer state already',
        );
        continue;
      }
      const card = applyCardUpdates(ref.card, updates);
      const r = await deps.senders[ref.platform].update(ref, card, {
        ledgerPart: id, // the card's own id: the list may change between two tries
        ledger,
        now,
        click,
        item: job.item,
      });
      if (r === 'updated') updated++;
      else
        rt.log.info(
          { job: ctx.jobId, platform: ref.platform, item: job.item },
          'card not updated: the platform no longer allows it (WeCom response_code used or older than 72 h)',
        );
    } catch (e) {
      rt.metrics.sendFailures.inc({ platform: ref.platform });
      const hint = isPlatformError(e) ? e.hint : (e as Error).message.slice(0, 200);
      rt.log.warn(
        {
          job: ctx.jobId,
          platform: ref.platform,
          item: job.item,
          code: isPlatformError(e) ? e.code : (e as Error).name,
        },
        `card update failed: ${hint}`,
      );
      if (!(isPlatformError(e) && e.kind === 'permanent')) retryable ??= e;
    }
  }
  if (retryable) throw retryable;
  return { updated, cards: refs.length };
}

/**
 * Where the cards about an item went, oldest first, each with the card to redraw: the card
 * references an earlier version kept in a list of their own (`out:cards:<item>`, gone within 60
 * days), then those kept with the item's deliveries (delivery-codec.ts; its newest
 * DELIVERIES_PER_ITEM sends). One round trip, and the store's reads for a card made again (V3).
 */
async function cardRefsOf(rt: Runtime, deps: OutboundDeps, item: string): Promise<CardRef[]> {
  const [legacy, entries] = await Promise.all([
    rt.redis.lrangeBuffer(deps.keys.legacyCardRefs(item), 0, -1),
    deps.store.deliveryEntries(item),
  ]);
  const refs: CardRef[] = legacy.flatMap((b) => whole(decodeCardRef(b)));
  // a card made again from the store (V3) is made once per call, for all its refs
  const remade = new Map<string, Promise<Card | undefined>>();
  for (const e of entries) {
    if (!e.attachment) continue;
    const sent = { platform: e.delivery.platform, sentAt: e.delivery.at };
    const r = decodeRemakeRef(e.attachment, sent);
    if (!r) {
      refs.push(...whole(decodeCardRef(e.attachment, sent)));
      continue;
    }
    const k = `${r.remake.builder}|${r.remake.item}`;
    if (!remade.has(k)) remade.set(k, remakeCard(deps.store, r.remake));
    const card = await remade.get(k);
    const { remake: _r, ...ids } = r;
    if (card) refs.push({ ...ids, card } as CardRef);
    else rt.log.info({ item: r.remake.item }, 'card not updated: what it showed is gone from the store');
  }
  return refs;
}

/** A kept V1/V2 ref whole again (its fallback text put back). */
const whole = (r: StoredCardRef | undefined): CardRef[] =>
  r ? [{ ...r, card: withText(r.card) } as CardRef] : [];

/**
 * A direct answer (jobs/inbound.ts): the answer to the sender, sent from the inbound job that
 * made it instead of from a queued job — no job to add, fetch and finish. It sends as the queued
 * outbound job `jobId` would, with that job's ledger and records, so a retried inbound job, or the
 * queued job it falls back to, skips whatever went out. No in-process retries and no waiting for a
 * rate-limit slot: anything but success goes to the queue, which retries with backoff.
 * true: done for good (sent, or refused for good and recorded `failed`); false: queue it.
 */
const DIRECT: OutboundOptions = {
  retry: { attempts: 1, baseMs: 0, maxMs: 0 },
  maxRateWaitMs: 0,
  timeoutMs: 5_000,
};
const directCache = new WeakMap<Runtime, OutboundDeps>();

export async function sendDirect(
  rt: Runtime,
  jobId: string,
  job: SendJob,
  whenCompleted?: (key: string) => void,
): Promise<boolean> {
  const deps = outboundDeps(rt, DIRECT, directCache);
  const ctx: JobContext = {
    rt,
    jobId,
    attempt: 0,
    attempts: Number.POSITIVE_INFINITY, // no attempt here is the last: the queued job has them all
    jobName: 'send',
    defer: async () => {
      throw new Error('rate limited: queued'); // a rate-limit slot is waited for in the queue
    },
  };
  const chatDone = job.order
    ? () => leaveOrder(rt.redis, rt.prefix, job.order!, jobId, rt.jobQueues.outbound)
    : undefined;
  try {
    await sendNow(job, deps, ctx, undefined, { keepRef: true, ...(chatDone ? { chatDone } : {}) });
  } catch (e) {
    if (!(e instanceof PermanentJobError)) return false; // the queued job `jobId` needs the ledger
  }
  // done for good: the ledger is needed while the inbound job can run again, no longer
  whenCompleted?.(deps.keys.ledger(jobId));
  if (job.order) await leaveOrder(rt.redis, rt.prefix, job.order, jobId, rt.jobQueues.outbound);
  return true;
}

export type { SendJob };

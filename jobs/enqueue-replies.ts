import type { Queue } from 'bullmq';
import type { HandlerResult, Recipient } from '../src/domain/reply.js';
import type { Inbound } from '../src/domain/inbound.js';
import {
  digestJobId,
  outboundJobSchema,
  outboundJobId,
  type Origin,
  type OutboundJob,
} from '../src/queue/outbound-job.js';
import { orderKeyOf, registerOrder } from '../src/queue/reply-order.js';
import type { RedisClient } from '../src/redis/connect.js';
import { jobOptions, NOTICE_PRIORITY, outboundDedup } from '../src/queue/job-options.js';
import { keepInBatch, type BatchEntry } from '../src/queue/notice-batch.js';

/** Sends from an inbound job (src/queue/job-options.ts). */
export const REPLY_JOB_OPTS = jobOptions.reply;

/** An answer to the sender before any notice (NOTICE_PRIORITY). */
const priorityOf = (to: { type: string }) => (to.type === 'origin' ? {} : { priority: NOTICE_PRIORITY });

/**
 * The replies as jobs: each reply to the sender alone (it may go at once, jobs/outbound.ts
 * sendDirect), and every reply to one other recipient (a person, a bound chat) together, in the
 * handler's order — a principal's summary and one card per item of a record are one job. Their
 * chat's order is kept: they go in order, before any later reply to the same chat.
 */
export function groupReplies(replies: HandlerResult['replies'], origin: Origin): HandlerResult['replies'][] {
  const groups: HandlerResult['replies'][] = [];
  const byChat = new Map<string, HandlerResult['replies']>();
  for (const r of replies) {
    const chat = r.to.type === 'origin' ? undefined : orderKeyOf(r.to, origin);
    const g = chat ? byChat.get(chat) : undefined;
    if (g) g.push(r);
    else {
      const fresh = [r];
      groups.push(fresh);
      if (chat) byChat.set(chat, fresh);
    }
  }
  return groups;
}

/** Where the inbound came from, so `origin` replies answer in place and clicked cards update. */
export function originOf(m: Inbound): Origin {
  const o: Origin = { platform: m.platform, channel: m.channel, senderId: m.senderId };
  if (m.conversation) o.conversation = m.conversation;
  if (m.kind === 'message' && m.replyVia) o.replyVia = m.replyVia;
  if (m.kind === 'action' && m.cardRef) {
    const ref: Record<string, string> = {};
    for (const [k, v] of Object.entries(m.cardRef)) if (typeof v === 'string') ref[k] = v;
    if (Object.keys(ref).length) o.cardRef = ref;
  }
  return o;
}

/**
 * Put a handler's result on the outbound queue. Job ids are built from the inbound job's id and
 * each reply's key, so a retried inbound job adds nothing new (BullMQ ignores a known id).
 * A card update carries the instant `at` the item moved on: the outbound job takes the buttons
 * only from cards sent before it, so the supervisor's new recheck card, sent by the same
 * message, keeps its buttons whichever job runs first.
 */
export interface EnqueueTarget {
  queue: Queue;
  redis: RedisClient;
  prefix: string;
  /**
   * send the answer to the sender at once (a direct answer: jobs/outbound.ts sendDirect) when
   * nothing waits before it in its chat; false: it is queued like any reply
   */
  direct?: (jobId: string, data: Extract<OutboundJob, { kind: 'send' }>) => Promise<boolean>;
  /**
   * the producer's JobContext.whenCompleted: each queued reply's deduplication key goes once the
   * producer has completed — only a run of it again could add the id (src/queue/job-options.ts)
   */
  whenCompleted?: (key: string) => void;
}

export async function enqueueReplies(
  t: EnqueueTarget,
  producerKey: string,
  origin: Origin,
  result: HandlerResult,
  at: Date,
): Promise<number> {
  const jobs: QueuedReply[] = [];
  for (const u of result.cardUpdates ?? []) {
    const data = outboundJobSchema.parse({
      kind: 'card_update',
      item: u.item,
      outcome: u.outcome,
      ...(u.state ? { state: u.state } : {}),
      ...(u.fields ? { fields: u.fields } : {}),
      at: at.toISOString(),
      origin,
    });
    jobs.push({
      name: 'card_update',
      data,
      opts: {
        jobId: outboundJobId(producerKey, `upd-${u.item}`),
        ...REPLY_JOB_OPTS,
        priority: NOTICE_PRIORITY,
        deduplication: outboundDedup(outboundJobId(producerKey, `upd-${u.item}`)),
      },
    });
  }
  const keys = new Set<string>();
  for (const r of result.replies) {
    if (keys.has(r.key)) throw new Error(`duplicate reply key ${r.key}`); // a handler bug: one would be lost
    keys.add(r.key);
  }
  for (const g of groupReplies(result.replies, origin)) {
    const [r] = g;
    const order = orderKeyOf(r!.to, origin);
    const single = g.length === 1;
    const data = outboundJobSchema.parse(
      single
        ? { kind: 'send', to: r!.to, card: r!.card, items: r!.items ?? [], origin, order }
        : {
            kind: 'sends',
            to: r!.to,
            parts: g.map((x) => ({ key: x.key, card: x.card, items: x.items ?? [] })),
            origin,
            order,
          },
    );
    // a lone reply keeps the id it always had; a group is named after its first part and its size
    const id = outboundJobId(producerKey, single ? r!.key : `${r!.key}-g${g.length}`);
    jobs.push({
      name: single ? 'send' : 'sends',
      data,
      opts: { jobId: id, ...REPLY_JOB_OPTS, ...priorityOf(r!.to), deduplication: outboundDedup(id) },
    });
  }
  const kept = await mergeOverflow(t, jobs);
  // each chat's line first, then the jobs: a job never runs before its place is taken
  const lines = jobs.flatMap((j) =>
    j.data.kind !== 'card_update' && j.data.order ? [{ key: j.data.order, jobId: j.opts.jobId }] : [],
  );
  const first = await registerOrder(
    t.redis,
    t.prefix,
    lines,
    Date.now(),
    // added before (a producer run again): its hash, or once it is gone, its deduplication key
    (id) => [t.queue.toKey(id), t.queue.toKey(`de:${id}`)],
  );
  // the answer to the sender, first in its chat: sent now (it keeps its place while it goes)
  const direct = jobs.filter(
    (j) => t.direct && j.data.kind === 'send' && j.data.to.type === 'origin' && first.has(j.opts.jobId),
  );
  const queued = jobs.filter((j) => !direct.includes(j));
  if (queued.length) await t.queue.addBulk(queued);
  for (const j of direct) {
    if (await t.direct!(j.opts.jobId, j.data as Extract<OutboundJob, { kind: 'send' }>)) continue;
    await t.queue.addBulk([j]);
    queued.push(j);
  }
  for (const j of queued) t.whenCompleted?.(t.queue.toKey(`de:${j.opts.jobId}`));
  for (const id of kept) t.whenCompleted?.(t.queue.toKey(`de:${id}`));
  return jobs.length;
}

interface QueuedReply {
  name: string;
  data: OutboundJob;
  opts: {
    jobId: string;
    priority?: number;
    deduplication: { id: string; ttl: number };
  } & typeof REPLY_JOB_OPTS;
}

/**
 * A person's notices past their line's overflow (src/queue/notice-batch.ts): each notice to a
 * person whose line is long, or who has a batch open, is kept in the batch instead of queued, and
 * its job is replaced by the batch's digest job (one per batch: every producer adds the same id,
 * BullMQ keeps the first). A bound chat's notices likewise (its batches owned by its line's key); answers to the sender are queued as before. Returns
 * the ids of the jobs kept (their deduplication keys, set by the script, go when the producer has
 * completed, as a queued job's).
 */
async function mergeOverflow(t: EnqueueTarget, jobs: QueuedReply[]): Promise<string[]> {
  const notices: { i: number; to: Recipient; e: BatchEntry }[] = [];
  for (const [i, j] of jobs.entries()) {
    const d = j.data;
    if (d.kind !== 'send' && d.kind !== 'sends') continue;
    if ((d.to.type !== 'person' && d.to.type !== 'bound_chat') || !d.order) continue;
    const parts = d.kind === 'send' ? [{ card: d.card, items: d.items }] : d.parts;
    notices.push({
      i,
      to: d.to,
      e: {
        owner: d.to.type === 'person' ? d.to.personId : d.order,
        order: d.order,
        jobId: j.opts.jobId,
        jobKeys: [t.queue.toKey(j.opts.jobId), t.queue.toKey(`de:${j.opts.jobId}`)],
        cards: parts.map((p) => ({
          kind: p.card.kind,
          title: p.card.title,
          items: p.items.length ? p.items : [...new Set(p.card.buttons.map((b) => b.item))],
        })),
      },
    });
  }
  const gens = await keepInBatch(
    t.redis,
    t.prefix,
    notices.map((n) => n.e),
  );
  const kept: string[] = [];
  for (const [k, g] of gens.entries()) {
    if (g === undefined) continue;
    const { i, e } = notices[k]!;
    kept.push(e.jobId);
    const id = digestJobId(e.owner, g);
    jobs[i] = {
      name: 'digest',
      data: { kind: 'digest', owner: e.owner, to: notices[k]!.to, gen: g, order: e.order },
      opts: { jobId: id, ...REPLY_JOB_OPTS, priority: NOTICE_PRIORITY, deduplication: outboundDedup(id) },
    };
  }
  return kept;
}

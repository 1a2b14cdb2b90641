import type { Queue } from 'bullmq';
import type { HandlerResult } from '../src/domain/reply.js';
import type { Inbound } from '../src/domain/inbound.js';
import {
  outboundJobSchema,
  outboundJobId,
  type Origin,
  type OutboundJob,
} from '../src/queue/outbound-job.js';
import { orderKeyOf, registerOrder } from '../src/queue/reply-order.js';
import type { RedisClient } from '../src/redis/connect.js';
import { jobOptions, NOTICE_PRIORITY, outboundDedup } from '../src/queue/job-options.js';

/** Sends from an inbound job (src/queue/job-options.ts). */
export const REPLY_JOB_OPTS = jobOptions.reply;

/** An answer to the sender before any notice (NOTICE_PRIORITY). */
const priorityOf = (to: { type: string }) => (to.type === 'origin' ? {} : { priority: NOTICE_PRIORITY });

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
}

export async function enqueueReplies(
  t: EnqueueTarget,
  producerKey: string,
  origin: Origin,
  result: HandlerResult,
  at: Date,
): Promise<number> {
  const jobs: {
    name: string;
    data: OutboundJob;
    opts: {
      jobId: string;
      priority?: number;
      deduplication: { id: string; ttl: number };
    } & typeof REPLY_JOB_OPTS;
  }[] = [];
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
    const order = orderKeyOf(r.to, origin);
    const data = outboundJobSchema.parse({
      kind: 'send',
      to: r.to,
      card: r.card,
      items: r.items ?? [],
      origin,
      order,
    });
    jobs.push({
      name: 'send',
      data,
      opts: {
        jobId: outboundJobId(producerKey, r.key),
        ...REPLY_JOB_OPTS,
        ...priorityOf(r.to),
        deduplication: outboundDedup(outboundJobId(producerKey, r.key)),
      },
    });
  }
  // each chat's line first, then the jobs: a job never runs before its place is taken
  const lines = jobs.flatMap((j) =>
    j.data.kind === 'send' && j.data.order ? [{ key: j.data.order, jobId: j.opts.jobId }] : [],
  );
  const first = await registerOrder(
    t.redis,
    t.prefix,
    lines,
    Date.now(),
    t.direct ? (id) => t.queue.toKey(id) : undefined,
  );
  // the answer to the sender, first in its chat: sent now (it keeps its place while it goes)
  const direct = jobs.filter(
    (j) => t.direct && j.data.kind === 'send' && j.data.to.type === 'origin' && first.has(j.opts.jobId),
  );
  const queued = jobs.filter((j) => !direct.includes(j));
  if (queued.length) await t.queue.addBulk(queued);
  for (const j of direct)
    if (!(await t.direct!(j.opts.jobId, j.data as Extract<OutboundJob, { kind: 'send' }>)))
      await t.queue.addBulk([j]);
  return jobs.length;
}

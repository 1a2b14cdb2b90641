import type { OutboundJob } from '../src/queue/outbound-job.js';
import { closeBatch } from '../src/queue/notice-batch.js';
import { overflowKeys } from '../src/store/keys.js';
import { noticeDigestCard } from '../cards/notice-digest.js';
import type { OutboundDeps } from './outbound-deps.js';
import type { JobContext } from './types.js';
import type { SendJob } from './outbound.js';

export type DigestJob = Extract<OutboundJob, { kind: 'digest' }>;

/** jobs/outbound.ts sendNow, passed in (this file is imported by it). */
export type SendOne = (
  job: SendJob,
  deps: OutboundDeps,
  ctx: JobContext,
  part: string | undefined,
  o: { keepRef: boolean },
) => Promise<{ sent: number; targets: number }>;

/**
 * A person's merged notices (src/queue/notice-batch.ts), sent once the digest job's turn in their
 * line has come (jobs/outbound.ts inLine): close the batch — notices from now on go to the next
 * one — and send it as ONE card through the normal send, so the job's ledger sends it once
 * whatever retries, the person's rate limit applies, and each item gets its Delivery. A run of the
 * job again reads the same batch (closing is idempotent) and its ledger skips what went.
 *
 * The card has no buttons and nothing to update: its reference is not kept on the items (a
 * card_update of a merged item finds no card of it to redraw; the person acts by typing).
 */
export async function sendDigest(job: DigestJob, deps: OutboundDeps, ctx: JobContext, sendOne: SendOne) {
  const { rt } = ctx;
  const notices = (await closeBatch(rt.redis, rt.prefix, job.owner, job.gen)).flat();
  // once sent, the batch and the job's deduplication key are needed by nobody: a producer that
  // still adds this job (it read the generation before the close) gets an empty batch, no card
  ctx.whenCompleted?.(overflowKeys(rt.prefix).batch(job.owner, job.gen));
  ctx.whenCompleted?.(rt.jobQueues.outbound.toKey(`de:${ctx.jobId}`));
  if (!notices.length) return { sent: 0, notices: 0 };
  const items = [...new Set(notices.flatMap((n) => n.items))];
  const card = noticeDigestCard(notices);
  const r = await sendOne({ kind: 'send', to: job.to, card, items }, deps, ctx, undefined, {
    keepRef: false,
  });
  rt.log.info({ job: ctx.jobId, notices: notices.length, items: items.length }, 'notices sent merged');
  return { ...r, notices: notices.length };
}

import { DelayedError, Worker, type Job } from 'bullmq';
import type { Runtime } from './runtime.js';
import { queueNames, type QueueName } from './queue/names.js';
import type { Processors } from '../jobs/types.js';

export interface Workers {
  running(): boolean;
  /** resolves once every worker is connected and its loop runs (start-up waits for it) */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Per-queue worker settings. Short locks so a dead worker's jobs move on within ~30 s. */
const concurrency: Partial<Record<QueueName, number>> = { inbound: 8, outbound: 8 };
export const LOCK_MS = 15_000;
/**
 * Queue-wide rate limits (shared by every worker process). outbound: a ceiling well under the
 * platforms' per-API limits (WeCom 1万次/分 per API per company,
 * https://developer.work.weixin.qq.com/document/path/90454); the per-robot / per-person limits
 * are kept by src/platforms/rate-limit.ts.
 */
const limiter: Partial<Record<QueueName, { max: number; duration: number }>> = {
  outbound: { max: 50, duration: 1000 },
};

/**
 * The one place that adapts plain processors to BullMQ. Each job's duration is recorded in
 * dudao_job_duration_seconds; a failure is logged with its code, never with the job's data.
 */
/** How long the keys of completed jobs wait to be deleted together (completedKeys). */
export const COMPLETED_KEYS_DELAY_MS = 50;

/**
 * The keys of completed jobs (JobContext.whenCompleted), deleted together COMPLETED_KEYS_DELAY_MS
 * after the first: under load many jobs complete within that, and one DEL for all is one write —
 * one fsync with appendfsync always — instead of one each. A key left by a crash keeps its TTL.
 * All keys share the prefix's hash tag, so one DEL is one slot on a Cluster too.
 */
function completedKeys(rt: Runtime) {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const keys = [...pending];
    pending = new Set();
    if (!keys.length) return;
    await rt.redis.del(...keys).catch((err: Error) => {
      rt.log.warn({ err: err.name, keys: keys.length }, 'could not delete completed jobs’ keys');
    });
  };
  return {
    add(keys: Iterable<string>) {
      for (const k of keys) pending.add(k);
      timer ??= setTimeout(() => void flush(), COMPLETED_KEYS_DELAY_MS);
    },
    flush,
  };
}

export function startWorkers(rt: Runtime, processors: Processors): Workers {
  const workers: Worker[] = [];
  /** per running job: the keys to delete once it has completed (JobContext.whenCompleted) */
  const afterCompletion = new WeakMap<Job, Set<string>>();
  const toDelete = completedKeys(rt);
  for (const name of queueNames) {
    const proc = processors[name];
    if (!proc) continue;
    const w = new Worker(
      name,
      async (job: Job, token?: string) => {
        const end = rt.metrics.jobDuration.startTimer({ queue: name });
        try {
          return await proc(job.data, {
            rt,
            jobId: job.id ?? '',
            attempt: job.attemptsMade,
            attempts: job.opts.attempts ?? 1,
            jobName: job.name,
            async defer(ms: number, wakeIf?: () => Promise<boolean>): Promise<never> {
              await job.moveToDelayed(Date.now() + ms, token);
              if (wakeIf && (await wakeIf())) await job.promote().catch(() => undefined); // woken meanwhile
              throw new DelayedError();
            },
            whenCompleted(key: string) {
              const keys = afterCompletion.get(job) ?? new Set<string>();
              keys.add(key);
              afterCompletion.set(job, keys);
            },
          });
        } finally {
          end();
        }
      },
      {
        connection: rt.redis,
        prefix: rt.prefix,
        concurrency: concurrency[name] ?? 1,
        lockDuration: LOCK_MS,
        stalledInterval: LOCK_MS,
        maxStalledCount: 3,
        ...(limiter[name] ? { limiter: limiter[name] } : {}),
      },
    );
    // BullMQ emits 'completed' once the job is in the completed set (moveToFinished done): it will
    // not run again — a retry needs a failed job (completed ones cannot be retried from
    // /admin/queues: src/http/admin.ts), a re-add of its id is ignored by its deduplication key.
    // A crash before this leaves the keys to their TTL.
    w.on('completed', (job) => {
      const keys = afterCompletion.get(job);
      if (!keys?.size) return;
      afterCompletion.delete(job);
      toDelete.add(keys);
    });
    w.on('failed', (job, err) => {
      rt.log.warn(
        {
          queue: name,
          job: job?.id,
          attempt: job?.attemptsMade,
          err: err.name,
          reason: err.message.slice(0, 200),
        },
        'job failed',
      );
    });
    w.on('error', (err) => rt.log.warn({ queue: name, err: err.name }, 'worker error'));
    workers.push(w);
  }
  let closed: Promise<void> | undefined;
  return {
    running: () => workers.length > 0 && workers.every((w) => w.isRunning()),
    async ready() {
      await Promise.all(workers.map((w) => w.waitUntilReady()));
      while (!workers.every((w) => w.isRunning())) await new Promise((r) => setTimeout(r, 10));
    },
    close() {
      // Worker.close() waits for the jobs that are running to finish.
      closed ??= Promise.allSettled(workers.map((w) => w.close())).then(() => toDelete.flush());
      return closed;
    },
  };
}

import { getHeapStatistics } from 'node:v8';
import { isMainThread, threadId } from 'node:worker_threads';
import { Registry, Counter, Gauge, Histogram, collectDefaultMetrics } from 'prom-client';

/**
 * The metric names are a contract: operators write them into alerts (docs/spec/interfaces.md →
 * Operating it). One registry per process, created by the composition root.
 */
export const callbackOutcomes = [
  'accepted',
  'duplicate',
  'bad_signature',
  'malformed',
  'too_large',
  'unavailable',
] as const;
export type CallbackOutcome = (typeof callbackOutcomes)[number];

export interface Metrics {
  registry: Registry;
  callbacks: Counter<'platform' | 'outcome'>;
  queueDepth: Gauge<'queue'>;
  queueOldestAge: Gauge<'queue'>;
  jobDuration: Histogram<'queue'>;
  sendFailures: Counter<'platform'>;
}

export function createMetrics(
  opts: {
    queueDepth?: () => Promise<Record<string, number>>;
    /** per queue, the age in seconds of the job that has waited longest to start (0: none waits) */
    queueOldestAge?: () => Promise<Record<string, number>>;
    /** the Node process metrics (off in a worker thread: the main thread reports the process) */
    processMetrics?: boolean;
  } = {},
): Metrics {
  const registry = new Registry();
  if (opts.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'dudao_process_' });
  const callbacks = new Counter({
    name: 'dudao_callbacks_total',
    help: 'Platform callbacks by platform and outcome',
    labelNames: ['platform', 'outcome'] as const,
    registers: [registry],
  });
  const queueDepth = new Gauge({
    name: 'dudao_queue_depth',
    help: 'Jobs waiting, delayed or active per queue',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      if (!opts.queueDepth) return;
      try {
        const depths = await opts.queueDepth();
        for (const [queue, n] of Object.entries(depths)) this.set({ queue }, n);
      } catch {
        // Redis down: keep the last values; /readyz reports the outage
      }
    },
  });
  const queueOldestAge = new Gauge({
    name: 'dudao_queue_oldest_age_seconds',
    help: 'Age of the oldest job waiting to start, per queue (0 when none waits)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      if (!opts.queueOldestAge) return;
      try {
        const ages = await opts.queueOldestAge();
        for (const [queue, s] of Object.entries(ages)) this.set({ queue }, s);
      } catch {
        // Redis down: keep the last values; /readyz reports the outage
      }
    },
  });
  // Each event loop's own heap: `serve`'s worker threads are isolates of one process, so the
  // process's RSS alone cannot tell a growing heap (a leak) from the allocator keeping pages.
  new Gauge({
    name: 'dudao_heap_used_bytes',
    help: 'V8 heap in use, per thread of the process (main: the web side)',
    labelNames: ['thread'] as const,
    registers: [registry],
    collect() {
      this.set({ thread: isMainThread ? 'main' : `worker-${threadId}` }, getHeapStatistics().used_heap_size);
    },
  });
  const jobDuration = new Histogram({
    name: 'dudao_job_duration_seconds',
    help: 'Job processing time per queue',
    labelNames: ['queue'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const sendFailures = new Counter({
    name: 'dudao_send_failures_total',
    help: 'Outbound sends that failed (each attempt) per platform',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  // Pre-create the label sets so alerts see zeros rather than missing series.
  for (const platform of ['wecom', 'dingtalk', 'sim']) {
    for (const outcome of callbackOutcomes) callbacks.inc({ platform, outcome }, 0);
    sendFailures.inc({ platform }, 0);
  }
  return { registry, callbacks, queueDepth, queueOldestAge, jobDuration, sendFailures };
}

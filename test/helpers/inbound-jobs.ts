import type { Job } from 'bullmq';
import type { Inbound } from '../../src/domain/inbound.js';
import type { Service } from '../../src/server.js';
import { waitFor } from './wait-for.js';
import { inboundJobId } from '../../src/queue/accept.js';

const STATES = [
  'waiting',
  'active',
  'completed',
  'failed',
  'delayed',
  'prioritized',
  'waiting-children',
] as const;

/** Every inbound job in any state (of completed ones, the last 100: src/queue/job-options.ts). */
export async function inboundJobs(svc: Pick<Service, 'rt'>): Promise<Job<Inbound>[]> {
  return (await svc.rt.jobQueues.inbound.getJobs([...STATES])) as Job<Inbound>[];
}

/** The job that holds a message: its id is the message's deduplication id and a suffix (src/queue/accept.ts). */
export async function inboundJobOf(
  svc: Pick<Service, 'rt'>,
  m: Pick<Inbound, 'channel' | 'id'>,
): Promise<Job | undefined> {
  const prefix = `${inboundJobId(m)}-`;
  return (await inboundJobs(svc)).find((j) => j.id?.startsWith(prefix));
}

export async function inboundJobCount(svc: Pick<Service, 'rt'>): Promise<number> {
  const counts = await svc.rt.jobQueues.inbound.getJobCounts(...STATES);
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** `dudao_callbacks_total{platform,outcome}` as scraped from GET /metrics. */
export async function callbackCount(url: string, platform: string, outcome: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = new RegExp(
    `^dudao_callbacks_total\\{platform="${platform}",outcome="${outcome}"\\} (\\d+)`,
    'm',
  ).exec(text);
  return m ? Number(m[1]) : 0;
}

/**
 * startService returns before its Redis connections are up (the first /readyz may say "redis
 * unavailable" and a first callback 503). Tests that send callbacks at once wait for this first.
 */
export async function waitReady(url: string, ms = 10_000): Promise<void> {
  await waitFor('the service to be ready', async () => (await fetch(`${url}/readyz`)).status === 200, ms, 50);
}

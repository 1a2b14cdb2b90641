import { Queue } from 'bullmq';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { createMetrics, type Metrics } from './metrics.js';
import { connectRedis, type RedisClient } from './redis/connect.js';
import { startEmbeddedRedis, type EmbeddedRedis } from './redis/embedded-redis.js';
import { DEFAULT_PREFIX, queueNames, type QueueName } from './queue/names.js';
import { queueOptions } from './queue/job-options.js';

export type Queues = Record<QueueName, Queue>;

/**
 * Everything a process shares: config, log, metrics, Redis connections and the queues.
 * Only composition roots (server.ts, worker.ts, cli.ts, and the tests' harness) build one.
 */
export interface Runtime {
  config: Config;
  log: Logger;
  metrics: Metrics;
  /** key prefix with a Cluster hash tag, shared by the store and BullMQ: `{dudao}` */
  prefix: string;
  /** the store's and workers' connection: retries while Redis is away */
  redis: RedisClient;
  /** the HTTP path's connection: fails fast so a callback gets 503 instead of hanging */
  fastRedis: RedisClient;
  /** queues on the fast connection (producers on the HTTP path) */
  queues: Queues;
  /** queues on the retrying connection (producers inside jobs and commands) */
  jobQueues: Queues;
  redisUrl: string;
  embedded?: EmbeddedRedis;
  now: () => Date;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  config: Config;
  log: Logger;
  prefix?: string;
  now?: () => Date;
  /** an already running Redis (tests); otherwise REDIS_URL or the embedded one */
  redisUrl?: string;
  /** the Node process metrics in this runtime's registry (default on; off in a worker thread) */
  processMetrics?: boolean;
}

function makeQueues(connection: RedisClient, prefix: string, log: Logger): Queues {
  const q = {} as Queues;
  for (const name of queueNames) {
    q[name] = new Queue(name, { connection, prefix, ...queueOptions });
    // without a listener BullMQ prints each connection error with its stack to stderr during an
    // outage; /readyz and the callbacks' 503s already report it, so one debug line is enough
    q[name].on('error', (e) => log.debug({ queue: name, err: e.name }, 'queue connection error'));
  }
  return q;
}

/** Queue depth for /metrics, bounded in time: a scrape during a Redis outage must not hang. */
async function depths(queues: Queues): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of queueNames) {
    const c = await queues[name].getJobCounts('waiting', 'delayed', 'active', 'prioritized');
    out[name] = Object.values(c).reduce((a, b) => a + b, 0);
  }
  return out;
}

/**
 * Per queue, how long the job that has waited longest to start has waited (seconds; 0 when none
 * waits): the tail of the wait list is the next to run, and its `timestamp` is when it was added.
 * Past capacity this grows before users notice (docs/production.md → Capacity).
 */
async function oldestAges(queues: Queues, client: RedisClient, now: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of queueNames) {
    const q = queues[name];
    const id = await client.lindex(q.toKey('wait'), -1);
    const ts = id ? Number(await client.hget(q.toKey(id), 'timestamp')) : NaN;
    out[name] = Number.isFinite(ts) && ts > 0 ? Math.max(0, (now - ts) / 1000) : 0;
  }
  return out;
}

/** A scrape during a Redis outage must not hang: the fast connection fails at once, this covers a slow one. */
const within = <T>(p: Promise<T>, what: string): Promise<T> =>
  Promise.race([
    p,
    new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`${what} timeout`)), 1000).unref()),
  ]);

export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  const prefix = o.prefix ?? DEFAULT_PREFIX;
  let embedded: EmbeddedRedis | undefined;
  let redisUrl = o.redisUrl ?? o.config.REDIS_URL;
  if (!redisUrl) {
    embedded = await startEmbeddedRedis({ dataDir: o.config.DATA_DIR });
    redisUrl = embedded.url;
    o.log.info({ port: embedded.port, owned: embedded.owned }, 'embedded redis ready');
  }
  const redis = connectRedis(redisUrl, { role: 'worker', name: 'dudao' });
  const fastRedis = connectRedis(redisUrl, { role: 'fast', name: 'dudao-http' });
  for (const c of [redis, fastRedis]) c.on('error', () => {}); // state is reported by /readyz
  const queues = makeQueues(fastRedis, prefix, o.log);
  const jobQueues = makeQueues(redis, prefix, o.log);
  const metrics = createMetrics({
    processMetrics: o.processMetrics,
    // the fast connection fails at once while Redis is away; the timeout covers a slow Redis
    // read from Redis: the same for every process and thread, so a worker thread leaves them to
    // the main thread (whose /metrics adds the threads' figures up)
    ...(o.processMetrics === false
      ? {}
      : {
          queueDepth: () => within(depths(queues), 'queue depth'),
          queueOldestAge: () => within(oldestAges(queues, fastRedis, Date.now()), 'queue age'),
        }),
  });
  let closed: Promise<void> | undefined;
  const rt: Runtime = {
    config: o.config,
    log: o.log,
    metrics,
    prefix,
    redis,
    fastRedis,
    queues,
    jobQueues,
    redisUrl,
    embedded,
    now: o.now ?? (() => new Date()),
    close() {
      closed ??= (async () => {
        await Promise.allSettled(
          [...Object.values(queues), ...Object.values(jobQueues)].map((q) => q.close()),
        );
        await Promise.allSettled([redis.quit(), fastRedis.quit()]);
        if (embedded) await embedded.stop();
      })();
      return closed;
    },
  };
  return rt;
}

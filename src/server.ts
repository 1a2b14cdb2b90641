import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './http/app.js';
import { buildRouters } from './http/routers.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
import { startWorkers, type Workers } from './worker.js';
import { startWorkerThreads, type ThreadWorkers } from './worker-threads.js';
import { AggregatorRegistry } from 'prom-client';
import { createAccept } from './queue/accept.js';
import { createSignatureClaim } from './queue/signature-claim.js';
import { processors as defaultProcessors } from '../jobs/index.js';
import type { Processors } from '../jobs/types.js';
import { upsertTimeSchedules } from '../jobs/schedules.js';
import { registerDingtalkCardCallback } from '../jobs/register-card-callback.js';
import type { IngressDeps } from './platforms/ingress.js';
import { startDingtalkStream, type DingtalkStream } from './platforms/dingtalk/stream.js';
import { installSimClock } from './platforms/sim/clock.js';
import { ensureDemoRoster } from './roster/demo.js';
import { createStore } from './store/redis-store.js';
import { simActive } from './config.js';

export interface ServiceOptions extends RuntimeOptions {
  web: boolean;
  worker: boolean;
  port?: number;
  host?: string;
  processors?: Processors;
  /** upsert the time jobs' schedules on boot (worker role); tests turn it off (default on) */
  schedules?: boolean;
  /** with SIM=on, import the demo district into an empty store (`serve`/`web`; default off) */
  demoRoster?: boolean;
  /**
   * run the workers in this many worker threads of this process instead of on its event loop
   * (`serve`: src/worker-threads.ts); 0 or unset: on the event loop (tests, `worker`)
   */
  workerThreads?: number;
}

export interface Service {
  rt: Runtime;
  url?: string;
  server?: Server;
  workers?: Workers;
  close(): Promise<void>;
}

/**
 * Composition root of `serve`, `web` and `worker`: builds the runtime, the Koa app and the workers.
 * close() stops taking callbacks, lets running jobs finish, closes queues and Redis connections
 * and stops the embedded Redis; safe to call twice.
 */
export async function startService(o: ServiceOptions): Promise<Service> {
  const rt = await createRuntime(o);
  // Platform signatures are checked against the real clock, whatever the simulator's says.
  const realNow = rt.now;
  // Sim mode: rt.now() reads the simulated clock (an offset in Redis), so the web, the inbound
  // job and the time jobs all agree on "now" after the page moves the clock.
  const simClock = simActive(rt.config) ? installSimClock(rt) : undefined;
  // docs/spec/interfaces.md: with no platform configured, `npm start` comes up with the demo district, so
  // the simulator has people to be; an office's own roster is never touched
  if (o.demoRoster && simActive(rt.config)) await ensureDemoRoster(createStore(rt.redis, rt.prefix), rt.log);
  const threads = o.worker && o.workerThreads ? startWorkerThreads(rt, o.workerThreads) : undefined;
  const workers: Workers | undefined =
    threads ?? (o.worker ? startWorkers(rt, o.processors ?? defaultProcessors) : undefined);
  // "running" is printed only once the workers run, so /readyz is 200 from the first request.
  try {
    await workers?.ready();
  } catch (e) {
    await workers?.close();
    await rt.close();
    throw e;
  }
  // each worker thread does these itself (it is the worker role)
  const inline = o.worker && !threads;
  // the time jobs (reminder pass, digest, monthly plan): upserted on every boot, idempotent
  if (inline && (o.schedules ?? true)) await upsertTimeSchedules(rt);
  // DingTalk HTTP mode: where card clicks go; in the background, so start-up does not wait on it
  if (inline) void registerDingtalkCardCallback(rt);
  let closing = false;
  let server: Server | undefined;
  let url: string | undefined;
  let stream: DingtalkStream | undefined;
  if (o.web) {
    const ingress: IngressDeps = {
      config: rt.config,
      log: rt.log,
      metrics: rt.metrics,
      accept: createAccept(rt.queues.inbound),
      claimSignature: createSignatureClaim(rt.fastRedis, rt.prefix),
      now: realNow,
    };
    const app = createApp({
      log: rt.log,
      metrics: rt.metrics,
      routers: buildRouters(rt, ingress),
      isClosing: () => closing,
      trustProxy: rt.config.TRUST_PROXY,
      metricsText: threads ? () => metricsWithThreads(rt, threads) : undefined,
      ready: async () => {
        try {
          await Promise.race([
            rt.fastRedis.ping(),
            new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 1000)),
          ]);
        } catch {
          return { ok: false, reason: 'redis unavailable' };
        }
        if (o.worker && !workers?.running()) return { ok: false, reason: 'workers not running' };
        return { ok: true };
      },
    });
    server = createServer(app.callback());
    server.keepAliveTimeout = 5_000;
    await new Promise<void>((res) => server!.listen(o.port ?? rt.config.PORT, o.host ?? rt.config.HOST, res));
    const addr = server.address() as AddressInfo;
    const host = addr.address === '0.0.0.0' || addr.address === '::' ? '127.0.0.1' : addr.address;
    url = `http://${host}:${addr.port}`;
    // DingTalk Stream mode: the outbound WebSocket takes the place of the HTTP callbacks
    if (rt.config.dingtalkEnabled && rt.config.DINGTALK_MODE === 'stream')
      stream = startDingtalkStream(ingress);
  }
  let closed: Promise<void> | undefined;
  return {
    rt,
    url,
    server,
    workers,
    close() {
      closed ??= (async () => {
        closing = true;
        await stream?.close(); // first: stop taking stream messages
        if (server) {
          const s = server;
          await new Promise<void>((res) => {
            s.close(() => res());
            s.closeIdleConnections();
            setTimeout(() => s.closeAllConnections(), 3000).unref();
          });
        }
        await workers?.close();
        simClock?.stop();
        await rt.close();
      })();
      return closed;
    },
  };
}

/** /metrics of `serve` with worker threads: the jobs' durations and send failures are counted there. */
async function metricsWithThreads(rt: Runtime, threads: ThreadWorkers): Promise<string> {
  const own = await rt.metrics.registry.getMetricsAsJSON();
  const theirs = await threads.metrics();
  return AggregatorRegistry.aggregate([own, ...theirs]).metrics();
}

import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from './config.js';
import { createLogger } from './log.js';
import { startService } from './server.js';

/**
 * Inside one worker thread of `serve` (src/worker-threads.ts starts it through bin/worker-thread.mjs):
 * the worker role on the main thread's Redis, talking to the main thread over its port —
 * `ready` once its workers run, its metrics on request, `stop` to finish its running jobs and end.
 */
export interface ThreadData {
  config: Config;
  redisUrl: string;
  prefix: string;
}

export type ToThread = { type: 'stop' } | { type: 'metrics'; id: number };
export type FromThread =
  | { type: 'ready' }
  | { type: 'metrics'; id: number; metrics: unknown[] }
  | { type: 'closed' };

const port = parentPort;
if (port) {
  const data = workerData as ThreadData;
  const log = createLogger(data.config.LOG_LEVEL).child({ thread: 'worker' });
  const svc = await startService({
    config: data.config,
    log,
    web: false,
    worker: true,
    redisUrl: data.redisUrl,
    prefix: data.prefix,
    processMetrics: false,
  });
  port.on('message', (m: ToThread) => {
    if (m.type === 'metrics') {
      void svc.rt.metrics.registry.getMetricsAsJSON().then(
        (metrics) => port.postMessage({ type: 'metrics', id: m.id, metrics } satisfies FromThread),
        () => port.postMessage({ type: 'metrics', id: m.id, metrics: [] } satisfies FromThread),
      );
    } else if (m.type === 'stop') {
      void svc.close().finally(() => {
        port.postMessage({ type: 'closed' } satisfies FromThread);
        port.close();
      });
    }
  });
  port.postMessage({ type: 'ready' } satisfies FromThread);
}

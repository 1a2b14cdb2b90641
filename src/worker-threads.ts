import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Runtime } from './runtime.js';
import type { Workers } from './worker.js';
import type { FromThread, ThreadData, ToThread } from './worker-thread.js';

/** The thread's entry: registers tsx in the thread, then runs src/worker-thread.ts. */
const ENTRY = new URL('../bin/worker-thread.mjs', import.meta.url);
/** A thread that died is replaced after this long (a crash loop must not spin a core). */
const RESPAWN_MS = 1000;
/** How long /metrics waits for a thread's figures before leaving them out. */
const METRICS_MS = 1000;

/**
 * How many worker threads `serve` runs: one per core (at most 4). The web side (a few hundred µs a
 * callback) and a local Redis take little of a core each; the jobs are the work, and one thread
 * per core lets them use every core when the others are idle (measured with bench/soak.ts).
 */
export const defaultWorkerThreads = (cores = availableParallelism()) => Math.max(1, Math.min(4, cores));

export interface ThreadWorkers extends Workers {
  /** each running thread's metrics (prom-client JSON), to add to the main thread's /metrics */
  metrics(): Promise<object[][]>;
}

interface Slot {
  worker: Worker;
  up: boolean;
  ready: Promise<void>;
  exited: Promise<void>;
  pending: Map<number, (m: object[]) => void>;
}

/**
 * `serve` on a machine of several cores: the jobs run in worker threads of the same process (the
 * contract's "one process": docs/spec/interfaces.md → Set-up and running), each the `worker` role
 * with its own event loop and Redis connections, so job CPU never delays a callback's answer and
 * a second core is used. A kill -9 of the process ends every thread with it, as before; SIGTERM
 * lets each finish its running jobs (close()). A thread that dies is replaced.
 */
export function startWorkerThreads(rt: Runtime, n: number): ThreadWorkers {
  const data: ThreadData = { config: rt.config, redisUrl: rt.redisUrl, prefix: rt.prefix };
  let stopping = false;
  let seq = 0;
  const slots: Slot[] = [];

  function spawn(i: number): Slot {
    const worker = new Worker(ENTRY, { workerData: data, name: `dudao-worker-${i + 1}` });
    const pending = new Map<number, (m: object[]) => void>();
    let exit!: () => void;
    const exited = new Promise<void>((res) => (exit = res));
    const slot: Slot = { worker, up: false, pending, exited, ready: Promise.resolve() };
    slot.ready = new Promise<void>((res, rej) => {
      worker.on('message', (m: FromThread) => {
        if (m.type === 'ready') {
          slot.up = true;
          res();
        } else if (m.type === 'metrics') {
          pending.get(m.id)?.(m.metrics as object[]);
          pending.delete(m.id);
        } else if (m.type === 'closed') {
          void worker.terminate(); // its work is done: whatever handle is left must not keep it
        }
      });
      worker.on('error', (e) => rt.log.error({ thread: i + 1, err: e.name }, 'worker thread failed'));
      worker.once('exit', (code) => {
        slot.up = false;
        for (const r of pending.values()) r([]);
        pending.clear();
        exit();
        rej(new Error(`worker thread ${i + 1} exited (${code}) before it was ready`));
        if (stopping) return;
        rt.log.error({ thread: i + 1, code }, 'worker thread exited: starting another');
        setTimeout(() => {
          if (!stopping) slots[i] = spawn(i);
        }, RESPAWN_MS).unref();
      });
    });
    slot.ready.catch(() => undefined); // reported by ready(); a late failure is logged above
    return slot;
  }

  for (let i = 0; i < n; i++) slots.push(spawn(i));
  let closed: Promise<void> | undefined;
  return {
    running: () => !stopping && slots.every((s) => s.up),
    async ready() {
      await Promise.all(slots.map((s) => s.ready));
    },
    async metrics() {
      const up = slots.filter((s) => s.up);
      return Promise.all(
        up.map(
          (s) =>
            new Promise<object[]>((res) => {
              const id = ++seq;
              const t = setTimeout(() => {
                s.pending.delete(id);
                res([]);
              }, METRICS_MS);
              s.pending.set(id, (m) => {
                clearTimeout(t);
                res(m);
              });
              s.worker.postMessage({ type: 'metrics', id } satisfies ToThread);
            }),
        ),
      );
    },
    close() {
      stopping = true;
      // each thread finishes its running jobs and closes its connections, then ends
      closed ??= Promise.all(
        slots.map(async (s) => {
          s.worker.postMessage({ type: 'stop' } satisfies ToThread);
          await s.exited;
        }),
      ).then(() => undefined);
      return closed;
    },
  };
}

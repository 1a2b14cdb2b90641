import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startService, type Service } from '../../src/server.js';
import type { Processors } from '../../jobs/types.js';
import { Writable } from 'node:stream';

/** A fresh key prefix (with a Cluster hash tag) so test files share one Redis without meeting. */
export const testPrefix = () => `{t${randomBytes(5).toString('hex')}}`;

/** Captured log lines, to assert what is (and is not) logged. */
export class LogSink extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void) {
    this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    cb();
  }
  text() {
    return this.lines.join('\n');
  }
}

export interface TestServiceOptions {
  env?: Record<string, string>;
  web?: boolean;
  worker?: boolean;
  processors?: Processors;
  now?: () => Date;
  redisUrl?: string;
  prefix?: string;
  /** upsert the time jobs' schedules (off in tests: a 5-minute pass would run on the test's clock) */
  schedules?: boolean;
}

export interface TestService extends Service {
  url: string;
  config: Config;
  logs: LogSink;
}

/** The real service (Koa app on a real port, BullMQ workers) on the test Redis. */
export async function startTestService(o: TestServiceOptions = {}): Promise<TestService> {
  const config = loadConfig({ LOG_LEVEL: 'info', ...o.env });
  const logs = new LogSink();
  const log = createLogger(config.LOG_LEVEL, logs);
  const svc = await startService({
    config,
    log,
    web: o.web ?? true,
    worker: o.worker ?? true,
    port: 0,
    host: '127.0.0.1',
    prefix: o.prefix ?? testPrefix(),
    redisUrl: o.redisUrl ?? inject('redisUrl'),
    processors: o.processors,
    schedules: o.schedules ?? false,
    now: o.now,
  });
  return { ...svc, url: svc.url ?? '', config, logs };
}

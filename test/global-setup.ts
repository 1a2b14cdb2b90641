import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedRedis, type EmbeddedRedis } from '../src/redis/embedded-redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

let redis: EmbeddedRedis | undefined;
let dir: string | undefined;

/** One throwaway Redis on a free port for the whole run; each test file uses its own key prefix. */
export async function setup(project: TestProject) {
  dir = mkdtempSync(join(tmpdir(), 'dudao-test-redis-'));
  redis = await startEmbeddedRedis({ dataDir: dir, durable: false, reuse: false });
  project.provide('redisUrl', redis.url);
}

export async function teardown() {
  await redis?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // 2-core machines: two files at a time keeps Redis and the app responsive
    maxWorkers: 2,
    reporters: ['default'],
  },
});

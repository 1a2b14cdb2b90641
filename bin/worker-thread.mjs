// The entry of a `serve` worker thread (src/worker-threads.ts): like bin/dudao.mjs, run the
// TypeScript through tsx's loader, which a thread does not inherit from the main thread.
import { register } from 'tsx/esm/api';
register();
await import('../src/worker-thread.ts');

// The entry of a `serve` worker thread (src/worker-threads.ts). Like bin/dudao.mjs: in the
// repository the TypeScript runs through tsx's loader, which a thread does not inherit from the main
// thread; in the offline bundle (`npm run bundle`) the compiled JavaScript sits beside this file and
// tsx is not shipped.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../src/worker-thread.js', import.meta.url);
if (existsSync(fileURLToPath(compiled))) await import(compiled.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/worker-thread.ts');
}

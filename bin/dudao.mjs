#!/usr/bin/env node
// `npx dudao <command>`. In the repository the TypeScript sources run through tsx's loader (no
// build step between `git pull` and `npm start`); in the offline bundle (`npm run bundle`) the code
// is compiled to JavaScript beside this file and tsx is not shipped.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (!((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22)) {
  process.stderr.write(
    `dudao：需要 Node.js 20.19 或更新版本（或 22.12 以上），当前是 ${process.versions.node}（dudao needs Node 20.19+）\n`,
  );
  process.exit(1);
}

const compiled = new URL('../src/cli.js', import.meta.url);
let cli;
if (existsSync(fileURLToPath(compiled))) cli = await import(compiled.href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import('../src/cli.ts');
}
process.exitCode = await cli.main(process.argv.slice(2));

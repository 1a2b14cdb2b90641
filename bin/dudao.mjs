#!/usr/bin/env node
// `npx dudao <command>`: run the TypeScript CLI through tsx's loader (no build step).
import { register } from 'tsx/esm/api';
// every file dudao writes (DATA_DIR's pictures and Redis files, an export) is its user's alone:
// they hold the roster's names and mobile numbers (docs/security.md)
process.umask(0o077);
register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));

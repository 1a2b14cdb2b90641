#!/usr/bin/env node
// `npx dudao <command>`: run the TypeScript CLI through tsx's loader (no build step).
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));

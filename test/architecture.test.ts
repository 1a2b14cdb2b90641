import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

/**
 * Imports point inward (docs/spec/architecture.md): domain ← parser, cards, store, platforms ← handlers,
 * jobs ← composition roots. This test reads every import and fails on a forbidden direction.
 */
const root = resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  let out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    // a rule for one file
    return dir.endsWith('.ts') && statSync(join(root, dir), { throwIfNoEntry: false })?.isFile()
      ? [dir]
      : out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(join(root, p)).isDirectory()) out = out.concat(files(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const src = readFileSync(join(root, file), 'utf8');
  const specs = [...src.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  const dyn = [...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...specs, ...dyn].map((s) =>
    s.startsWith('.') ? relative(root, resolve(dirname(join(root, file)), s)) : s,
  );
}

const rules: { from: string; forbid: RegExp; why: string }[] = [
  {
    from: 'src/text',
    forbid: /^(?!src\/text\/)/,
    why: 'the message catalogue imports nothing: every layer may read it',
  },
  {
    from: 'src/domain',
    forbid: /^(?!src\/domain\/|src\/text\/|node:|zod$|chinese-days)/,
    why: 'domain imports nothing from the project but itself and the message catalogue (and zod, the calendar data)',
  },
  {
    from: 'src/parser',
    forbid:
      /^(src\/(store|platforms|http|queue|redis)|handlers|jobs|cards|ioredis|bullmq|koa|@koa|node:fs|node:net|node:http|axios)/,
    why: 'the parser is pure',
  },
  {
    from: 'cards',
    forbid: /^(src\/(store|platforms|http|queue|redis)|handlers|jobs|ioredis|bullmq|koa|@koa|axios)/,
    why: 'cards are pure functions of domain data',
  },
  {
    from: 'handlers',
    forbid: /^(src\/(platforms|http|redis)|koa|@koa|bullmq|ioredis|axios|jobs)/,
    why: 'handlers know no platform, no Koa, no BullMQ, no Redis client',
  },
  {
    from: 'src/platforms',
    forbid: /^(src\/store\/(?!keys\.js$)|handlers|jobs)/,
    why: 'platforms do not reach into the store (but for its keys, src/store/keys.ts) or the handlers',
  },
  {
    from: 'src/store/keys.ts',
    forbid: /^(?!node:crypto$)/,
    why: 'the keys import nothing of the project, so the platforms and the queues may read them',
  },
  {
    from: 'src/store',
    forbid: /^(src\/(platforms|http)|handlers|jobs|cards|koa|@koa)/,
    why: 'the store knows no platform, HTTP or handler',
  },
];

describe('import directions', () => {
  for (const rule of rules) {
    it(`${rule.from}: ${rule.why}`, () => {
      const bad: string[] = [];
      for (const f of files(rule.from)) {
        for (const spec of imports(f)) if (rule.forbid.test(spec)) bad.push(`${f} → ${spec}`);
      }
      expect(bad).toEqual([]);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { builtinModules } from 'node:module';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|mjs|js)$/.test(name)) out.push(p);
  }
  return out;
}

/** The package part of every bare specifier in a static or dynamic import (or a require.resolve). */
function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  // …and a file read out of a package by path (the board serves ECharts' minified build as it is)
  const specs = [
    ...src.matchAll(/(?<![\w'"])(?:from\s+|import\s+|import\(\s*|resolve\(\s*)'([^'./][^']*)'/g),
  ].map((m) => m[1]!);
  return specs
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s.split('/')[0]!))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

const production = ['src', 'jobs', 'handlers', 'cards', 'bin'];
const development = ['test', 'bench', 'scripts'];
/** Packages imported under `dirs`; the simulator page's browser scripts import nothing from npm. */
const used = (dirs: string[]) => {
  const m = new Map<string, string>();
  for (const d of dirs) {
    for (const f of files(join(root, d))) {
      if (f.includes('/public/')) continue;
      for (const p of imports(f)) m.set(p, relative(root, f));
    }
  }
  return m;
};

/** Declared for a tool run by name, not imported: each with its reason. */
const tools: Record<string, string> = {
  typescript: 'tsc --noEmit (npm run check) and the bundle’s compile step',
  '@biomejs/biome': 'biome check (npm run check)',
  '@types/node': 'types',
  '@types/koa': 'types',
  '@types/ws': 'types',
  '@types/autocannon': 'types',
};

describe('package.json', () => {
  it('declares every package the code imports, production code’s in dependencies', () => {
    const deps = new Set(Object.keys(pkg.dependencies));
    const all = new Set([...deps, ...Object.keys(pkg.devDependencies)]);
    for (const [p, where] of used(production)) expect(deps.has(p), `${p} (imported by ${where})`).toBe(true);
    for (const [p, where] of used(development)) expect(all.has(p), `${p} (imported by ${where})`).toBe(true);
  });

  it('uses every package it declares', () => {
    const imported = new Set([...used(production).keys(), ...used(development).keys()]);
    for (const p of [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)])
      expect(imported.has(p) || p in tools, `${p} is declared but not used`).toBe(true);
  });

  it('pins exact versions', () => {
    for (const [p, v] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }))
      expect(v, p).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('has decided, for every package with an install script, whether it may run (npm 11 allowScripts)', () => {
    const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([k, v]) => k && v.hasInstallScript)
      .map(([k]) => k.split('node_modules/').pop()!);
    expect(withScripts.length).toBeGreaterThan(0);
    for (const p of withScripts) expect(pkg.allowScripts, p).toHaveProperty([p]);
  });
});

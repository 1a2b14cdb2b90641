#!/usr/bin/env node
// `npm run bundle`: dist/dudao-<version>.tar.gz for a server without internet (docs/spec/interfaces.md →
// Set-up and running). One top folder dudao-<version>/ with the compiled code, the production
// node_modules, the systemd units, the install script and the Chinese guides. On the server:
// Node 20.19+ and redis-server (or REDIS_URL), nothing from npm, nothing from apt.
//
// Why compiled and not tsx: tsx runs on esbuild, a native binary per CPU; the bundle would only
// run on the machine type it was built on, and many 政务云 servers are ARM (鲲鹏, 飞腾) or
// LoongArch (龙芯). tsc's output is plain JavaScript; the one native module left (msgpackr-extract,
// an optional accelerator of BullMQ's encoder) is skipped by msgpackr where it does not fit.
//
// Plain Node and the tools already here (tsc from node_modules, npm, tar): runs offline.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const name = `dudao-${pkg.version}`;
const outDir = resolve(root, process.env.DUDAO_BUNDLE_DIR || 'dist');
const stageRoot = join(outDir, 'stage');
const stage = join(stageRoot, name);
const tarball = join(outDir, `${name}.tar.gz`);

function say(line) {
  process.stderr.write(`[bundle] ${line}\n`);
}
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) {
    say(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(1);
  }
}
const copy = (from, to = from) => cpSync(join(root, from), join(stage, to), { recursive: true });

rmSync(stageRoot, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });

say('compiling TypeScript (tsc -p tsconfig.build.json)…');
run(process.execPath, [
  join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  '-p',
  'tsconfig.build.json',
  '--outDir',
  stage,
]);

say('copying files the code reads at run time, the deployment files and the guides…');
copy('bin');
// every file under src/ that is not TypeScript is read at run time (Lua scripts, the simulator's and
// the board's pages): all of them, so a new one cannot be forgotten here
function copyAssets(dir) {
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const rel = join(dir, e.name);
    if (e.isDirectory()) copyAssets(rel);
    else if (!/\.(ts|md)$/.test(e.name)) copy(rel);
  }
}
copyAssets('src');
copy('examples');
copy('deploy');
copy('docs/zh');
copy('README.zh-CN.md');
copy('.env.example');
for (const f of ['install.sh']) cpSync(join(root, 'deploy', f), join(stage, f));

// package.json of the bundle: what runs, nothing to build. tsx is left out (the code is compiled).
const { tsx: _tsx, ...dependencies } = pkg.dependencies;
const bundlePkg = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  type: 'module',
  private: true,
  license: pkg.license,
  engines: pkg.engines,
  bin: pkg.bin,
  scripts: { start: 'node bin/dudao.mjs serve' },
  dependencies,
};
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(bundlePkg, null, 2)}\n`);
cpSync(join(root, 'package-lock.json'), join(stage, 'package-lock.json'));

say('production node_modules (a copy of ours, pruned offline: no registry)…');
if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  say('node_modules is missing: run `npm ci` first (or `npm start` once)');
  process.exit(1);
}
cpSync(join(root, 'node_modules'), join(stage, 'node_modules'), { recursive: true, verbatimSymlinks: true });
run('npm', ['prune', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
  cwd: stage,
  env: { ...process.env, npm_config_update_notifier: 'false' },
});
// scopes emptied by the prune (@esbuild, @vitest…) would only puzzle a reader
function dropEmptyDirs(dir) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) dropEmptyDirs(p);
  }
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}
dropEmptyDirs(join(stage, 'node_modules'));
for (const gone of ['tsx', 'esbuild', 'typescript', 'vitest'])
  if (existsSync(join(stage, 'node_modules', gone))) {
    say(`node_modules/${gone} is still there after the prune: refusing to ship it`);
    process.exit(1);
  }

say(`writing ${tarball}…`);
rmSync(tarball, { force: true });
// --owner/--group: the files belong to whoever unpacks them, not to the builder's uid
run('tar', ['-czf', tarball, '--owner=0', '--group=0', '-C', stageRoot, name]);
rmSync(stageRoot, { recursive: true, force: true });
const mb = (statSync(tarball).size / 1024 / 1024).toFixed(1);
say(`done: ${tarball} (${mb} MB)`);
process.stdout.write(`${tarball}\n`);

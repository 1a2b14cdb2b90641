#!/usr/bin/env node
// The README's two commands start here: `npm start` (serve) and `npm test` (test).
// Plain Node, no dependencies, because it runs before `npm install` on a fresh machine.
// It installs only from the npm registry and Debian's packages, nothing else.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [mode = 'serve', ...rest] = process.argv.slice(2);

function say(line) {
  process.stderr.write(`[dudao] ${line}\n`);
}

function fail(line) {
  say(line);
  process.exit(1);
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  return r.status === 0;
}

// package.json's engines: 20.19+ on the 20 line (the test tools need it; the service itself needs
// 20.12+ for util.parseEnv), or 22.12+.
const [major, minor] = process.versions.node.split('.').map(Number);
if (!((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22)) {
  fail(`Node ${process.versions.node} is too old: dudao needs Node 20.19 or newer (or 22.12+).`);
}

// 1. npm dependencies, when node_modules is missing or older than the lock file.
function depsFresh() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return false;
  const lock = join(root, 'package-lock.json');
  return !existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
}
if (!depsFresh()) {
  say('installing npm dependencies…');
  const ok = existsSync(join(root, 'package-lock.json'))
    ? run('npm', ['ci', '--no-audit', '--no-fund'])
    : run('npm', ['install', '--no-audit', '--no-fund']);
  if (!ok) fail('npm install failed; see the output above.');
}

// 2. System packages through apt, only as root; otherwise one line saying what to run.
let aptUpdated = false;
function aptInstall(pkgs, why) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    fail(`${why} is missing: run \`sudo apt-get install -y ${pkgs.join(' ')}\` and try again.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  say(`installing ${pkgs.join(' ')} with apt-get…`);
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq'], { env });
    aptUpdated = true;
  }
  if (!run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { env })) {
    fail(`apt-get install ${pkgs.join(' ')} failed; see the output above.`);
  }
}

const needsRedis = mode !== 'serve' || !process.env.REDIS_URL;
if (needsRedis && !has('redis-server')) aptInstall(['redis-server'], 'redis-server');
// The simulator's browser test drives Debian's chromium (no browser download).
if (mode === 'test' && !existsSync('/usr/bin/chromium') && process.env.DUDAO_SKIP_BROWSER !== '1') {
  aptInstall(['chromium'], 'chromium');
}

// The offline-bundle test checks the systemd units with `systemd-analyze verify` (Debian's systemd
// package, a few MB, not started as init by being installed). Where it cannot be installed the test
// skips that check and says why, so this is best-effort, never a failure.
if (mode === 'test' && !has('systemd-analyze')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && has('apt-get')) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    say('installing systemd (for systemd-analyze verify) with apt-get…');
    if (!aptUpdated) aptUpdated = run('apt-get', ['update', '-qq'], { env });
    if (!run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'systemd'], { env }))
      say('systemd could not be installed: the units will not be verified (the test says so).');
  } else say('systemd-analyze is absent: the units will not be verified (`apt-get install systemd`).');
}

// 3. Hand over. Signals are forwarded so SIGTERM reaches the service and it exits cleanly.
function handOver(cmd, args, env = process.env) {
  const child = spawn(cmd, args, { stdio: 'inherit', cwd: root, env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const tsx = ['--import', 'tsx'];
switch (mode) {
  case 'serve':
    handOver(process.execPath, [join(root, 'bin', 'dudao.mjs'), 'serve', ...rest]);
    break;
  case 'test':
    // The gate before the suite: a type error or a lint finding fails in seconds, not after minutes
    // of tests (set DUDAO_SKIP_CHECKS=1 to run the suite alone while iterating).
    if (process.env.DUDAO_SKIP_CHECKS !== '1') {
      say('type check (tsc --noEmit)…');
      if (!run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit'])) {
        fail('type check failed; see the errors above.');
      }
      say('lint and format check (biome check)…');
      if (!run(join(root, 'node_modules', '.bin', 'biome'), ['check', '.'])) {
        fail('lint or format check failed; `npm run format` fixes formatting, the rest is listed above.');
      }
    }
    handOver(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...rest]);
    break;
  case 'bench':
    handOver(process.execPath, [...tsx, ...rest], { ...process.env, NODE_ENV: 'production' });
    break;
  default:
    fail(`unknown mode "${mode}" (serve, test or bench)`);
}

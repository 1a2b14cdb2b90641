import { copyFileSync, chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The shell blocks of the Chinese guides (README.zh-CN.md, docs/zh/*.md). A block whose info string
 * is `sh checked` is run by test/deploy/offline-bundle.test.ts exactly as written, in a sandbox;
 * every other `sh` block must at least be valid shell, and every `dudao …` line in any block must
 * name a command and options that exist (test/deploy/guides.test.ts).
 */
export interface GuideBlock {
  file: string;
  line: number;
  checked: boolean;
  code: string;
}

export function guideFiles(root: string): string[] {
  const zh = join(root, 'docs/zh');
  return [
    join(root, 'README.zh-CN.md'),
    ...readdirSync(zh)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(zh, f)),
  ];
}

export function guideBlocks(root: string): GuideBlock[] {
  const out: GuideBlock[] = [];
  for (const file of guideFiles(root)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /^```(\S*)\s*(.*)$/.exec(lines[i]!);
      if (!m?.[1]) continue;
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
      if (m[1] === 'sh')
        out.push({
          file: relative(root, file),
          line: start + 1,
          checked: /\bchecked\b/.test(m[2]!),
          code: body.join('\n'),
        });
    }
  }
  return out;
}

/** `dudao <command> <args…>` invocations in a block (after sudo, in $(…) too). */
export function dudaoCalls(code: string): { command: string; args: string[] }[] {
  const calls: { command: string; args: string[] }[] = [];
  for (const raw of code.split('\n')) {
    const line = raw.replace(/#.*$/, '');
    for (const m of line.matchAll(
      /(?:^|[\s;&|(])(?:sudo\s+)?(?:npx\s+)?dudao\s+([a-z]+)((?:\s+(?:"[^"]*"|'[^']*'|[^\s;&|)]+))*)/g,
    )) {
      const args = [...(m[2] ?? '').matchAll(/"[^"]*"|'[^']*'|[^\s]+/g)].map((a) => a[0]);
      calls.push({ command: m[1]!, args });
    }
  }
  return calls;
}

/**
 * A sandbox where the guides' commands run as written: `dudao` is the installed bundle reading the
 * sandbox's configuration file; `sudo` runs its command; `systemctl` only records what it was
 * asked (there is no service manager to drive here); the system paths the guides name
 * (/etc/dudao, /var/lib/dudao, /var/backups/dudao, /tmp) are mapped into the sandbox; 名单.xlsx is
 * the demo district's workbook. Returns the path of the script to run with `sh -e`.
 */
export function sandboxScript(
  dir: string,
  blocks: GuideBlock[],
  o: { node: string; dudao: string; roster: string; port: number },
): string {
  const p = (s: string) => join(dir, s);
  for (const d of ['bin', 'cwd', 'etc/dudao', 'var/lib/dudao', 'var/backups/dudao', 'tmp'])
    mkdirSync(p(d), { recursive: true });
  writeFileSync(
    p('etc/dudao/dudao.env'),
    `DATA_DIR=${p('var/lib/dudao')}\nHOST=127.0.0.1\nPORT=${o.port}\nLOG_LEVEL=warn\n`,
  );
  const shim = (name: string, body: string) => {
    writeFileSync(p(`bin/${name}`), `#!/bin/sh\n${body}\n`);
    chmodSync(p(`bin/${name}`), 0o755);
  };
  shim('dudao', `DUDAO_ENV_FILE=${p('etc/dudao/dudao.env')} exec ${o.node} ${o.dudao} "$@"`);
  shim('sudo', 'exec "$@"');
  shim('systemctl', `echo "systemctl $*" >> ${p('systemctl.log')}`);
  copyFileSync(o.roster, p('cwd/名单.xlsx'));
  const map = (code: string) =>
    code
      .replaceAll('/var/backups/dudao', p('var/backups/dudao'))
      .replaceAll('/var/lib/dudao', p('var/lib/dudao'))
      .replaceAll('/etc/dudao', p('etc/dudao'))
      .replace(/(^|[\s"'=])\/tmp\//gm, `$1${p('tmp')}/`);
  const script = [
    `export PATH=${p('bin')}:$PATH`,
    ...blocks.map((b) => `echo '### ${b.file}:${b.line}'\n${map(b.code)}`),
  ].join('\n');
  writeFileSync(p('guides.sh'), `${script}\n`);
  return p('guides.sh');
}

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { usages } from '../../src/cli/usage.js';
import { dudaoCalls, guideBlocks } from './guide-blocks.js';

/**
 * The Chinese guides for the people who run and use dudao (README.zh-CN.md, docs/zh/): linked
 * from the README's first lines; every shell block valid shell; every `dudao …` they show a command
 * that exists, with options it takes. The blocks marked `sh checked` are also run, as written, on
 * the installed offline bundle (offline-bundle.test.ts).
 */
const root = resolve(import.meta.dirname, '../..');

describe('the Chinese guides', () => {
  it('are linked from the first lines of the README', () => {
    const head = readFileSync(join(root, 'README.md'), 'utf8').split('\n').slice(0, 6).join('\n');
    for (const f of ['README.zh-CN.md', 'docs/zh/部署手册.md', 'docs/zh/使用说明.md'])
      expect(head, f).toContain(`](${f})`);
  });

  it('hold shell blocks that are valid shell', () => {
    const blocks = guideBlocks(root);
    expect(blocks.length).toBeGreaterThan(10);
    for (const b of blocks) {
      const r = spawnSync('sh', ['-n'], { input: b.code, encoding: 'utf8' });
      expect(r.status, `${b.file}:${b.line}: ${r.stderr}`).toBe(0);
    }
  });

  it('show only dudao commands that exist, with options they take', () => {
    const calls = guideBlocks(root).flatMap((b) =>
      dudaoCalls(b.code).map((c) => ({ ...c, at: `${b.file}:${b.line}` })),
    );
    expect(calls.length).toBeGreaterThan(8);
    for (const c of calls) {
      expect(Object.keys(usages), `${c.at}: dudao ${c.command}`).toContain(c.command);
      for (const a of c.args.filter((x) => x.startsWith('--')))
        expect(usages[c.command], `${c.at}: dudao ${c.command} ${a}`).toContain(a.split('=')[0]);
    }
  });

  it('mark at least the import, export, backup, restore and doctor commands as checked (run as written)', () => {
    const checked = guideBlocks(root)
      .filter((b) => b.checked)
      .flatMap((b) => dudaoCalls(b.code).map((c) => c.command));
    for (const c of ['import', 'export', 'backup', 'restore', 'doctor', 'digest', 'remind'])
      expect(checked, c).toContain(c);
  });
});

// Every pointer resolves inside the repository: a relative link in any `.md` file (and the heading it
// names, if any) exists, and every `.md` file that a source or doc names — `docs/spec/interfaces.md`,
// `src/parser/README.md`, or a bare name — exists beside the file that names it or from the root.
// The specification lives in docs/spec/, not in a design folder outside the repository.
//
// "The repository" is the files git tracks plus new files not ignored (node_modules is not in it).

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function repoFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\0').filter((f) => f && existsSync(join(root, f)));
  } catch {
    // no git (an unpacked bundle): walk the tree
    const skip = new Set(['node_modules', '.git', 'dist', 'data', 'test-artifacts']);
    const walk = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap((e) => {
        if (skip.has(e)) return [];
        const p = dir ? `${dir}/${e}` : e;
        return statSync(join(root, p)).isDirectory() ? walk(p) : [p];
      });
    return walk('');
  }
}

interface Repo {
  files: Set<string>;
  dirs: Set<string>;
  /** the text of a file, for anchors (undefined when it cannot be read) */
  read: (path: string) => string | undefined;
}

function makeRepo(list: string[], read: (path: string) => string | undefined): Repo {
  const files = new Set(list);
  const dirs = new Set<string>(['']);
  for (const f of list) for (let d = posix.dirname(f); d !== '.'; d = posix.dirname(d)) dirs.add(d);
  return { files, dirs, read };
}

/** Fenced code blocks and inline code spans: what they show is not a link. */
function withoutCode(md: string): string {
  return md.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingIds(md: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  const text = md.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of text.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const plain = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const base = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n === 0 ? base : `${base}-${n}`);
  }
  return ids;
}

/** Relative link targets of a markdown text: inline `[x](t)`, images, and reference definitions. */
function linkTargets(md: string): string[] {
  const text = withoutCode(md);
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const refs = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!);
  return [...inline, ...refs].filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t));
}

/** `.md` file names mentioned in any text (URLs removed first): paths with ASCII folders. */
function mdNames(text: string): string[] {
  const noUrls = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)'"`>\]]+/gi, '');
  return [...noUrls.matchAll(/(?<![\w./-])((?:[\w.-]+\/)*[\p{L}\p{N}_.-]+\.md)(?![\w-])/gu)]
    .map((m) => m[1]!)
    .filter((t) => !t.includes('*'));
}

/** Where a name points from `file`: beside it, and from the root (`null` when it leaves the repository). */
function candidates(file: string, target: string): string[] {
  const out: string[] = [];
  const fromFile = posix.normalize(posix.join(posix.dirname(file), target));
  if (!fromFile.startsWith('..')) out.push(fromFile.replace(/\/$/, ''));
  if (!target.startsWith('.')) {
    const fromRoot = posix.normalize(target.replace(/^\//, ''));
    if (!fromRoot.startsWith('..')) out.push(fromRoot.replace(/\/$/, ''));
  }
  return out;
}

/** What does not resolve in one file: `file: target (why)` lines. */
function problemsIn(file: string, text: string, repo: Repo): string[] {
  const problems: string[] = [];
  if (file.endsWith('.md')) {
    for (const raw of linkTargets(text)) {
      const [pathPart = '', anchor] = raw.split('#', 2) as [string, string | undefined];
      let target: string;
      try {
        target = decodeURIComponent(pathPart.split('?')[0]!);
      } catch {
        target = pathPart;
      }
      const base =
        target === '' ? file : candidates(file, target).find((c) => repo.files.has(c) || repo.dirs.has(c));
      if (base === undefined) {
        problems.push(`${file}: link ${raw} (no such file in the repository)`);
        continue;
      }
      if (anchor && base.endsWith('.md')) {
        const body = base === file ? text : repo.read(base);
        if (body !== undefined && !headingIds(body).has(anchor.toLowerCase()))
          problems.push(`${file}: link ${raw} (no heading #${anchor} in ${base})`);
      }
    }
  }
  for (const name of mdNames(text)) {
    if (!candidates(file, name).some((c) => repo.files.has(c)))
      problems.push(`${file}: names ${name} (no such file in the repository)`);
  }
  return problems;
}

/** The files whose text is scanned for named `.md` files: sources, scripts, docs, configuration. */
const SCANNED = /\.(md|ts|mts|js|mjs|cjs|lua|sh|json|ya?ml|html|css)$|(^|\/)(\.env\.example|\.ci\/run)$/;
const NOT_SCANNED = /(^|\/)package-lock\.json$|\.snap$/;

describe('pointers resolve inside the repository', () => {
  const list = repoFiles();
  const repo = makeRepo(list, (p) => {
    try {
      return readFileSync(join(root, p), 'utf8');
    } catch {
      return undefined;
    }
  });

  it('every relative link in every .md, and every .md a file names, exists', () => {
    const scanned = list.filter((f) => SCANNED.test(f) && !NOT_SCANNED.test(f));
    expect(scanned.length).toBeGreaterThan(100);
    const problems = scanned.flatMap((f) => problemsIn(f, repo.read(f) ?? '', repo));
    expect(problems).toEqual([]);
  });

  it('the specification is in the repository, and the contributor guide covers commands and text', () => {
    for (const page of ['README', 'domain', 'commands', 'interfaces', 'architecture', 'performance'])
      expect(repo.files.has(`docs/spec/${page}.md`), page).toBe(true);
    const guide = headingIds(repo.read('CONTRIBUTING.md') ?? '');
    expect([...guide]).toEqual(expect.arrayContaining(['add-a-command', 'where-user-facing-text-lives']));
  });
});

describe('the checker catches what it is for', () => {
  // names built from parts, so this file itself names no missing document
  const brief = ['..', 'shared', 'design', 'interfaces'].join('/') + '.md';
  const baselines = 'perf-baselines' + '.md';
  const spec = 'docs/spec/' + 'interfaces' + '.md';
  const repo = makeRepo(
    ['README.md', 'docs/spec/interfaces.md', 'docs/spec/commands.md', 'src/parser/README.md'],
    (p) => (p === 'docs/spec/interfaces.md' ? '# Outside\n\n## HTTP routes\n\n### `parse --json`\n' : ''),
  );

  it('a link out of the repository, to a missing file, or to a missing heading', () => {
    expect(problemsIn('README.md', `see [the brief](${brief})`, repo)).toHaveLength(2); // link + named
    expect(problemsIn('README.md', `[x](${'docs/missing' + '.md'})`, repo)).toHaveLength(2);
    expect(problemsIn('README.md', `[x](${spec}#http-routes) [y](${spec}#parse---json)`, repo)).toEqual([]);
    expect(problemsIn('README.md', `[x](${spec}#no-such-part)`, repo)).toEqual([
      `README.md: link ${spec}#no-such-part (no heading #no-such-part in ${spec})`,
    ]);
    expect(
      problemsIn('docs/spec/commands.md', `[i](${'interfaces' + '.md'}) [r](../../README.md)`, repo),
    ).toEqual([]);
  });

  it('a bare or outside name in code or docs', () => {
    expect(problemsIn('src/store/keys.ts', `// short names (${baselines} §4)`, repo)).toHaveLength(1);
    expect(problemsIn('src/config.ts', ` * the names are a contract (${brief})`, repo)).toHaveLength(1);
    expect(problemsIn('src/config.ts', ` * (${'interfaces' + '.md'} → Environment)`, repo)).toHaveLength(1);
    expect(problemsIn('src/config.ts', ` * (${spec} → Environment)`, repo)).toEqual([]);
    expect(problemsIn('src/parser/parse.ts', '// conventions: README.md', repo)).toEqual([]);
    expect(problemsIn('test/x.test.ts', "it('https://example.com/a/README.md is a URL')", repo)).toEqual([]);
  });

  it('code blocks and inline code are not links', () => {
    expect(linkTargets('```\n[x](nowhere.txt)\n```\n`[y](nowhere.txt)`')).toEqual([]);
    expect(headingIds("## JSON API (`/api/v1`, bearer `ADMIN_TOKEN`)\n## Leaders' board (`/board`)")).toEqual(
      new Set(['json-api-apiv1-bearer-admin_token', 'leaders-board-board']),
    );
  });
});

import { zh } from '../text/zh-CN/index.js';

/**
 * One line of `dudao doctor`'s report: what was checked and how it stands, in Chinese for the
 * office's IT staff. `fail` needs fixing (the command exits 1); `warn` deserves a look; `ok` and
 * `info` say what is right or how things are.
 */
export type Level = 'ok' | 'info' | 'warn' | 'fail';

export interface Finding {
  level: Level;
  text: string;
  /** what to do about it, one sentence */
  fix?: string;
}

export interface Section {
  title: string;
  findings: Finding[];
}

export const ok = (text: string): Finding => ({ level: 'ok', text });
export const info = (text: string): Finding => ({ level: 'info', text });
export const warn = (text: string, fix?: string): Finding => ({
  level: 'warn',
  text,
  ...(fix ? { fix } : {}),
});
export const fail = (text: string, fix?: string): Finding => ({
  level: 'fail',
  text,
  ...(fix ? { fix } : {}),
});

const MARK: Record<Level, string> = { ok: '✓', info: '·', warn: '!', fail: '✗' };

/** The report as lines: sections, a mark per finding, the fix indented below it, a conclusion. */
export function formatReport(sections: Section[]): string[] {
  const lines: string[] = [];
  for (const s of sections) {
    if (!s.findings.length) continue;
    lines.push(s.title);
    for (const f of s.findings) {
      lines.push(`  ${MARK[f.level]} ${f.text}`);
      if (f.fix) lines.push(`      → ${f.fix}`);
    }
    lines.push('');
  }
  const all = sections.flatMap((s) => s.findings);
  const fails = all.filter((f) => f.level === 'fail').length;
  const warns = all.filter((f) => f.level === 'warn').length;
  lines.push(
    fails
      ? zh.doctor.conclusion.fails(fails, warns)
      : warns
        ? zh.doctor.conclusion.warns(warns)
        : zh.doctor.conclusion.allGood,
  );
  return lines;
}

export const hasFailures = (sections: Section[]) =>
  sections.some((s) => s.findings.some((f) => f.level === 'fail'));

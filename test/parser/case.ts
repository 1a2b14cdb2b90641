import { expect, it } from 'vitest';
import type { Command, ParseErrorCode, ParseResult, Problem } from '../../src/domain/command.js';
import type { Role } from '../../src/domain/roster.js';
import { parse } from '../../src/parser/index.js';
import type { ParseContext } from '../../src/parser/parse-context.js';
import { ctxAt } from './fixture.js';

/**
 * A table-driven parser case. Expected values are written from docs/spec/commands.md and the 2021 calendar
 * by hand, never copied from the parser's output.
 */
export interface Case {
  name?: string;
  text: string;
  /** the day (10:00 China time) or ISO instant the message is sent; default 2021-03-16 (Tue) */
  now?: string;
  role?: Role;
  ctx?: ParseContext;
  expect: Command | { error: ParseErrorCode; message?: string | RegExp };
  /** assumptions that must be among the result's (exact strings or patterns) */
  assumptions?: (string | RegExp)[];
  /** the result must carry no assumptions */
  noAssumptions?: boolean;
}

export const DEFAULT_NOW = '2021-03-16';

export function run(c: Case): ParseResult {
  return parse(c.text, c.ctx ?? ctxAt(c.now ?? DEFAULT_NOW, c.role ? { role: c.role } : {}));
}

export function check(c: Case): void {
  const r = run(c);
  if ('error' in c.expect) {
    expect(r.ok, JSON.stringify(r)).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(c.expect.error);
    if (typeof c.expect.message === 'string') expect(r.message).toBe(c.expect.message);
    else if (c.expect.message) expect(r.message).toMatch(c.expect.message);
    return;
  }
  expect(r.ok, JSON.stringify(r)).toBe(true);
  if (!r.ok) return;
  expect(r.command).toStrictEqual(c.expect);
  for (const a of c.assumptions ?? []) {
    const found = r.assumptions.some((x) => (typeof a === 'string' ? x === a : a.test(x)));
    expect(found, `assumption ${String(a)} in ${JSON.stringify(r.assumptions)}`).toBe(true);
  }
  if (c.noAssumptions) expect(r.assumptions).toEqual([]);
}

export function cases(list: Case[]): void {
  for (const c of list) it(c.name ?? c.text.replace(/\n/g, '⏎').slice(0, 60), () => check(c));
}

/** Builders for expected commands. */
export const P = (
  text: string,
  deadline: string,
  deadlineSource: Problem['deadlineSource'] = 'text',
): Problem => ({ text, deadline, deadlineSource });

export function R(
  school: { id: string; name: string },
  date: string,
  problems: Problem[],
  extra: Partial<Extract<Command, { command: 'submit_record' }>> = {},
): Command {
  return { command: 'submit_record', school, date, kind: '挂牌督导', ...extra, problems } as Command;
}

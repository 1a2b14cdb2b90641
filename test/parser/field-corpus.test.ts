import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../src/domain/command.js';
import { createCalendar } from '../../src/domain/calendar.js';
import { parse } from '../../src/parser/index.js';
import type { ParseContext } from '../../src/parser/parse-context.js';
import { createSchoolIndex } from '../../src/parser/school-index.js';
import { demoRoster } from '../helpers/district.js';
import { FIELD_CORPUS, type Expected, type FieldCase, type Group } from './field-corpus.js';

/**
 * Issue 15's second, independent corpus (field-corpus.ts): narrative records, voice, quotes,
 * @-mentions, inline numbering and every kind of reply, on the demo district. The test reports
 * the pass rate by group and requires at least 97 %; the messages we knowingly do not read yet
 * are listed below with the reason, must still be misread (so a fix takes them off the list), and
 * every other message must be read exactly as expected.
 */

const REQUIRED_RATE = 0.97;

/** id → why it is not read as expected (yet). */
const KNOWN_MISREADS: Readonly<Record<string, string>> = {
  // a verdict in the middle of a report ("ZG-12 经现场复查已整改到位，同意销号"): reading a verdict
  // anywhere in a message would close items on sentences that only mention one
  U14: 'the verdict word is not at the start',
  // "问题有两个一个是…另一个是…" spoken: 一个是 would also cut "只有一个是坏的"
  Y15: 'spoken 一个是…另一个是… is not read as a list',
  // the item number after the note ("收到马上整改ZG十五"): a number anywhere would act on talk
  Z06: 'the item is not right after the keyword',
};

const roster = demoRoster();
const schools = createSchoolIndex(roster.schools, roster.zones);
const calendar = createCalendar();

function ctxFor(c: FieldCase): ParseContext {
  return {
    now: new Date(`${c.now ?? '2021-03-16'}T10:00:00+08:00`),
    timezone: 'Asia/Shanghai',
    schools,
    calendar,
    defaultDeadlineWorkdays: 10,
    ...(c.voice ? { voice: true } : {}),
    ...(c.quote !== undefined ? { quote: c.quote } : {}),
  };
}

/** Free text compared without width, spaces and end punctuation. */
function canon(s: string | undefined): string {
  return (s ?? '')
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(/^[,;.。、:!?]+|[,;.。、:!?]+$/g, '');
}

/** What differs between the reading and the expectation, or undefined when they agree. */
function mismatch(r: ParseResult, e: Expected): string | undefined {
  if ('error' in e) {
    if (r.ok) return `expected ${e.error}, got ${r.command.command}`;
    return r.code === e.error ? undefined : `expected ${e.error}, got ${r.code}`;
  }
  if (!r.ok) return `failed: ${r.code} ${r.message.slice(0, 80)}`;
  const c = r.command as Record<string, unknown>;
  if ('visit' in e) {
    if (c.command !== 'submit_record') return `expected a record, got ${String(c.command)}`;
    const x = e.visit;
    const school = (c.school as { id: string }).id;
    if (school !== x.school) return `school ${school}, expected ${x.school}`;
    if (c.date !== x.date) return `date ${String(c.date)}, expected ${x.date}`;
    for (const k of ['kind', 'manner', 'topic'] as const)
      if (x[k] !== undefined && c[k] !== x[k]) return `${k} ${String(c[k])}, expected ${x[k]}`;
    const got = c.problems as { text: string; deadline: string; deadlineSource: string }[];
    const want = x.problems.map(([t, d, s]) => `${canon(t)} @${d}${s ? ' default' : ''}`);
    const have = got.map(
      (p) => `${canon(p.text)} @${p.deadline}${p.deadlineSource === 'default' ? ' default' : ''}`,
    );
    if (want.join(' | ') !== have.join(' | ')) return `problems [${have.join(' | ')}]`;
    return undefined;
  }
  for (const [k, v] of Object.entries(e)) {
    if (k === 'note') {
      const note = canon((c.note ?? c.reason) as string | undefined);
      if (!note.includes(canon(v as string))) return `note ${note || '(none)'}, expected ${String(v)}`;
      continue;
    }
    const got = k === 'school' ? (c.school as { id: string } | undefined)?.id : c[k];
    if (got !== v) return `${k} ${String(got)}, expected ${String(v)}`;
  }
  return undefined;
}

describe('the field corpus (issue 15: narrative, voice, quotes, mentions, numbering, replies)', () => {
  const results = FIELD_CORPUS.map((c) => ({ c, miss: mismatch(parse(c.text, ctxFor(c)), c.expect) }));

  it('has at least 200 messages with unique ids, in every group', () => {
    expect(FIELD_CORPUS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(FIELD_CORPUS.map((c) => c.id)).size).toBe(FIELD_CORPUS.length);
    const groups: Group[] = [
      'narrative',
      'voice',
      'quote',
      'mention',
      'numbering',
      'principal',
      'supervisor',
      'lookup',
    ];
    for (const g of groups)
      expect(FIELD_CORPUS.filter((c) => c.group === g).length).toBeGreaterThanOrEqual(20);
  });

  it(`reads at least ${REQUIRED_RATE * 100} % of it as written, and reports the rate`, () => {
    const passed = results.filter((r) => r.miss === undefined).length;
    const rate = passed / results.length;
    const byGroup = new Map<Group, [number, number]>();
    for (const { c, miss } of results) {
      const [p, n] = byGroup.get(c.group) ?? [0, 0];
      byGroup.set(c.group, [p + (miss === undefined ? 1 : 0), n + 1]);
    }
    const lines = [
      `field corpus: ${passed}/${results.length} read as expected (${(rate * 100).toFixed(1)} %)`,
      ...[...byGroup].map(([g, [p, n]]) => `  ${g}: ${p}/${n}`),
      ...results.filter((r) => r.miss).map((r) => `  ✗ ${r.c.id} ${r.miss}`),
    ];
    console.log(lines.join('\n'));
    expect(rate).toBeGreaterThanOrEqual(REQUIRED_RATE);
  });

  it('misreads nothing but the known misreads, each still misread', () => {
    const unexpected = results.filter((r) => r.miss && !(r.c.id in KNOWN_MISREADS));
    expect(unexpected.map((r) => `${r.c.id}: ${r.miss}`)).toEqual([]);
    const fixed = Object.keys(KNOWN_MISREADS).filter(
      (id) => results.find((r) => r.c.id === id)?.miss === undefined,
    );
    expect(fixed, 'read correctly now: take them off KNOWN_MISREADS').toEqual([]);
  });
});

/**
 * The parser against messages built to be slow: `node --import tsx bench/parser-adversarial.ts`.
 *
 * Every command keyword followed by ~9,990 characters of pattern-bait (test/parser/adversarial.ts:
 * runs of punctuation, digits, spaces, labels, numbering markers, deadline words, mentions).
 * Prints, for each message in one warm process, the best of three parse times, the slowest ten
 * and the median; then 20 of them each parsed once in a fresh process (what `npx dudao parse`
 * pays, JIT cold), as the parse's own time. Target (docs/spec/interfaces.md → Security): each well under
 * 100 ms. A ratio to the 8-line example record (bench/parser.ts) says how far from ordinary.
 */
import { execFileSync } from 'node:child_process';
import { createCalendar } from '../src/domain/calendar.js';
import { createSchoolIndex, parse, type ParseContext } from '../src/parser/index.js';
import { allAdversarial, adversarial, PREFIXES, UNITS } from '../test/parser/adversarial.js';
import { EXAMPLE_RECORD } from '../test/fixtures/example-record.js';

const ctx: ParseContext = {
  now: new Date('2021-03-16T10:00:00+08:00'),
  timezone: 'Asia/Shanghai',
  schools: createSchoolIndex(
    [
      {
        id: 's0',
        name: '龙泉小学',
        shortNames: ['龙泉小'],
        type: '小学',
        nature: '公办',
        zone: 'z',
        active: true,
      },
    ],
    [{ id: 'z', name: '第一责任区' }],
  ),
  calendar: createCalendar(),
  defaultDeadlineWorkdays: 10,
};

if (process.argv[2] === '--one') {
  // child: parse one message once, cold, and print its time
  const [p, u, t] = JSON.parse(process.argv[3]!) as [string, string, string];
  const text = adversarial(p, u, t);
  const t0 = performance.now();
  parse(text, ctx);
  console.log((performance.now() - t0).toFixed(2));
  process.exit(0);
}

function best(text: string): number {
  let b = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    parse(text, ctx);
    b = Math.min(b, performance.now() - t0);
  }
  return b;
}

for (let i = 0; i < 2000; i++) parse(EXAMPLE_RECORD, ctx);
const base = best(EXAMPLE_RECORD);
const times: [number, string][] = [];
for (const [label, text] of allAdversarial()) times.push([best(text), label]);
times.sort((a, b) => b[0] - a[0]);
const median = times[Math.floor(times.length / 2)]![0];
console.log(`warm, ${times.length} messages of ~9,990 characters (best of 3 each):`);
console.log(`  example record ${base.toFixed(3)} ms; median ${median.toFixed(2)} ms; slowest:`);
for (const [ms, label] of times.slice(0, 10)) console.log(`  ${ms.toFixed(2)} ms  ${label}`);

console.log('cold, one fresh process per message (parse time only):');
const cold: number[] = [];
for (let i = 0; i < 20; i++) {
  const p = PREFIXES[i % PREFIXES.length]!;
  const u = UNITS[(i * 7) % UNITS.length]!;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--one', JSON.stringify([p, u, 'x'])],
    {
      encoding: 'utf8',
    },
  );
  cold.push(Number(out.trim()));
  console.log(`  ${out.trim()} ms  ${JSON.stringify(p)} + ${JSON.stringify(u)}…`);
}
console.log(`  max ${Math.max(...cold).toFixed(2)} ms (target < 100)`);

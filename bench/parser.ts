/**
 * Parser throughput on one core: `node --import tsx bench/parser.ts`.
 *
 * A typical 8-line visit record (the docs/spec/commands.md example) against a 200-school roster, parsed
 * over and over on the main thread. Reports messages per second by wall time and by this
 * process's CPU time (the honest single-core figure when the machine is shared), and latency
 * percentiles. Target: ≥ 5,000 messages/s. BENCH_N sets the number of timed parses per round.
 */
import { createCalendar } from '../src/domain/calendar.js';
import type { School, Zone } from '../src/domain/roster.js';
import { createSchoolIndex, parse, type ParseContext } from '../src/parser/index.js';
import { EXAMPLE_RECORD } from '../test/fixtures/example-record.js';

const zones: Zone[] = Array.from({ length: 12 }, (_, i) => ({ id: `z${i}`, name: `第${i + 1}责任区` }));
// a county-sized roster: 200 schools, so matching is not flattered by a tiny index
const schools: School[] = Array.from({ length: 200 }, (_, i) => ({
  id: `s${i}`,
  name: i === 0 ? '龙泉小学' : `城关第${i}小学`,
  shortNames: i === 0 ? ['龙泉小'] : [`城关${i}小`],
  type: '小学',
  nature: '公办',
  zone: `z${i % 12}`,
  active: true,
}));

const ctx: ParseContext = {
  now: new Date('2021-03-16T10:00:00+08:00'),
  timezone: 'Asia/Shanghai',
  schools: createSchoolIndex(schools, zones),
  calendar: createCalendar(),
  defaultDeadlineWorkdays: 10,
};

const RECORD = EXAMPLE_RECORD;

const check = parse(RECORD, ctx);
if (!check.ok || check.command.command !== 'submit_record' || check.command.problems.length !== 2) {
  throw new Error(`the bench record does not parse: ${JSON.stringify(check)}`);
}

// warm-up: let the JIT settle before measuring
for (let i = 0; i < 10_000; i++) parse(RECORD, ctx);

const N = Number(process.env.BENCH_N ?? 20_000);
const ROUNDS = 5;
const latencies = new Float64Array(N * ROUNDS);
const wallRates: number[] = [];
const cpuRates: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const a = performance.now();
    parse(RECORD, ctx);
    latencies[round * N + i] = (performance.now() - a) * 1000; // µs
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  wallRates.push(N / wall);
  cpuRates.push(N / ((cpu.user + cpu.system) / 1e6));
}
latencies.sort();
const pct = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

console.log(
  `parser bench: ${ROUNDS} rounds × ${N} parses of an 8-line record (${RECORD.length} chars), 200 schools, one thread`,
);
console.log(
  `  throughput by wall time  ${fmt(median(wallRates))} messages/s (median round; ${wallRates.map(fmt).join(', ')})`,
);
console.log(
  `  throughput by CPU time   ${fmt(median(cpuRates))} messages/s (median round; ${cpuRates.map(fmt).join(', ')})`,
);
console.log(
  `  latency µs  p50 ${pct(50).toFixed(1)}  p90 ${pct(90).toFixed(1)}  p99 ${pct(99).toFixed(1)}  max ${pct(100).toFixed(1)}`,
);
console.log(`  target ≥ 5,000 messages/s on one core: ${median(cpuRates) >= 5_000 ? 'met' : 'NOT met'}`);

import { createRuntime, type Runtime } from '../runtime.js';
import { isDay } from '../domain/day.js';
import { runDailyDigest } from '../../jobs/daily-digest.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';
import { zh } from '../text/zh-CN/index.js';

export function parseDigestArgs(args: string[]): { date?: string; dryRun: boolean } | string {
  const o: { date?: string; dryRun: boolean } = { dryRun: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run') o.dryRun = true;
    else if (a === '--date' || a.startsWith('--date=')) {
      const v = a === '--date' ? args[++i] : a.slice(7);
      if (!v || !isDay(v)) return zh.cli.badDate;
      o.date = v;
    } else return zh.cli.unknownArgument(a);
  }
  return o;
}

/** what became of a digest, by outcome (a table read by the outcome) */
const outcomeCn = zh.cli.digest.outcomes;

/**
 * `digest`: builds the digest sent on the morning of --date (default today) and prints the
 * district-wide one, then sends each leader theirs (once per day and leader; nothing with
 * --dry-run) and prints a line per leader.
 */
export async function runDigestCli(
  rt: Runtime,
  o: { date?: string; dryRun: boolean },
  out: (l: string) => void,
  err: (l: string) => void,
): Promise<number> {
  const lines: string[] = []; // one per leader: a district has a handful
  const r = await runDailyDigest(rt, {
    day: o.date,
    dryRun: o.dryRun,
    onLeader: (leader, report, outcome) =>
      lines.push(zh.cli.digest.leader(leader.name, leader.id, report.scope, outcomeCn[outcome])),
    onAdmin: (admin, people, outcome) =>
      lines.push(zh.cli.digest.admin(admin.name, admin.id, people, outcomeCn[outcome])),
  });
  if (r.districtCard) out(r.districtCard.text);
  for (const l of lines) out(l);
  if (r.leaders === 0) err(zh.cli.digest.noLeaders);
  else err(o.dryRun ? zh.cli.digest.dryRun(r.day, r.leaders) : zh.cli.digest.sent(r.day, r.sent, r.leaders));
  return 0;
}

export const digestCommand: CliCommand = async ({ config, log, args, out, err }) => {
  const o = parseDigestArgs(args);
  if (typeof o === 'string') {
    for (const l of argumentError('digest', o)) err(l);
    return 2;
  }
  const rt = await createRuntime({ config, log });
  try {
    return await runDigestCli(rt, o, out, err);
  } finally {
    await rt.close();
  }
};

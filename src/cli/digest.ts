import { createRuntime, type Runtime } from '../runtime.js';
import { isDay } from '../domain/day.js';
import { runDailyDigest } from '../../jobs/daily-digest.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';

export function parseDigestArgs(args: string[]): { date?: string; dryRun: boolean } | string {
  const o: { date?: string; dryRun: boolean } = { dryRun: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run') o.dryRun = true;
    else if (a === '--date' || a.startsWith('--date=')) {
      const v = a === '--date' ? args[++i] : a.slice(7);
      if (!v || !isDay(v)) return `--date 后面应是日期 YYYY-MM-DD，例如 --date 2026-03-16`;
      o.date = v;
    } else return `不认识的参数 “${a}”`;
  }
  return o;
}

const outcomeCn = {
  sent: '已发送',
  already_sent: '此前已发送，未重复发送',
  dry_run: '试运行，未发送',
} as const;

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
      lines.push(`→ ${leader.name} (${leader.id}) ${report.scope}：${outcomeCn[outcome]}`),
    onAdmin: (admin, people, outcome) =>
      lines.push(`→ ${admin.name} (${admin.id}) 管理员，无法送达名单 ${people} 人：${outcomeCn[outcome]}`),
  });
  if (r.districtCard) out(r.districtCard.text);
  for (const l of lines) out(l);
  if (r.leaders === 0) err('名单中没有在职的领导，日报无人可发');
  else
    err(
      o.dryRun
        ? `${r.day} 的日报：试运行，${r.leaders} 位领导均未发送`
        : `${r.day} 的日报：已发给 ${r.sent} 位领导（共 ${r.leaders} 位；其余此前已发送）`,
    );
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

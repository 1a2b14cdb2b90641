import { createRuntime, type Runtime } from '../runtime.js';
import { parseAt } from '../reminders/zone-time.js';
import { runLockedReminderPass } from '../../jobs/reminder-pass.js';
import { messageJson, messageLine } from '../../jobs/reminder-run.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';
import { zh } from '../text/zh-CN/index.js';

/** A second `remind` while a pass runs waits this long for it, then has nothing to do. */
const WAIT_MS = 30_000;

export interface RemindArgs {
  at?: Date;
  dryRun: boolean;
  json: boolean;
}

export function parseRemindArgs(args: string[], timeZone: string): RemindArgs | string {
  const o: RemindArgs = { dryRun: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--dry-run') o.dryRun = true;
    else if (a === '--json') o.json = true;
    else if (a === '--at' || a.startsWith('--at=')) {
      const v = a === '--at' ? args[++i] : a.slice(5);
      const at = v === undefined ? undefined : parseAt(v, timeZone);
      if (!at) return zh.cli.badAt(timeZone);
      o.at = at;
    } else return zh.cli.unknownArgument(a);
  }
  return o;
}

/**
 * `remind`: the reminder and escalation pass as if the clock read --at (default now). Prints one
 * line per message, or with --json one JSON array (docs/spec/interfaces.md), streamed element by element so
 * a large pass keeps flat memory. The summary goes to stderr.
 */
export async function runRemind(
  rt: Runtime,
  o: RemindArgs,
  out: (l: string) => void,
  err: (l: string) => void,
): Promise<number> {
  const at = o.at ?? rt.now();
  let n = 0;
  if (o.json) out('[');
  const r = await runLockedReminderPass(
    rt,
    {
      at,
      dryRun: o.dryRun,
      onMessage: (m) => {
        if (o.json) out((n > 0 ? ',' : '') + JSON.stringify(messageJson(m)));
        else out(messageLine(m));
        n++;
      },
    },
    WAIT_MS,
  );
  if (o.json) out(']');
  if (r === 'busy') {
    err(zh.cli.remind.busy);
    return 0;
  }
  const w = r.window;
  const when = zh.cli.remind.when(w.day, w.time, rt.config.TIMEZONE);
  if (!w.open) {
    err(
      w.reason === 'not_workday'
        ? zh.cli.remind.notWorkday(when)
        : zh.cli.remind.outsideHours(when, rt.config.WORK_HOURS.start, rt.config.WORK_HOURS.end),
    );
  } else {
    err(zh.cli.remind.done(when, r.scanned, r.messages, o.dryRun));
  }
  return 0;
}

export const remindCommand: CliCommand = async ({ config, log, args, out, err }) => {
  const o = parseRemindArgs(args, config.TIMEZONE);
  if (typeof o === 'string') {
    for (const l of argumentError('remind', o)) err(l);
    return 2;
  }
  const rt = await createRuntime({ config, log });
  try {
    return await runRemind(rt, o, out, err);
  } finally {
    await rt.close();
  }
};

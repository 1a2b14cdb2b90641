import { readFileSync } from 'node:fs';
import { createRuntime } from '../runtime.js';
import { createStore } from '../store/redis-store.js';
import { createCalendar } from '../domain/calendar.js';
import { createSchoolIndex, formatParseHuman, formatParseJson, parse } from '../parser/index.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';
import { findDuplicateRecord } from '../../handlers/duplicate-record.js';
import { zh } from '../text/zh-CN/index.js';

export interface ParseArgs {
  now?: Date;
  json: boolean;
  text?: string;
}

/** The offset (ms) of a zone at an instant: wall clock there minus UTC. */
function zoneOffset(instant: Date, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - whole;
}

/**
 * --now: an ISO instant with its offset (2021-03-15T09:00:00+08:00), or a wall-clock time or a day
 * read in TIMEZONE (2021-03-15T09:00, 2021-03-15 → 09:00 there).
 */
export function parseNow(text: string, timeZone: string): Date | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d, h = '09', mi = '00', s = '00'] = m.slice(1);
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(wall)) return undefined;
  // the zone's offset at a first guess, then again at the corrected instant (DST edges)
  const first = wall - zoneOffset(new Date(wall), timeZone);
  const at = new Date(wall - zoneOffset(new Date(first), timeZone));
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export function parseParseArgs(args: string[], timeZone: string): ParseArgs | string {
  const o: ParseArgs = { json: false };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--now' || a.startsWith('--now=')) {
      const v = a === '--now' ? args[++i] : a.slice(6);
      const now = v === undefined ? undefined : parseNow(v, timeZone);
      if (!now) return zh.cli.badNow(timeZone);
      o.now = now;
    } else if (a === '--') {
      words.push(...args.slice(i + 1));
      break;
    } else if (a.startsWith('--')) return zh.cli.unknownOption(a);
    else words.push(a);
  }
  if (words.length) o.text = words.join(' ');
  return o;
}

/**
 * `parse`: how a message is understood, against the roster in the configured Redis. Reads the
 * schools and zones, runs the parser, prints; stores nothing and sends nothing.
 */
export const parseCommand: CliCommand = async ({ config, log, args, out, err }) => {
  const a = parseParseArgs(args, config.TIMEZONE);
  if (typeof a === 'string') {
    for (const l of argumentError('parse', a)) err(l);
    return 2;
  }
  const text = a.text ?? (process.stdin.isTTY ? undefined : readFileSync(0, 'utf8'));
  if (text === undefined || text.trim() === '') {
    for (const l of argumentError('parse', zh.cli.parse.noText)) err(l);
    return 2;
  }
  const rt = await createRuntime({ config, log });
  try {
    const store = createStore(rt.redis, rt.prefix);
    const [schools, zones] = await Promise.all([store.listSchools(), store.listZones()]);
    if (schools.length === 0) err(zh.cli.parse.noRoster);
    const result = parse(text, {
      now: a.now ?? new Date(),
      timezone: config.TIMEZONE,
      schools: createSchoolIndex(schools, zones),
      calendar: createCalendar(),
      defaultDeadlineWorkdays: config.DEFAULT_DEADLINE_WORKDAYS,
    });
    // the stored records are known here: a record that repeats one is what the service would hold
    // back (any supervisor's: the command has no sender)
    if (result.ok && result.command.command === 'submit_record' && !result.command.confirmDuplicate) {
      const earlier = await findDuplicateRecord(store, result.command);
      if (earlier)
        result.warnings = [...(result.warnings ?? []), { code: 'possible_duplicate', record: earlier.id }];
    }
    out(a.json ? JSON.stringify(formatParseJson(result)) : formatParseHuman(result));
    return 0;
  } finally {
    await rt.close();
  }
};

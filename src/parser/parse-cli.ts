import type { ParseResult, ParseWarning } from '../domain/command.js';
import { formatDayCn } from '../domain/day.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * What `npx dudao parse` prints. `--json`: exactly the docs/spec/interfaces.md shape — {"command": …fields}
 * for a command, {"command":"error","code","message"} for a failure; absent optional fields are
 * left out (assumptions are not part of that shape; the human form shows them).
 */

/** Drop undefined members so the JSON never carries "field": undefined/null. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = compact(v);
    return out;
  }
  return value;
}

export function formatParseJson(result: ParseResult): object {
  if (!result.ok)
    return {
      command: 'error',
      code: result.code,
      message: result.message,
      ...(result.suggestion !== undefined ? { suggestion: result.suggestion } : {}),
    };
  const out = compact(result.command) as Record<string, unknown>;
  if (result.warnings?.length) out.warnings = result.warnings;
  return out;
}

const day = (d: string) => zh.cli.parse.day(d, formatDayCn(d));

/** One warning as the human form prints it (the reply card words it for the chat, cards/). */
function warningLine(w: ParseWarning): string {
  switch (w.code) {
    case 'deadline_past':
      return `${zh.cli.parse.pastDeadline(w.item + 1, day(w.deadline))} (${w.code})`;
    case 'deadline_day_off':
      return `${zh.cli.parse.dayOffDeadline(w.item + 1, day(w.deadline), w.dayOff, day(w.nextWorkday))} (${w.code})`;
    case 'possible_duplicate':
      return `${zh.cli.parse.duplicate(w.record)} (${w.code})`;
  }
}

/** A few readable lines: what the message means, what was assumed. */
export function formatParseHuman(result: ParseResult): string {
  if (!result.ok) return zh.cli.parse.failed(result.code, result.message);
  const c = result.command;
  const lines: string[] = [];
  switch (c.command) {
    case 'submit_record': {
      lines.push(zh.cli.parse.record);
      lines.push(zh.cli.parse.school(c.school.name, c.school.id));
      lines.push(zh.cli.parse.date(day(c.date)));
      lines.push(zh.cli.parse.kind(c.kind, c.manner, c.topic));
      if (c.findings) lines.push(zh.cli.parse.findings(c.findings.replace(/\n/g, ' / ')));
      if (c.highlights) lines.push(zh.cli.parse.highlights(c.highlights.replace(/\n/g, ' / ')));
      if (c.remark) lines.push(zh.cli.parse.remark(c.remark.replace(/\n/g, ' / ')));
      lines.push(zh.cli.parse.problems(c.problems.length));
      c.problems.forEach((p, i) =>
        lines.push(zh.cli.parse.problem(i + 1, p.text, day(p.deadline), p.deadlineSource === 'default')),
      );
      break;
    }
    case 'stats':
      lines.push(zh.cli.parse.stats(c.from, c.to));
      break;
    case 'request_extension':
      lines.push(zh.cli.parse.extension(c.item, day(c.until), c.reason));
      break;
    default: {
      const { command, ...fields } = c;
      const rest = Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(' ');
      lines.push(rest ? `${command} ${rest}` : command);
    }
  }
  for (const a of result.assumptions) lines.push(zh.cli.parse.assumption(a));
  for (const w of result.warnings ?? []) lines.push(zh.cli.parse.warning(warningLine(w)));
  return lines.join('\n');
}

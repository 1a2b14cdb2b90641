import type { ParseResult, ParseWarning } from '../domain/command.js';
import { formatDayCn } from '../domain/day.js';

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

const day = (d: string) => `${d}（${formatDayCn(d)}）`;

/** One warning as the human form prints it (the reply card words it for the chat, cards/). */
function warningLine(w: ParseWarning): string {
  switch (w.code) {
    case 'deadline_past':
      return `第${w.item + 1}项问题的期限 ${day(w.deadline)} 已过，事项登记后即逾期，下一次提醒时进入督办 (deadline_past)`;
    case 'deadline_day_off':
      return `第${w.item + 1}项问题的期限 ${day(w.deadline)} 是休息日（${w.dayOff}），下一个工作日是 ${day(w.nextWorkday)} (deadline_day_off)`;
    case 'possible_duplicate':
      return `与已登记的 ${w.record} 可能重复，未登记；如确需登记，请在记录中加上『确认重复』 (possible_duplicate)`;
  }
}

/** A few readable lines: what the message means, what was assumed. */
export function formatParseHuman(result: ParseResult): string {
  if (!result.ok) return `无法执行 (${result.code})\n${result.message}`;
  const c = result.command;
  const lines: string[] = [];
  switch (c.command) {
    case 'submit_record': {
      lines.push(`submit_record 提交督导记录`);
      lines.push(`  学校: ${c.school.name} (${c.school.id})`);
      lines.push(`  日期: ${day(c.date)}`);
      lines.push(
        `  类型: ${c.kind}${c.manner ? ` · ${c.manner}` : ''}${c.topic ? ` · 主题 ${c.topic}` : ''}`,
      );
      if (c.findings) lines.push(`  情况: ${c.findings.replace(/\n/g, ' / ')}`);
      if (c.highlights) lines.push(`  亮点: ${c.highlights.replace(/\n/g, ' / ')}`);
      if (c.remark) lines.push(`  备注: ${c.remark.replace(/\n/g, ' / ')}`);
      lines.push(`  问题 ${c.problems.length} 项:`);
      c.problems.forEach((p, i) =>
        lines.push(
          `    ${i + 1}. ${p.text} — 期限 ${day(p.deadline)}${p.deadlineSource === 'default' ? ' [默认]' : ''}`,
        ),
      );
      break;
    }
    case 'stats':
      lines.push(`stats 统计 ${c.from} 至 ${c.to}`);
      break;
    case 'request_extension':
      lines.push(
        `request_extension 申请延期 ${c.item} 至 ${day(c.until)}${c.reason ? ` 原因: ${c.reason}` : ''}`,
      );
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
  for (const a of result.assumptions) lines.push(`  假定: ${a}`);
  for (const w of result.warnings ?? []) lines.push(`  注意: ${warningLine(w)}`);
  return lines.join('\n');
}

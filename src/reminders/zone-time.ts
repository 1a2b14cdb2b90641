/**
 * Wall-clock time in the office's zone, both ways, without the host's TZ: what `--at 2021-05-06T09:00`
 * means to an operator in 重庆, and when a day starts there ("the state at the start of D").
 */

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(at: Date, timeZone: string): number[] {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return [p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!];
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
function offsetAt(at: Date, timeZone: string): number {
  const [y, mo, d, h, mi, s] = wallParts(at, timeZone);
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a wall time ('YYYY-MM-DD', 'HH:MM[:SS]') names in a zone. */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [y, mo, d] = day.split('-').map(Number);
  const [h, mi, s] = time.split(':').map(Number);
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
  const first = guess - offsetAt(new Date(guess), timeZone);
  // across a DST change the offset at the answer may differ from the one at the guess
  const second = guess - offsetAt(new Date(first), timeZone);
  return new Date(second);
}

/** 00:00 of a day in the zone. */
export const startOfDayIn = (day: string, timeZone: string) => zonedInstant(day, '00:00', timeZone);

/**
 * Parse a command line's `--at`: an ISO instant with a zone (`2021-05-06T09:00:00+08:00`, `…Z`), or
 * a wall time without one (`2021-05-06T09:00`, `2021-05-06 09:00`), read in the office's zone.
 */
export function parseAt(text: string, timeZone: string): Date | undefined {
  const wall = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)$/.exec(text.trim());
  if (wall) {
    const d = zonedInstant(wall[1]!, wall[2]!, timeZone);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text.trim()))
    return undefined;
  const d = new Date(text.trim());
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * An instant's wall-clock time in the zone, as a Date whose UTC fields carry it: what a spreadsheet
 * cell should hold (Excel dates have no zone; the office reads them as its own local time).
 */
export function wallClockAsUtc(at: Date, timeZone: string): Date {
  const [y, mo, d, h, mi, s] = wallParts(at, timeZone);
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

import { spawnSync } from 'node:child_process';
import type { Config } from '../config.js';
import type { WorkCalendar } from '../domain/calendar.js';
import type { Person } from '../domain/roster.js';
import { fail, info, ok, warn, type Finding } from './finding.js';
import { zh } from '../text/zh-CN/index.js';

async function getJson(url: string, timeoutMs: number): Promise<{ status: number; body: unknown } | string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    return { status: res.status, body };
  } catch (e) {
    const cause = (e as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
    if ((e as Error).name === 'TimeoutError') return zh.doctor.service.timeout(timeoutMs / 1000);
    return cause?.code ?? cause?.errors?.find((x) => x.code)?.code ?? zh.doctor.service.unreachable;
  }
}

/**
 * The service on this machine (GET /healthz and /readyz on PORT) and the callback address as far
 * as this machine can see it (GET PUBLIC_BASE_URL/healthz): a platform must reach that address from
 * the internet, which only the platform's own URL check proves; from here we can catch a proxy not
 * forwarding, a wrong certificate or a typo.
 */
export async function serviceFindings(c: Config): Promise<Finding[]> {
  const out: Finding[] = [];
  const host = c.HOST === '0.0.0.0' || c.HOST === '::' ? '127.0.0.1' : c.HOST;
  const local = `http://${host.includes(':') ? `[${host}]` : host}:${c.PORT}`;
  const h = await getJson(`${local}/healthz`, 3000);
  if (typeof h === 'string' || h.status !== 200)
    out.push(
      warn(
        zh.doctor.service.notRunning.text(local, typeof h === 'string' ? h : `HTTP ${h.status}`),
        zh.doctor.service.notRunning.fix,
      ),
    );
  else {
    const r = await getJson(`${local}/readyz`, 3000);
    if (typeof r !== 'string' && r.status === 200) out.push(ok(zh.doctor.service.ready(local)));
    else
      out.push(
        fail(
          zh.doctor.service.notReady.text(typeof r === 'string' ? r : JSON.stringify(r.body)),
          zh.doctor.service.notReady.fix,
        ),
      );
  }
  if (c.PUBLIC_BASE_URL) {
    const url = `${c.PUBLIC_BASE_URL.replace(/\/$/, '')}/healthz`;
    const p = await getJson(url, 5000);
    if (typeof p !== 'string' && p.status === 200 && (p.body as { ok?: boolean })?.ok === true)
      out.push(ok(zh.doctor.service.publicOk(url)));
    else
      out.push(
        warn(
          zh.doctor.service.publicFailed.text(url, typeof p === 'string' ? p : `HTTP ${p.status}`),
          zh.doctor.service.publicFailed.fix,
        ),
      );
  }
  return out;
}

/**
 * The clock: signatures are checked against it (a WeCom or DingTalk callback older than the
 * allowed window is refused) and reminders go out by it. Compared with the platforms' clocks when
 * they answered, and NTP synchronisation asked of systemd when it is there.
 */
export function clockFindings(now: Date, clocks: { name: string; date: Date }[]): Finding[] {
  const out: Finding[] = [];
  for (const { name, date } of clocks) {
    // the Date header has whole seconds; allow for that and the request's own time
    const skew = Math.round((now.getTime() - date.getTime()) / 1000);
    const abs = Math.abs(skew);
    const said = zh.doctor.service.skew(name, skew > 0, abs);
    if (abs > 300) out.push(fail(said, zh.doctor.service.skewFailFix));
    else if (abs > 30) out.push(warn(said, zh.doctor.service.skewWarnFix));
    else out.push(ok(zh.doctor.service.inStep(name, abs)));
  }
  const r = spawnSync('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], {
    encoding: 'utf8',
    timeout: 3000,
  });
  if (r.status === 0) {
    if (r.stdout.trim() === 'yes') out.push(ok(zh.doctor.service.ntp));
    else out.push(warn(zh.doctor.service.noNtp.text, zh.doctor.service.noNtp.fix));
  } else if (!clocks.length) out.push(info(zh.doctor.service.noClock));
  return out;
}

/** The national holiday table must cover this year (and next year from November on). */
export function calendarFindings(calendar: WorkCalendar, today: string): Finding[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (!calendar.hasHolidayData(year))
    return [fail(zh.doctor.service.noHolidays.text(year), zh.doctor.service.noHolidays.fix)];
  if (month >= 11 && !calendar.hasHolidayData(year + 1))
    return [
      warn(
        zh.doctor.service.noHolidaysNextYear.text(year + 1),
        zh.doctor.service.noHolidaysNextYear.fix(year + 1),
      ),
    ];
  return [ok(zh.doctor.service.holidays(year, calendar.hasHolidayData(year + 1)))];
}

/** The roster: loaded at all, someone to receive the digest, people nobody can reach. */
export function rosterFindings(schools: number, people: Person[]): Finding[] {
  const active = people.filter((p) => p.active);
  if (schools === 0) return [fail(zh.doctor.service.noRoster.text, zh.doctor.service.noRoster.fix)];
  const out: Finding[] = [ok(zh.doctor.service.roster(schools, active.length))];
  if (!active.some((p) => p.roles.includes('leader')))
    out.push(warn(zh.doctor.service.noLeader.text, zh.doctor.service.noLeader.fix));
  if (!active.some((p) => p.roles.includes('admin')))
    out.push(warn(zh.doctor.service.noAdmin.text, zh.doctor.service.noAdmin.fix));
  const unreachable = active.filter((p) => !p.wecomId && !p.dingtalkId);
  if (unreachable.length)
    out.push(
      warn(
        zh.doctor.service.unreachablePeople.text(
          unreachable.length,
          unreachable.map((p) => p.name),
        ),
        zh.doctor.service.unreachablePeople.fix,
      ),
    );
  return out;
}

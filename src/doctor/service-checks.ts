import { spawnSync } from 'node:child_process';
import type { Config } from '../config.js';
import type { WorkCalendar } from '../domain/calendar.js';
import type { Person } from '../domain/roster.js';
import { fail, info, ok, warn, type Finding } from './finding.js';

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
    if ((e as Error).name === 'TimeoutError') return `${timeoutMs / 1000} 秒内无应答`;
    return cause?.code ?? cause?.errors?.find((x) => x.code)?.code ?? '无法连接';
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
        `本机 ${local} 上没有 dudao 服务在应答（${typeof h === 'string' ? h : `HTTP ${h.status}`}）`,
        '启动服务：systemctl start dudao（服务在别的机器上时可忽略此项）',
      ),
    );
  else {
    const r = await getJson(`${local}/readyz`, 3000);
    if (typeof r !== 'string' && r.status === 200) out.push(ok(`服务正在运行，${local}/readyz 正常`));
    else
      out.push(
        fail(
          `服务在运行，但 /readyz 未就绪（${typeof r === 'string' ? r : JSON.stringify(r.body)}）`,
          '查看日志：journalctl -u dudao -n 50',
        ),
      );
  }
  if (c.PUBLIC_BASE_URL) {
    const url = `${c.PUBLIC_BASE_URL.replace(/\/$/, '')}/healthz`;
    const p = await getJson(url, 5000);
    if (typeof p !== 'string' && p.status === 200 && (p.body as { ok?: boolean })?.ok === true)
      out.push(ok(`从本机能访问对外地址 ${url}`));
    else
      out.push(
        warn(
          `从本机访问对外地址 ${url} 失败（${typeof p === 'string' ? p : `HTTP ${p.status}`}）`,
          '检查域名解析、nginx 转发和证书（部署手册「HTTPS 反向代理」）；内网服务器访问不到自己的公网地址也是常见的，请在外网用手机浏览器打开该地址确认',
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
    const said = `本机时钟比${name}服务器${skew > 0 ? '快' : '慢'} ${abs} 秒`;
    if (abs > 300)
      out.push(
        fail(
          said,
          '平台会拒收时间相差过大的签名，提醒也会在错误的时间发出：请配置 NTP 时间同步（chrony 或 systemd-timesyncd）',
        ),
      );
    else if (abs > 30) out.push(warn(said, '请配置 NTP 时间同步（chrony 或 systemd-timesyncd）'));
    else out.push(ok(`本机时钟与${name}服务器一致（相差 ${abs} 秒以内）`));
  }
  const r = spawnSync('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], {
    encoding: 'utf8',
    timeout: 3000,
  });
  if (r.status === 0) {
    if (r.stdout.trim() === 'yes') out.push(ok('系统时钟已与 NTP 同步'));
    else
      out.push(
        warn('系统时钟没有与 NTP 同步（timedatectl）', '配置内网的 NTP 服务器：chrony 或 systemd-timesyncd'),
      );
  } else if (!clocks.length) out.push(info('无法核对时钟（没有可比较的平台服务器，也没有 timedatectl）'));
  return out;
}

/** The national holiday table must cover this year (and next year from November on). */
export function calendarFindings(calendar: WorkCalendar, today: string): Finding[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (!calendar.hasHolidayData(year))
    return [
      fail(
        `节假日数据不含 ${year} 年：法定节假日和调休会被当作普通工作日`,
        '升级 dudao（新版本带有最新的节假日安排）',
      ),
    ];
  if (month >= 11 && !calendar.hasHolidayData(year + 1))
    return [
      warn(`节假日数据还不含 ${year + 1} 年`, `国务院公布 ${year + 1} 年节假日安排后，请在元旦前升级 dudao`),
    ];
  return [ok(`节假日数据包含 ${year} 年${calendar.hasHolidayData(year + 1) ? `和 ${year + 1} 年` : ''}`)];
}

/** The roster: loaded at all, someone to receive the digest, people nobody can reach. */
export function rosterFindings(schools: number, people: Person[]): Finding[] {
  const active = people.filter((p) => p.active);
  if (schools === 0)
    return [
      fail('还没有导入名单', '准备名单文件后运行 dudao import 名单.xlsx --dry-run，无误后去掉 --dry-run'),
    ];
  const out: Finding[] = [ok(`名单：学校 ${schools} 所，在职人员 ${active.length} 人`)];
  if (!active.some((p) => p.roles.includes('leader')))
    out.push(warn('名单中没有领导：每日督导日报无人接收', '在人员表中给相应人员填写角色「领导」'));
  if (!active.some((p) => p.roles.includes('admin')))
    out.push(
      warn('名单中没有管理员：无法送达的提醒无人接收', '在人员表中给负责系统的人员填写角色「管理员」'),
    );
  const unreachable = active.filter((p) => !p.wecomId && !p.dingtalkId);
  if (unreachable.length)
    out.push(
      warn(
        `${unreachable.length} 人既没有企业微信也没有钉钉账号，发给他们的通知无法送达：${unreachable
          .slice(0, 5)
          .map((p) => p.name)
          .join('、')}${unreachable.length > 5 ? ' 等' : ''}`,
        '在人员表的「企业微信」或「钉钉」列补上账号后重新导入',
      ),
    );
  return out;
}

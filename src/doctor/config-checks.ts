import { statfsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { fail, info, ok, warn, type Finding } from './finding.js';
import { zh } from '../text/zh-CN/index.js';

/**
 * The configuration as read (a bad value never gets this far: the CLI stops on it first): which
 * platforms are set up, whether the platforms can call back, and the things that are legal but
 * unwise on a server (the simulator on, an http:// callback address, no admin token).
 */
export function configFindings(c: Config, source: string): Finding[] {
  const out: Finding[] = [ok(zh.doctor.config.read(source))];
  const platforms = [
    c.wecomAppEnabled && zh.doctor.config.platformNames.wecomApp,
    c.wecomBotEnabled && zh.doctor.config.platformNames.wecomBot,
    c.dingtalkEnabled && zh.doctor.config.platformNames.dingtalk(c.DINGTALK_MODE === 'stream'),
  ].filter((p): p is string => Boolean(p));
  if (platforms.length) out.push(ok(zh.doctor.config.platforms(platforms)));
  else out.push(warn(zh.doctor.config.noPlatform.text, zh.doctor.config.noPlatform.fix));
  if (c.SIM === 'on' && platforms.length === 0 && c.PUBLIC_BASE_URL)
    out.push(warn(zh.doctor.config.simOpen.text(c.PUBLIC_BASE_URL), zh.doctor.config.simOpen.fix));
  const needsCallback =
    c.wecomAppEnabled || c.wecomBotEnabled || (c.dingtalkEnabled && c.DINGTALK_MODE === 'http');
  if (!c.PUBLIC_BASE_URL) {
    if (needsCallback) out.push(fail(zh.doctor.config.noBaseUrl.text, zh.doctor.config.noBaseUrl.fix));
  } else if (!c.PUBLIC_BASE_URL.startsWith('https://')) {
    out.push(warn(zh.doctor.config.httpBaseUrl.text(c.PUBLIC_BASE_URL), zh.doctor.config.httpBaseUrl.fix));
  } else out.push(ok(zh.doctor.config.baseUrl(c.PUBLIC_BASE_URL)));
  if (c.PUBLIC_BASE_URL?.startsWith('https://') && !c.TRUST_PROXY && c.HOST !== '0.0.0.0')
    out.push(info(zh.doctor.config.trustProxy));
  // every call to a platform carries its secret or access_token (in the query string, even):
  // over plain HTTP anyone on the path reads them. Loopback is the tests' fake platform.
  const apiBases = [
    c.wecomAppEnabled || c.wecomBotEnabled ? (['WECOM_API_BASE', c.WECOM_API_BASE] as const) : undefined,
    c.dingtalkEnabled ? (['DINGTALK_API_BASE', c.DINGTALK_API_BASE] as const) : undefined,
    c.dingtalkEnabled ? (['DINGTALK_OAPI_BASE', c.DINGTALK_OAPI_BASE] as const) : undefined,
  ];
  for (const b of apiBases)
    if (b && plainHttp(b[1]))
      out.push(warn(zh.doctor.config.httpApiBase.text(b[0], b[1]), zh.doctor.config.httpApiBase.fix));
  if (!c.ADMIN_TOKEN) out.push(info(zh.doctor.config.noAdminToken));
  else out.push(ok(zh.doctor.config.adminToken));
  out.push(info(zh.doctor.config.times(c.TIMEZONE, c.WORK_HOURS.start, c.WORK_HOURS.end, c.DIGEST_TIME)));
  return out;
}

/** http:// to anywhere but this machine. */
function plainHttp(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/** DATA_DIR (the embedded Redis's files, media, exports): free space on its disk. */
export function dataDirFindings(dataDir: string): Finding[] {
  const dir = resolve(dataDir);
  let free: number;
  try {
    const s = statfsSync(dir);
    free = s.bavail * s.bsize;
  } catch {
    return [info(zh.doctor.config.dataDirMissing(dir))];
  }
  const gb = free / 1024 ** 3;
  const shown = gb >= 1 ? `${gb.toFixed(1)} GB` : `${Math.round(free / 1024 ** 2)} MB`;
  if (free < 200 * 1024 ** 2)
    return [fail(zh.doctor.config.diskLow(dir, shown), zh.doctor.config.diskFullFix)];
  if (free < 2 * 1024 ** 3) return [warn(zh.doctor.config.diskLow(dir, shown), zh.doctor.config.diskLowFix)];
  return [ok(zh.doctor.config.disk(dir, shown))];
}

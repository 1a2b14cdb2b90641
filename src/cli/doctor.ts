import { existsSync } from 'node:fs';
import { createCalendar } from '../domain/calendar.js';
import { dayInZone } from '../domain/day.js';
import { configFindings, dataDirFindings } from '../doctor/config-checks.js';
import { fail, formatReport, hasFailures, info, type Finding, type Section } from '../doctor/finding.js';
import { platformFindings } from '../doctor/platform-checks.js';
import { redisFindings } from '../doctor/redis-checks.js';
import {
  calendarFindings,
  clockFindings,
  rosterFindings,
  serviceFindings,
} from '../doctor/service-checks.js';
import { DEFAULT_PREFIX } from '../queue/names.js';
import { connectRedis, type RedisClient } from '../redis/connect.js';
import { startEmbeddedRedis, type EmbeddedRedis } from '../redis/embedded-redis.js';
import { createStore } from '../store/redis-store.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';

/** A Redis URL as it may be shown: the password replaced. */
export function showUrl(url: string): string {
  return url.replace(
    /\/\/([^@/]*)@/,
    (_, auth: string) => `//${auth.includes(':') ? `${auth.split(':')[0]}:***` : '***'}@`,
  );
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, rej) =>
      setTimeout(() => rej(new Error(`${what}：${ms / 1000} 秒内无应答`)), ms).unref(),
    ),
  ]);

/**
 * `dudao doctor`: every check an office's IT staff would otherwise do by hand, in Chinese, with
 * what to do about each problem; exit 0 only when nothing needs fixing (docs/spec/interfaces.md →
 * Set-up and running). It changes nothing (with the embedded Redis stopped it starts it to look,
 * and stops it again).
 */
export const doctorCommand: CliCommand = async ({ config, args, out }) => {
  if (args.length) {
    for (const l of argumentError('doctor', `不认识的参数 “${args[0]}”`)) out(l);
    return 2;
  }
  const now = new Date();
  const today = dayInZone(now, config.TIMEZONE);
  const source = process.env.DUDAO_ENV_FILE ?? (existsSync('.env') ? `${process.cwd()}/.env` : '环境变量');
  const sections: Section[] = [];
  sections.push({
    title: '配置',
    findings: [
      ...configFindings(config, source),
      ...(config.REDIS_URL ? [] : dataDirFindings(config.DATA_DIR)),
    ],
  });

  const redisSection: Section = { title: 'Redis', findings: [] };
  sections.push(redisSection);
  let redis: RedisClient | undefined;
  let embedded: EmbeddedRedis | undefined;
  try {
    let url = config.REDIS_URL;
    let where: string;
    if (url) where = showUrl(url);
    else {
      embedded = await startEmbeddedRedis({ dataDir: config.DATA_DIR });
      url = embedded.url;
      where = `自带的 Redis（数据目录 ${config.DATA_DIR}，端口 ${embedded.port}）`;
      redisSection.findings.push(
        info(
          embedded.owned
            ? '服务没有在运行：临时启动了数据目录中的 Redis 来检查，检查完即关闭'
            : '使用服务正在运行的 Redis',
        ),
      );
    }
    // the retrying role: the PING waits for the connection (bounded below) instead of failing
    // before it is made
    redis = connectRedis(url, { role: 'worker', name: 'dudao-doctor' });
    redis.on('error', () => {});
    await withTimeout(redis.ping(), 5000, `连接 ${where}`);
    redisSection.findings.push(...(await redisFindings(redis, where)));
  } catch (e) {
    const msg = (e as Error).message;
    redisSection.findings.push(
      fail(
        `无法连接 Redis：${msg}`,
        config.REDIS_URL
          ? '检查 REDIS_URL（地址、端口、密码）和 Redis 是否在运行'
          : /ENOENT|spawn/.test(msg)
            ? '找不到 redis-server：按部署手册「准备 Node.js 和 Redis」安装'
            : '查看数据目录中的 redis.log',
      ),
    );
  }

  if (redis && redisSection.findings.every((f) => f.level !== 'fail' || !f.text.startsWith('无法连接'))) {
    try {
      const store = createStore(redis, DEFAULT_PREFIX);
      const [schools, people] = await Promise.all([store.listSchools(), store.listPeople()]);
      sections.push({
        title: '名单',
        findings: rosterFindings(schools.filter((s) => s.active).length, people),
      });
    } catch (e) {
      sections.push({ title: '名单', findings: [fail(`读取名单失败：${(e as Error).message}`)] });
    }
  }
  redis?.disconnect();
  await embedded?.stop();

  const platforms = await platformFindings(config);
  sections.push({
    title: '平台',
    findings: platforms.findings.length ? platforms.findings : [info('没有配置平台，跳过')],
  });
  sections.push({ title: '服务', findings: await serviceFindings(config) });
  const clock: Finding[] = [
    ...clockFindings(now, platforms.clocks),
    ...calendarFindings(createCalendar(), today),
  ];
  sections.push({ title: '时钟和日历', findings: clock });

  out(
    `dudao 体检 · ${today} ${now.toLocaleTimeString('zh-CN', { timeZone: config.TIMEZONE, hour12: false })}（${config.TIMEZONE}）`,
  );
  out('');
  for (const l of formatReport(sections)) out(l);
  return hasFailures(sections) ? 1 : 0;
};

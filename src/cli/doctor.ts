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
import { zh } from '../text/zh-CN/index.js';

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
      setTimeout(() => rej(new Error(zh.doctor.run.noAnswer(what, ms / 1000))), ms).unref(),
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
    for (const l of argumentError('doctor', zh.cli.unknownArgument(args[0]!))) out(l);
    return 2;
  }
  const now = new Date();
  const today = dayInZone(now, config.TIMEZONE);
  const source =
    process.env.DUDAO_ENV_FILE ?? (existsSync('.env') ? `${process.cwd()}/.env` : zh.doctor.run.environment);
  const sections: Section[] = [];
  sections.push({
    title: zh.doctor.sections.config,
    findings: [
      ...configFindings(config, source),
      ...(config.REDIS_URL ? [] : dataDirFindings(config.DATA_DIR)),
    ],
  });

  const redisSection: Section = { title: zh.doctor.sections.redis, findings: [] };
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
      where = zh.doctor.run.embeddedRedis(config.DATA_DIR, embedded.port);
      redisSection.findings.push(
        info(embedded.owned ? zh.doctor.run.startedRedis : zh.doctor.run.runningRedis),
      );
    }
    // the retrying role: the PING waits for the connection (bounded below) instead of failing
    // before it is made
    redis = connectRedis(url, { role: 'worker', name: 'dudao-doctor' });
    redis.on('error', () => {});
    await withTimeout(redis.ping(), 5000, zh.doctor.run.connecting(where));
    redisSection.findings.push(...(await redisFindings(redis, where)));
  } catch (e) {
    const msg = (e as Error).message;
    redisSection.findings.push(
      fail(
        zh.doctor.run.redisUnreachableBecause(msg),
        config.REDIS_URL
          ? zh.doctor.run.redisUnreachableFix.external
          : /ENOENT|spawn/.test(msg)
            ? zh.doctor.run.redisUnreachableFix.noServer
            : zh.doctor.run.redisUnreachableFix.embedded,
      ),
    );
  }

  if (
    redis &&
    redisSection.findings.every(
      (f) => f.level !== 'fail' || !f.text.startsWith(zh.doctor.run.redisUnreachable),
    )
  ) {
    try {
      const store = createStore(redis, DEFAULT_PREFIX);
      const [schools, people] = await Promise.all([store.listSchools(), store.listPeople()]);
      sections.push({
        title: zh.doctor.sections.roster,
        findings: rosterFindings(schools.filter((s) => s.active).length, people),
      });
    } catch (e) {
      sections.push({
        title: zh.doctor.sections.roster,
        findings: [fail(zh.doctor.run.rosterUnreadable((e as Error).message))],
      });
    }
  }
  redis?.disconnect();
  await embedded?.stop();

  const platforms = await platformFindings(config);
  sections.push({
    title: zh.doctor.sections.platforms,
    findings: platforms.findings.length ? platforms.findings : [info(zh.doctor.run.noPlatforms)],
  });
  sections.push({ title: zh.doctor.sections.service, findings: await serviceFindings(config) });
  const clock: Finding[] = [
    ...clockFindings(now, platforms.clocks),
    ...calendarFindings(createCalendar(), today),
  ];
  sections.push({ title: zh.doctor.sections.clock, findings: clock });

  out(
    zh.doctor.heading(
      today,
      now.toLocaleTimeString('zh-CN', { timeZone: config.TIMEZONE, hour12: false }),
      config.TIMEZONE,
    ),
  );
  out('');
  for (const l of formatReport(sections)) out(l);
  return hasFailures(sections) ? 1 : 0;
};

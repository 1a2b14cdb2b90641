import { z } from 'zod';

/**
 * Configuration: one zod schema over an injected `env` (process.env only in the composition
 * roots). Every variable is listed, with a comment, in .env.example; the names are a contract
 * (docs/spec/interfaces.md → Environment).
 */

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM, e.g. 08:30');
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const intIn = (min: number, max: number, dflt: number) =>
  z.coerce.number().int().min(min).max(max).default(dflt);

const workHours = z
  .string()
  .default('08:30-18:00')
  .refine(
    (v) => /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/.test(v),
    'expected HH:MM-HH:MM, e.g. 08:30-18:00',
  )
  .transform((v) => {
    const [start, end] = v.split('-') as [string, string];
    return { start, end };
  })
  .refine((v) => v.start < v.end, 'the start must be before the end');

const workdayList = z
  .string()
  .default('3,1,0')
  .refine(
    (v) => /^\s*\d{1,2}(\s*,\s*\d{1,2})*\s*$/.test(v),
    'expected a comma list of working days, e.g. 3,1,0',
  )
  .transform((v) => [...new Set(v.split(',').map((s) => Number(s.trim())))].sort((a, b) => b - a));

const onOff = z.enum(['on', 'off']);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], {
    error: 'expected true or false',
  })
  .default('false')
  .transform((v) => v === 'true' || v === '1' || v === 'yes' || v === 'on');

const redisUrl = optionalText.refine(
  (v) =>
    v === undefined ||
    v.split(',').every((part) => /^(redis|rediss|redis\+sentinel):\/\/\S+$/.test(part.trim())),
  'expected redis://, rediss://, redis+sentinel:// or a comma list of redis:// node URLs',
);

const aesKey = optionalText.refine(
  (v) => v === undefined || /^[A-Za-z0-9+/]{43}$/.test(v),
  'expected the 43-character EncodingAESKey from the console',
);

const timezone = z
  .string()
  .default('Asia/Shanghai')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone, e.g. Asia/Shanghai');

export const configSchema = z.object({
  PORT: intIn(0, 65535, 3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_BASE_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/\S+$/.test(v),
    'expected an http(s) URL',
  ),
  REDIS_URL: redisUrl,
  DATA_DIR: z.string().default('./data'),
  TIMEZONE: timezone,
  /** the office's name as printed on the month's export (城关区教育督导室) */
  OFFICE_NAME: optionalText.refine((v) => v === undefined || v.length <= 64, 'at most 64 characters'),

  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText.refine(
    (v) => v === undefined || /^\d+$/.test(v),
    'expected the numeric AgentId',
  ),
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText,
  WECOM_AES_KEY: aesKey,
  WECOM_BOT_TOKEN: optionalText,
  WECOM_BOT_AES_KEY: aesKey,
  WECOM_API_BASE: z.url().default('https://qyapi.weixin.qq.com'),
  /** the host of WeCom's web-authorisation page (网页授权); another for 政务微信 or private deployments */
  WECOM_OAUTH_BASE: z.url().default('https://open.weixin.qq.com'),

  DINGTALK_APP_KEY: optionalText,
  DINGTALK_APP_SECRET: optionalText,
  DINGTALK_ROBOT_CODE: optionalText,
  DINGTALK_MODE: z.enum(['http', 'stream']).default('http'),
  DINGTALK_EVENT_TOKEN: optionalText,
  DINGTALK_EVENT_AES_KEY: aesKey,
  DINGTALK_CARD_TEMPLATE_ID: optionalText,
  DINGTALK_API_BASE: z.url().default('https://api.dingtalk.com'),
  DINGTALK_OAPI_BASE: z.url().default('https://oapi.dingtalk.com'),
  /** the host of DingTalk's sign-in page (OAuth 2 web flow) */
  DINGTALK_LOGIN_BASE: z.url().default('https://login.dingtalk.com'),

  ADMIN_TOKEN: optionalText.refine(
    (v) => v === undefined || v.length >= 16,
    'must be at least 16 characters',
  ),
  SIM: onOff.optional(),
  /** signs the board's links and sessions; unset: a secret generated at first start, kept in Redis */
  BOARD_SECRET: optionalText.refine(
    (v) => v === undefined || v.length >= 32,
    'must be at least 32 characters (e.g. openssl rand -hex 32)',
  ),

  DEFAULT_DEADLINE_WORKDAYS: intIn(1, 60, 10),
  REMINDER_WORKDAYS_BEFORE: workdayList,
  ESCALATE_AFTER_WORKDAYS: intIn(1, 60, 3),
  WORK_HOURS: workHours,
  DIGEST_TIME: hhmm.default('08:30'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool,
  SENDER_RATE_LIMIT: z
    .string()
    .default('20/min')
    .refine((v) => /^\s*\d{1,5}\s*\/\s*min\s*$/.test(v), 'expected messages per minute, e.g. 20/min')
    .transform((v) => Number(v.split('/')[0]))
    .refine((n) => n >= 1, 'at least 1/min'),
});

type Parsed = z.output<typeof configSchema>;

export interface Config extends Omit<Parsed, 'SIM'> {
  SIM: 'on' | 'off';
  wecomAppEnabled: boolean;
  wecomBotEnabled: boolean;
  dingtalkEnabled: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Parse the environment; throws ConfigError with one line per bad variable (never its value). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const r = configSchema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${String(i.path[0] ?? 'config')}: ${i.message}`);
    throw new ConfigError([...new Set(lines)]);
  }
  const c = r.data;
  const lines: string[] = [];
  const group = (names: (keyof Parsed)[], what: string) => {
    const set = names.filter((n) => c[n] !== undefined);
    if (set.length > 0 && set.length < names.length) {
      for (const n of names)
        if (c[n] === undefined) lines.push(`${n}: missing, but needed for ${what} (${set.join(', ')} set)`);
    }
    return set.length === names.length;
  };
  const wecomAppEnabled = group(
    ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_AES_KEY'],
    'the WeCom self-built app',
  );
  const wecomBotEnabled = group(['WECOM_BOT_TOKEN', 'WECOM_BOT_AES_KEY'], 'the WeCom smart bot');
  const dingtalkEnabled = group(
    ['DINGTALK_APP_KEY', 'DINGTALK_APP_SECRET', 'DINGTALK_ROBOT_CODE'],
    'the DingTalk robot',
  );
  if (c.DINGTALK_MODE === 'http' && dingtalkEnabled) {
    group(['DINGTALK_EVENT_TOKEN', 'DINGTALK_EVENT_AES_KEY'], 'DingTalk event subscription');
  }
  const anyPlatform = wecomAppEnabled || wecomBotEnabled || dingtalkEnabled;
  // The simulator lets anyone act as anyone on the roster and move the clock: never beside a real
  // platform (docs/security.md → "The simulator never runs beside a real platform").
  if (c.SIM === 'on' && anyPlatform) {
    const on = [
      wecomAppEnabled && 'WeCom app',
      wecomBotEnabled && 'WeCom smart bot',
      dingtalkEnabled && 'DingTalk',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `SIM: must be off while a platform is configured (${on}): the simulator lets anyone act as anyone on the roster`,
    );
  }
  if (lines.length) throw new ConfigError(lines);
  return {
    ...c,
    SIM: c.SIM ?? (anyPlatform ? 'off' : 'on'),
    wecomAppEnabled,
    wecomBotEnabled,
    dingtalkEnabled,
  };
}

/**
 * Is the simulator on? SIM=on and no platform configured: loadConfig refuses the two together,
 * and every place that turns the simulator on asks here too, so a Config built another way
 * cannot bring it up beside a real platform.
 */
export function simActive(
  c: Pick<Config, 'SIM' | 'wecomAppEnabled' | 'wecomBotEnabled' | 'dingtalkEnabled'>,
) {
  return c.SIM === 'on' && !c.wecomAppEnabled && !c.wecomBotEnabled && !c.dingtalkEnabled;
}

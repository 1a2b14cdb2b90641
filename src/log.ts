import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * JSON lines on stdout. Secrets, tokens and message bodies never reach the log: the redaction
 * list below is the last line of defence; the first is that we never pass them to the logger.
 */
export const REDACT_PATHS = [
  'secret',
  '*.secret',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'aesKey',
  '*.aesKey',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'clientSecret',
  '*.clientSecret',
  'text',
  '*.text',
  'body',
  '*.body',
  'content',
  '*.content',
  'echostr',
  '*.echostr',
  'WECOM_SECRET',
  'WECOM_TOKEN',
  'WECOM_AES_KEY',
  'WECOM_BOT_TOKEN',
  'WECOM_BOT_AES_KEY',
  'DINGTALK_APP_SECRET',
  'DINGTALK_EVENT_TOKEN',
  'DINGTALK_EVENT_AES_KEY',
  'ADMIN_TOKEN',
  'BOARD_SECRET',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { svc: 'dudao' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

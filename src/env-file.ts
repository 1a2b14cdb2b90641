import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { zh } from './text/zh-CN/index.js';

/** The file DUDAO_ENV_FILE names is missing or unreadable: one line, no stack. */
export class EnvFileError extends Error {}

/**
 * The configuration file under the real environment (a variable already set wins): the file named
 * by `DUDAO_ENV_FILE` when it is set — an installed server keeps its settings in
 * /etc/dudao/dudao.env, the same file the systemd unit's EnvironmentFile reads, so `dudao export`
 * typed in any directory sees the service's DATA_DIR and REDIS_URL — else `./.env` when it exists.
 */
export function readEnv(
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  const named = env.DUDAO_ENV_FILE;
  let fromFile: Record<string, string> = {};
  if (named) {
    let text: string;
    try {
      text = readFileSync(named, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new EnvFileError(
        code === 'ENOENT'
          ? zh.cli.envFile.missing(named)
          : zh.cli.envFile.unreadable(named, code ?? (e as Error).message),
      );
    }
    fromFile = parseEnv(text) as Record<string, string>;
  } else {
    const file = `${cwd}/.env`;
    if (existsSync(file)) fromFile = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
  }
  return { ...fromFile, ...env };
}

import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** `./.env` when it exists, under the real environment: a variable already set wins. */
export function readEnv(
  cwd = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string | undefined> {
  const file = `${cwd}/.env`;
  const fromFile = existsSync(file) ? (parseEnv(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  return { ...fromFile, ...env };
}

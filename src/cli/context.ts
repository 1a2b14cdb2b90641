import type { Config } from '../config.js';
import type { Logger } from '../log.js';

/** What every CLI command gets: parsed config, a logger on stderr, its own argv, and stdout. */
export interface CliContext {
  config: Config;
  log: Logger;
  args: string[];
  out: (line: string) => void;
  err: (line: string) => void;
}

export type CliCommand = (ctx: CliContext) => Promise<number>;

import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './log.js';
import { readEnv } from './env-file.js';
import { pino } from 'pino';
import type { CliCommand } from './cli/context.js';
import { serveCommand } from './cli/serve.js';

/**
 * `npx dudao <command>`: the composition root of the command line. Commands other than serve,
 * web and worker work against Redis alone and exit when done (docs/spec/interfaces.md → Command line).
 */
const commands: Record<string, { run: () => Promise<CliCommand>; help: string }> = {
  serve: {
    run: async () => serveCommand({ web: true, worker: true }),
    help: 'web and workers in one process (npm start)',
  },
  web: { run: async () => serveCommand({ web: true, worker: false }), help: 'the web role alone' },
  worker: { run: async () => serveCommand({ web: false, worker: true }), help: 'the workers alone' },
  import: {
    run: async () => (await import('./cli/import.js')).importCommand,
    help: 'load the roster from .xlsx, .csv or .json (all or nothing)',
  },
  parse: {
    run: async () => (await import('./cli/parse.js')).parseCommand,
    help: 'show how a message is understood, store nothing',
  },
  remind: {
    run: async () => (await import('./cli/remind.js')).remindCommand,
    help: 'run the reminder and escalation pass as of a time',
  },
  digest: {
    run: async () => (await import('./cli/digest.js')).digestCommand,
    help: "build (and unless dry, send) a day's digest",
  },
  export: {
    run: async () => (await import('./cli/export.js')).exportCommand,
    help: "the month's records, items and statistics as a workbook",
  },
};

export const USAGE = `usage: npx dudao <command> [options]

commands:
  serve                                   web and workers in one process (what npm start runs)
  web | worker                            either role alone, for running several of each
  import <file> [--dry-run]               load the roster from .xlsx, .csv or .json (all or nothing)
  parse [--now ISO] [--json] <text>       show how a message is understood, store nothing
  remind [--at ISO] [--dry-run] [--json]  run the reminder and escalation pass as of a time
  digest [--date YYYY-MM-DD] [--dry-run]  build (and unless dry, send) a day's digest
  export --month YYYY-MM --out FILE.xlsx  the month's records, items and statistics
  help                                    this list`;

export async function main(argv: string[], env = readEnv()): Promise<number> {
  const [name, ...args] = argv;
  const out = (l: string) => process.stdout.write(l + '\n');
  const err = (l: string) => process.stderr.write(l + '\n');
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    out(USAGE);
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    err(`dudao: unknown command "${name}"; see \`npx dudao --help\``);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const line of e.lines) err(`dudao: bad configuration: ${line}`);
      return 1;
    }
    throw e;
  }
  const serving = name === 'serve' || name === 'web' || name === 'worker';
  // The service logs JSON to stdout; one-shot commands keep stdout for their output.
  const log = createLogger(config.LOG_LEVEL, serving ? undefined : pino.destination(2));
  try {
    const cmd = await entry.run();
    return await cmd({ config, log, args, out, err });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    err(`dudao ${name}: ${msg}`);
    return 1;
  }
}

import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './log.js';
import { EnvFileError, readEnv } from './env-file.js';
import { pino } from 'pino';
import type { CliCommand } from './cli/context.js';
import { serveCommand } from './cli/serve.js';
import { USAGE, usages } from './cli/usage.js';
import { zh } from './text/zh-CN/index.js';

export { USAGE };

/**
 * `npx dudao <command>`: the composition root of the command line. Commands other than serve,
 * web and worker work against Redis alone and exit when done (docs/spec/interfaces.md → Command
 * line). `<command> --help` prints the command's usage and exits 0 before anything is read.
 */
const commands: Record<string, () => Promise<CliCommand>> = {
  serve: async () => serveCommand({ web: true, worker: true }),
  web: async () => serveCommand({ web: true, worker: false }),
  worker: async () => serveCommand({ web: false, worker: true }),
  import: async () => (await import('./cli/import.js')).importCommand,
  parse: async () => (await import('./cli/parse.js')).parseCommand,
  remind: async () => (await import('./cli/remind.js')).remindCommand,
  digest: async () => (await import('./cli/digest.js')).digestCommand,
  export: async () => (await import('./cli/export.js')).exportCommand,
  doctor: async () => (await import('./cli/doctor.js')).doctorCommand,
  backup: async () => (await import('./cli/backup.js')).backupCommand,
  restore: async () => (await import('./cli/backup.js')).restoreCommand,
};

const SERVING = new Set(['serve', 'web', 'worker']);

/** The options every command takes, looked for before a `--` (after it, parse's text begins). */
function commonOptions(args: string[]): { help: boolean; verbose: boolean; rest: string[] } {
  const end = args.indexOf('--');
  const opts = end < 0 ? args : args.slice(0, end);
  const tail = end < 0 ? [] : args.slice(end);
  return {
    help: opts.includes('--help') || opts.includes('-h'),
    verbose: opts.includes('--verbose'),
    rest: [...opts.filter((a) => a !== '--verbose'), ...tail],
  };
}

export async function main(argv: string[], env?: Record<string, string | undefined>): Promise<number> {
  const [name, ...args] = argv;
  const out = (l: string) => process.stdout.write(l + '\n');
  const err = (l: string) => process.stderr.write(l + '\n');
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? args[0] : undefined;
    out(topic && usages[topic] ? usages[topic] : USAGE);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    err(zh.cli.unknownCommand(name));
    return 2;
  }
  const o = commonOptions(args);
  if (o.help) {
    out(usages[name]!);
    return 0;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env ?? readEnv());
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const line of e.lines) err(`dudao: bad configuration: ${line}`);
      return 1;
    }
    if (e instanceof EnvFileError) {
      err(`dudao: ${e.message}`);
      return 1;
    }
    throw e;
  }
  const serving = SERVING.has(name);
  // The service logs JSON lines to stdout (docs/spec/interfaces.md → Operating it). A one-shot command keeps
  // its terminal for the person reading it: no log lines unless --verbose, and then on stderr.
  const log = serving
    ? createLogger(config.LOG_LEVEL)
    : createLogger(o.verbose ? config.LOG_LEVEL : 'silent', pino.destination(2));
  try {
    const cmd = await load();
    return await cmd({ config, log, args: o.rest, out, err });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    err(`dudao ${name}：${msg}`);
    return 1;
  }
}

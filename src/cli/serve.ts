import { startService } from '../server.js';
import { defaultWorkerThreads } from '../worker-threads.js';
import { simActive } from '../config.js';
import type { CliCommand } from './context.js';
import { argumentError } from './usage.js';
import { zh } from '../text/zh-CN/index.js';

/** `serve` (web + workers), `web` or `worker`: runs until SIGTERM/SIGINT, then closes within 10 s. */
export function serveCommand(roles: { web: boolean; worker: boolean }): CliCommand {
  const name = roles.web && roles.worker ? 'serve' : roles.web ? 'web' : 'worker';
  return async ({ config, log, args, out, err }) => {
    if (args.length) {
      for (const l of argumentError(name, zh.cli.unknownArgument(args[0]!))) err(l);
      return 2;
    }
    // serve: the jobs in worker threads, so a second core works and job CPU never delays a callback
    const workerThreads = roles.web && roles.worker ? defaultWorkerThreads() : 0;
    const svc = await startService({ config, log, ...roles, demoRoster: roles.web, workerThreads });
    if (svc.url) {
      const shown = config.PUBLIC_BASE_URL ?? svc.url.replace('127.0.0.1', 'localhost');
      out(`dudao is running at ${shown}${simActive(config) ? ` (simulator: ${shown}/sim)` : ''}`);
    } else {
      out('dudao worker is running');
    }
    await new Promise<void>((resolve) => {
      const stop = (sig: string) => {
        log.info({ signal: sig }, 'shutting down');
        const force = setTimeout(() => process.exit(1), 10_000);
        force.unref();
        svc.close().then(resolve, resolve);
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    return 0;
  };
}

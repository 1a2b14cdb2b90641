import { startService } from '../server.js';
import { simActive } from '../config.js';
import type { CliCommand } from './context.js';

/** `serve` (web + workers), `web` or `worker`: runs until SIGTERM/SIGINT, then closes within 10 s. */
export function serveCommand(roles: { web: boolean; worker: boolean }): CliCommand {
  return async ({ config, log, out }) => {
    const svc = await startService({ config, log, ...roles, demoRoster: roles.web });
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

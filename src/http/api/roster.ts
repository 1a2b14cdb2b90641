import type { ApiRoutes } from './deps.js';
import { parseQuery } from './deps.js';
import { z } from 'zod';
import { readBody } from '../read-body.js';
import { AppError, badRequest } from '../../errors.js';
import { normalizeJsonRoster } from '../../roster/load.js';
import { RosterBusyError } from '../../store/roster-store.js';
import { bool } from './params.js';
import { zh } from '../../text/zh-CN/index.js';

/** A district's roster as JSON is far above the callbacks' 64 KiB: 5,000 schools ≈ 1 MiB. */
const MAX_ROSTER_BYTES = 8 * 1024 * 1024;

/**
 * POST roster (the JSON roster of docs/spec/interfaces.md), all or nothing; `?dryRun=true` checks only.
 * Mistakes: 400 `invalid_roster` with every one listed in `details` (sheet, row, column, text);
 * `warnings` (same shape) lists what is worth a look but does not stop the import.
 */
export const rosterRoutes: ApiRoutes = (router, { store, year }) => {
  router.post('/roster', async (ctx) => {
    const q = parseQuery(ctx, z.strictObject({ dryRun: bool.optional() }));
    const raw = await readBody(ctx, MAX_ROSTER_BYTES);
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      throw badRequest('malformed', 'the body is not JSON');
    }
    const r = normalizeJsonRoster(body, { year: year() });
    if (!r.ok) {
      ctx.status = 400;
      ctx.body = {
        error: {
          code: 'invalid_roster',
          message: zh.roster.api.invalid(r.errors.length),
          details: r.errors,
          warnings: r.warnings,
        },
      };
      return;
    }
    try {
      const result = await store.importRoster(r.roster, { dryRun: q.dryRun ?? false });
      ctx.body = { ...result, warnings: r.warnings };
    } catch (e) {
      // never the exception's own text (a Redis error names keys and types): the one expected
      // failure gets its own code and a Chinese message; anything else is the app's 500, logged
      // by the error middleware with its name only
      if (e instanceof RosterBusyError) throw new AppError('roster_busy', zh.roster.api.busy, 409);
      throw e;
    }
  });
};

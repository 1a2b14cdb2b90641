import type Router from '@koa/router';
import type { Context } from 'koa';
import type { z } from 'zod';
import type { FullStore } from '../../store/store.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import { AppError, badRequest } from '../../errors.js';

/** What every /api/v1 route file gets. */
export interface ApiDeps {
  store: FullStore;
  /** today in TIMEZONE, for the derived `overdue` */
  today: () => string;
  /** plan months written without a year (三月) in a posted roster belong to this year */
  year: () => number;
  /** what stats, digest and export.xlsx need (src/reports) */
  reports: {
    timeZone: string;
    escalateAfterWorkdays: number;
    calendar: WorkCalendar;
    /** the largest REMINDER_WORKDAYS_BEFORE: the 黄 (due soon) window of stats and the board */
    dueSoonWorkdays: number;
    /** OFFICE_NAME, printed in the export's titles */
    officeName?: string;
  };
}

export type ApiRoutes = (router: Router, deps: ApiDeps) => void;

/**
 * Query parameters through a strict zod schema: an unknown parameter or a bad value is a 400 with
 * the parameter named, never an empty list (docs/spec/interfaces.md → JSON API).
 */
export function parseQuery<S extends z.ZodType>(ctx: Context, schema: S): z.output<S> {
  const q: Record<string, string> = {};
  for (const [key, v] of Object.entries(ctx.query)) {
    if (Array.isArray(v)) throw badRequest('bad_query', `parameter "${key}" is given more than once`);
    if (v !== undefined) q[key] = v;
  }
  const r = schema.safeParse(q);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const where = issue.path.length ? `parameter "${issue.path.join('.')}"` : 'query';
  const what =
    issue.code === 'unrecognized_keys'
      ? `unknown parameter(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : `${where}: ${issue.message}`;
  throw badRequest('bad_query', what);
}

export const notFoundError = (what: string, id: string) =>
  new AppError('not_found', `${what} ${id} not found`, 404);

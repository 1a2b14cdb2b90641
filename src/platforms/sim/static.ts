// The page's files, straight from public/ (no build step, no CDN). Read on each request: it is
// a simulator, and an edited file shows on reload.

import { readFile } from 'node:fs/promises';
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { Config } from '../../config.js';
import type { WorkCalendar } from '../../domain/calendar.js';
import { dayInZone, formatDayCn } from '../../domain/day.js';
import { notFound } from '../../errors.js';
import { zh } from '../../text/zh-CN/index.js';
import { timeInZone, type SimClock } from './clock.js';

const publicDir = new URL('./public/', import.meta.url);

const types: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Only our own origin: the page loads nothing from elsewhere, and nothing typed can run. */
const CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The page's words, from the catalogue: each {{zh.…}} mark in index.html becomes its entry,
 * escaped, and "ZH_JSON" the page's group (zh.sim.page, with the bot's name and the record
 * template as a supervisor types it) as JSON for the modules (text.js), in a
 * `<script type="application/json">` block: data the browser never runs, so the CSP's
 * `script-src 'self'` stands. `<` is written \u003c, so no text can close the block.
 */
function withText(html: string): string {
  const page = {
    ...zh.sim.page,
    botName: zh.domain.botName,
    example: `@${zh.domain.botName} ${zh.parser.recordTemplate()}`,
  };
  return html
    .replace(/\{\{zh\.([\w.]+)\}\}/g, (_, path: string) => {
      const v = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], zh);
      if (typeof v !== 'string') throw new Error(`index.html names zh.${path}, which is not a text`);
      return esc(v);
    })
    .replace('"ZH_JSON"', JSON.stringify(page).replace(/</g, '\\u003c'));
}

async function send(ctx: Context, file: string) {
  const ext = file.slice(file.lastIndexOf('.') + 1);
  let body: Buffer | string;
  try {
    body = await readFile(new URL(file, publicDir));
  } catch {
    throw notFound('not_found', 'not found');
  }
  if (ext === 'html') body = withText(body.toString('utf8'));
  ctx.type = types[ext] ?? 'application/octet-stream';
  ctx.set('Cache-Control', 'no-cache');
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (ext === 'html') ctx.set('Content-Security-Policy', CSP);
  ctx.body = body;
}

export function serveStatic(router: Router): void {
  // `/sim` only: the path guard refuses `/sim/` like every trailing slash (docs/security.md)
  router.get('/sim', (ctx) => send(ctx, 'index.html'));
  // app.js, app.css and the page's other modules: a plain name, never a path
  router.get('/sim/:file', async (ctx, next) => {
    const file = ctx.params.file ?? '';
    if (!/^[a-z][a-z0-9-]*\.(js|css)$/.test(file)) return next();
    await send(ctx, file);
  });
}

/** What the page's clock shows: simulated now in the office's time zone. */
export function clockView(
  clock: SimClock,
  config: Pick<Config, 'TIMEZONE' | 'DIGEST_TIME'>,
  calendar: WorkCalendar,
) {
  const now = clock.now();
  const day = dayInZone(now, config.TIMEZONE);
  const info = calendar.info(day);
  const time = timeInZone(now, config.TIMEZONE);
  const dayNote = info.workday ? '' : zh.sim.dayOff(info.holiday);
  return {
    now: now.toISOString(),
    offsetMs: clock.offsetMs(),
    simulated: clock.offsetMs() !== 0,
    timeZone: config.TIMEZONE,
    digestTime: config.DIGEST_TIME,
    day,
    time,
    workday: info.workday,
    label: `${formatDayCn(day)}${dayNote} ${time}`,
    year: Number(day.slice(0, 4)),
  };
}

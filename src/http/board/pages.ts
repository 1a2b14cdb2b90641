import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Context } from 'koa';
import { zh } from '../../text/zh-CN/index.js';
import {
  HOW_TO_GET_A_LINK,
  LOGIN_WITH,
  LOGOUT_AND_CONTINUE,
  PAGE_TITLE,
  REFUSALS,
  type RefusalKind,
} from './messages.js';

/**
 * The board's HTML and static files. Everything is served by the service itself (intranets have
 * no internet, so no CDN): the page, its script and style from public/, and Apache ECharts'
 * minified "simple" build (line, bar and pie charts, grid, dataset, aria: all the board draws,
 * 500 KB, 169 KB gzipped — the full build is 1.1 MB) from the `echarts` package.
 *
 * - The page (personal: its data comes from the session) is `no-store`; its assets carry a content
 *   hash in the URL and are cached for a year (`immutable`), so a phone downloads ECharts once.
 * - Scripts and styles are gzipped once in memory and sent gzipped to a client that accepts it.
 * - A strict CSP: nothing but our own origin, no inline script or style, no framing; and
 *   `Referrer-Policy: no-referrer` so a link's token never leaves in a Referer.
 */
const require = createRequire(import.meta.url);
const publicDir = new URL('./public/', import.meta.url);

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

interface Asset {
  path: string;
  type: string;
  raw: Buffer;
  gz: Buffer;
}

function asset(name: string, ext: 'js' | 'css', raw: Buffer): Asset {
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 10);
  return {
    path: `/board/static/${name}-${hash}.${ext}`,
    type: ext === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
    raw,
    gz: gzipSync(raw, { level: 9 }),
  };
}

export interface BoardAssets {
  echarts: Asset;
  script: Asset;
  style: Asset;
  html: string;
  byPath: Map<string, Asset>;
}

let loaded: BoardAssets | undefined;

/** Read and compress once per process (a few hundred ms at the first request, then memory). */
export function boardAssets(): BoardAssets {
  if (loaded) return loaded;
  // the package exports its dist builds but not its package.json: read the version beside them
  const file = require.resolve('echarts/dist/echarts.simple.min');
  const pkg = JSON.parse(readFileSync(join(dirname(file), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  const echarts = asset(`echarts-${pkg.version}.simple`, 'js', readFileSync(file));
  const script = asset('board', 'js', readFileSync(new URL('board.js', publicDir)));
  const style = asset('board', 'css', readFileSync(new URL('board.css', publicDir)));
  const html = withText(readFileSync(new URL('board.html', publicDir), 'utf8'))
    .replace('{{ECHARTS}}', echarts.path)
    .replace('{{SCRIPT}}', script.path)
    .replace('{{STYLE}}', style.path);
  loaded = {
    echarts,
    script,
    style,
    html,
    byPath: new Map([echarts, script, style].map((a) => [a.path, a])),
  };
  return loaded;
}

/**
 * The page's words, from the catalogue: each {{zh.board.…}} mark in board.html becomes its entry,
 * escaped, and "ZH_JSON" the page's group (zh.board.page) as JSON for board.js, in a
 * `<script type="application/json">` block: data the browser never runs, so the CSP's
 * `script-src 'self'` stands. `<` is written \u003c, so no text can close the block.
 */
function withText(html: string): string {
  return html
    .replace(/\{\{zh\.board\.([\w.]+)\}\}/g, (_, path: string) => {
      const v = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], zh.board);
      if (typeof v !== 'string') throw new Error(`board.html names zh.board.${path}, which is not a text`);
      return esc(v);
    })
    .replace('"ZH_JSON"', JSON.stringify(zh.board.page).replace(/</g, '\\u003c'));
}

function securityHeaders(ctx: Context) {
  ctx.set('Content-Security-Policy', CSP);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('Cache-Control', 'no-store');
}

export function sendBoardPage(ctx: Context): void {
  securityHeaders(ctx);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = boardAssets().html;
}

/** A static asset by its exact (hashed) path; false when there is none. */
export function sendAsset(ctx: Context, path: string): boolean {
  const a = boardAssets().byPath.get(path);
  if (!a) return false;
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
  ctx.set('Vary', 'Accept-Encoding');
  ctx.type = a.type;
  if (ctx.acceptsEncodings('gzip', 'identity') === 'gzip') {
    ctx.set('Content-Encoding', 'gzip');
    ctx.body = a.gz;
  } else ctx.body = a.raw;
  return true;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The refusal page: 401, text/html, Chinese, naming no school or person, saying how to get a new
 * link, with the platforms' sign-in buttons when they are configured. `relink` (a link to retry
 * after signing out of another person's session) is our own token shape, escaped all the same.
 */
export function sendRefusal(
  ctx: Context,
  kind: RefusalKind,
  o: { wecom?: boolean; dingtalk?: boolean; relink?: string; status?: number } = {},
): void {
  const r = REFUSALS[kind];
  const buttons = [
    o.wecom ? `<a class="btn" href="/board/auth/wecom">${LOGIN_WITH.wecom}</a>` : '',
    o.dingtalk ? `<a class="btn" href="/board/auth/dingtalk">${LOGIN_WITH.dingtalk}</a>` : '',
  ].join('');
  const logout = o.relink
    ? `<form method="post" action="/board/logout"><input type="hidden" name="t" value="${esc(o.relink)}"><button class="btn" type="submit">${LOGOUT_AND_CONTINUE}</button></form>`
    : '';
  securityHeaders(ctx);
  ctx.status = o.status ?? 401;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PAGE_TITLE}</title><link rel="stylesheet" href="${boardAssets().style.path}"></head>
<body class="refusal"><main class="refusal-box" data-refusal="${kind}">
<h1>${esc(r.title)}</h1><p>${esc(r.text)}</p><p>${esc(HOW_TO_GET_A_LINK)}</p>
${buttons ? `<p class="buttons">${buttons}</p>` : ''}${logout}
</main></body></html>`;
}

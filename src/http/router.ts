// Every router of the app is made here: routes match exactly and case-sensitively
// (docs/security.md → "Paths are exact"). @koa/router's default is case-insensitive with an
// optional trailing slash, while a prefix's `router.use(auth)` matches the prefix as written:
// with the default, `POST /API/v1/roster` reached the route without passing the token check.
// `strict` refuses the trailing slash, `sensitive` the other letter case.
//
// createApp (app.ts) refuses a router that was not made here, so a router added later cannot
// forget these options.

import Router, { type RouterOptions } from '@koa/router';

export const EXACT: Readonly<Pick<RouterOptions, 'strict' | 'sensitive'>> = { strict: true, sensitive: true };

export function createRouter(opts: Omit<RouterOptions, 'strict' | 'sensitive'> = {}): Router {
  return new Router({ ...opts, ...EXACT });
}

/** Was this router made by createRouter (or with the same options)? */
export function isExact(r: Router): boolean {
  return r.opts.strict === true && r.opts.sensitive === true;
}

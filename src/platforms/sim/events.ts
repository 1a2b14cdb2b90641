// Server-Sent Events for one person: everything in their conversations' streams (history first,
// then live). XREAD BLOCK ties up a connection, so each page gets its own, closed when the page
// goes away; a ping every BLOCK_MS keeps proxies from closing an idle stream and tells us when
// the page is gone.

import { PassThrough } from 'node:stream';
import type { Context } from 'koa';
import type { RedisClient } from '../../redis/connect.js';
import type { Logger } from '../../log.js';
import { AppError } from '../../errors.js';
import type { SimConversation } from './conversations.js';
import { simConversationKey } from '../../store/keys.js';

export interface EventsDeps {
  prefix: string;
  log: Logger;
  /** a new, dedicated Redis connection for one page's blocking reads */
  connect: () => RedisClient;
}

const BLOCK_MS = 10_000;
const PAGE = 200;
/** One blocking connection each: a simulator for a handful of people, not a chat server. */
const MAX_OPEN = 50;
let open = 0;

/** The shape of one SSE `entry` event (see README.md for `type` and `data`). */
export interface SimEventEntry {
  conversation: string;
  entryId: string;
  type: string;
  data: unknown;
}

function decode(conversation: string, entryId: string, fields: string[]): SimEventEntry {
  const f: Record<string, string> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  let data: unknown = null;
  try {
    data = JSON.parse(f.data ?? 'null');
  } catch {
    data = null; // a malformed entry is shown as nothing rather than breaking the page
  }
  return { conversation, entryId, type: f.type ?? 'unknown', data };
}

export function streamEvents(ctx: Context, deps: EventsDeps, conversations: SimConversation[]): void {
  if (open >= MAX_OPEN) throw new AppError('busy', 'too many simulator pages open', 503);
  open++;
  const out = new PassThrough();
  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  ctx.status = 200;
  ctx.type = 'text/event-stream; charset=utf-8';
  ctx.set('Cache-Control', 'no-cache, no-transform');
  ctx.set('X-Accel-Buffering', 'no');
  ctx.body = out;

  const keys = conversations.map((c) => simConversationKey(deps.prefix, c.id));
  const byKey = new Map(keys.map((k, i) => [k, conversations[i]!.id]));
  const ids = keys.map(() => '0-0');
  const conn = deps.connect();
  conn.on('error', () => {}); // reported by the read loop below
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    open--;
    conn.disconnect();
    out.end();
  };
  ctx.res.once('close', close);

  const send = (event: string, data: unknown) => {
    if (!closed) out.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  out.write('retry: 2000\n\n');
  send('ready', { conversations });

  type XReadReply = [string, [string, string[]][]][] | null;
  /** send what one XREAD returned; true when a stream may hold more than it gave */
  const deliver = (res: XReadReply): boolean => {
    let more = false;
    for (const [key, entries] of res ?? []) {
      const i = keys.indexOf(key);
      for (const [entryId, fields] of entries) {
        ids[i] = entryId;
        send('entry', decode(byKey.get(key)!, entryId, fields));
      }
      if (entries.length >= PAGE) more = true;
    }
    return more;
  };

  void (async () => {
    // history first, without blocking, then `live`: the page announces only what is new
    while (!closed && deliver((await conn.xread('COUNT', PAGE, 'STREAMS', ...keys, ...ids)) as XReadReply));
    send('live', {});
    while (!closed) {
      const res = (await conn.xread(
        'COUNT',
        PAGE,
        'BLOCK',
        BLOCK_MS,
        'STREAMS',
        ...keys,
        ...ids,
      )) as XReadReply;
      if (closed) break;
      if (res) deliver(res);
      else out.write(': ping\n\n');
    }
  })().catch((e: Error) => {
    if (!closed)
      deps.log.warn(
        { err: e.name },
        'simulator event stream ended: is Redis up? the page reconnects by itself',
      );
    close();
  });
}

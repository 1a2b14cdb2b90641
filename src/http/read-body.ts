import getRawBody from 'raw-body';
import type { Context } from 'koa';
import { AppError } from '../errors.js';

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Read the raw body once, before anything parses it (signatures are over the exact bytes).
 * Over 64 KiB → 413 without reading the rest; a broken stream → 400.
 */
export async function readBody(ctx: Context, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) throw new AppError('too_large', 'body too large', 413);
  try {
    return await getRawBody(ctx.req, { limit, length: declared || undefined });
  } catch (e) {
    const type = (e as { type?: string }).type;
    if (type === 'entity.too.large') throw new AppError('too_large', 'body too large', 413);
    throw new AppError('malformed', 'cannot read body', 400);
  }
}

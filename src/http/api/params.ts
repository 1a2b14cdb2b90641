import { z } from 'zod';
import { itemStatuses } from '../../domain/records.js';
import { isDay } from '../../domain/day.js';
import { MAX_LIMIT } from '../../store/queries.js';

/** Shared pieces of the query schemas. */
export const day = z.string().refine(isDay, 'expected a day YYYY-MM-DD');
export const cursor = z.string().regex(/^\d{1,16}$/, 'not a cursor from a previous page');
export const limit = z.coerce
  .number()
  .int('expected an integer')
  .min(1)
  .max(MAX_LIMIT, `at most ${MAX_LIMIT}`);
export const statusList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(z.enum(itemStatuses, { error: `expected ${itemStatuses.join('|')} (comma-separated)` })).min(1),
  );
export const bool = z
  .enum(['true', 'false'], { error: 'expected true or false' })
  .transform((v) => v === 'true');
export const ref = z.string().min(1).max(128);

export const itemsQuery = z.strictObject({
  school: ref.optional(),
  zone: ref.optional(),
  supervisor: ref.optional(),
  status: statusList.optional(),
  overdue: bool.optional(),
  cursor: cursor.optional(),
  limit: limit.optional(),
});

export const recordsQuery = z
  .strictObject({
    from: day.optional(),
    to: day.optional(),
    school: ref.optional(),
    zone: ref.optional(),
    supervisor: ref.optional(),
    cursor: cursor.optional(),
    limit: limit.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '"from" must not be after "to"',
    path: ['from'],
  });

import type { ApiRoutes } from './deps.js';
import { AppError } from '../../errors.js';

/** GET digest?date=YYYY-MM-DD: not built yet (another part of the work fills this file in). */
export const digestRoutes: ApiRoutes = (router) => {
  router.get('/digest', () => {
    throw new AppError('not_implemented', 'GET digest?date=YYYY-MM-DD is not implemented yet', 501);
  });
};

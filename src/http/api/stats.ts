import type { ApiRoutes } from './deps.js';
import { AppError } from '../../errors.js';

/** GET stats?month=YYYY-MM: not built yet (another part of the work fills this file in). */
export const statsRoutes: ApiRoutes = (router) => {
  router.get('/stats', () => {
    throw new AppError('not_implemented', 'GET stats?month=YYYY-MM is not implemented yet', 501);
  });
};

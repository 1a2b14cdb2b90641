import type { ApiRoutes } from './deps.js';
import { AppError } from '../../errors.js';

/** GET export.xlsx?month=YYYY-MM: not built yet (another part of the work fills this file in). */
export const exportRoutes: ApiRoutes = (router) => {
  router.get('/export.xlsx', () => {
    throw new AppError('not_implemented', 'GET export.xlsx?month=YYYY-MM is not implemented yet', 501);
  });
};

import { z } from 'zod';
import type { ApiRoutes } from './deps.js';
import { parseQuery } from './deps.js';
import { monthParam } from './stats.js';
import { exportMonth } from '../../reports/export-workbook.js';
import { zh } from '../../text/zh-CN/index.js';

const exportQuery = z.strictObject({ month: monthParam });

/** GET export.xlsx?month=YYYY-MM: the same workbook as `npx dudao export` (src/reports/export-workbook.ts). */
export const exportRoutes: ApiRoutes = (router, { store, today, reports }) => {
  router.get('/export.xlsx', async (ctx) => {
    const q = parseQuery(ctx, exportQuery);
    const { buffer } = await exportMonth(store, q.month, {
      calendar: reports.calendar,
      timeZone: reports.timeZone,
      today: today(),
      officeName: reports.officeName,
    });
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.set(
      'Content-Disposition',
      `attachment; filename="dudao-${q.month}.xlsx"; filename*=UTF-8''${encodeURIComponent(zh.reports.workbook.fileName(q.month))}`,
    );
    ctx.body = buffer;
  });
};

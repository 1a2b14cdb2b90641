import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestService, type TestService } from '../helpers/service.js';
import { createStore } from '../../src/store/redis-store.js';
import { bj } from '../helpers/time-district.js';
import { buildKnownDistrict } from './known-district.js';

const TOKEN = 'test-admin-token-reports-0123';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('GET /api/v1/stats, digest, export.xlsx', () => {
  let svc: TestService;
  const get = (path: string) => fetch(`${svc.url}/api/v1/${path}`, { headers: auth });

  beforeAll(async () => {
    svc = await startTestService({
      env: { ADMIN_TOKEN: TOKEN },
      worker: false,
      now: () => bj('2021-05-10', '12:00'),
    });
    await buildKnownDistrict(createStore(svc.rt.redis, svc.rt.prefix));
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('stats?month= per zone and per supervisor, each row adding up', async () => {
    const r = await get('stats?month=2021-04');
    expect(r.status).toBe(200);
    const body = (await r.json()) as any;
    expect(body).toMatchObject({
      month: '2021-04',
      from: '2021-04-01',
      to: '2021-04-30',
      asOf: '2021-05-10',
    });
    const counts = {
      visits: 3,
      schoolsVisited: 2,
      schools: 4,
      coverage: 0.5,
      problems: 9,
      closedOnTime: 1,
      closedLate: 3,
      pending: 3,
      problemsOverdue: 2,
      medianDaysToClose: 18.5,
    };
    // every open item as it stands at 12:00 on 5/10, whatever month raised it (docs/spec/interfaces.md):
    // A B D I in 城区 (D overdue; B due within 3 working days), C E G K L O H in 龙水 (E, G escalated;
    // C, O due soon); N was closed at 09:00, O reopened at 10:00
    const z1Now = { open: 4, overdue: 1, escalated: 0, dueSoon: 1 };
    const z2Now = { open: 7, overdue: 2, escalated: 2, dueSoon: 2 };
    expect(body.total).toEqual({ ...counts, open: 11, overdue: 3, escalated: 2, dueSoon: 3 });
    expect(body.zones).toEqual([
      {
        zone: { id: 'z1', name: '城区责任区' },
        visits: 0,
        schoolsVisited: 0,
        schools: 2,
        coverage: 0,
        problems: 0,
        closedOnTime: 0,
        closedLate: 0,
        pending: 0,
        problemsOverdue: 0,
        medianDaysToClose: null,
        ...z1Now,
      },
      { zone: { id: 'z2', name: '龙水责任区' }, ...counts, schools: 2, coverage: 1, ...z2Now },
    ]);
    expect(body.supervisors.map((s: any) => [s.supervisor.name, s.visits, s.problems])).toEqual([
      ['王督学', 0, 0],
      ['赵督学', 3, 9],
    ]);
    for (const row of [body.total, ...body.zones, ...body.supervisors]) {
      expect(row.closedOnTime + row.closedLate + row.pending + row.problemsOverdue).toBe(row.problems);
    }
  });

  it('stats without a month is this month; a bad month is 400, never an empty answer', async () => {
    expect(((await (await get('stats')).json()) as any).month).toBe('2021-05');
    for (const q of ['month=2021-13', 'month=2021-5', 'month=may', 'date=2021-05-01']) {
      const r = await get(`stats?${q}`);
      expect(r.status, q).toBe(400);
      expect(((await r.json()) as any).error.code).toBe('bad_query');
    }
  });

  it('digest?date= is the district digest of that morning', async () => {
    const body = (await (await get('digest?date=2021-05-10')).json()) as any;
    expect(body).toMatchObject({
      date: '2021-05-10',
      from: '2021-05-08',
      to: '2021-05-09',
      scope: '全区',
      open: 9,
      awaitingRecheck: 2,
      dueThisWeek: 4,
      overdue: 3,
      escalated: 2,
      closed: 2,
      newProblems: 3,
    });
    expect(body.coverage).toEqual({ month: '2021-05', visited: 3, total: 4 });
    expect(((await (await get('digest')).json()) as any).date).toBe('2021-05-10');
    expect((await get('digest?date=2021-02-30')).status).toBe(400);
  });

  it('export.xlsx?month= answers the workbook', async () => {
    const r = await get('export.xlsx?month=2021-05');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(r.headers.get('content-disposition')).toContain('attachment; filename="dudao-2021-05.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['督导记录', '整改事项', '统计', '通报']);
    // title, header, May's 6 items and April's 8 carried over under their headings, the footnote
    expect(wb.getWorksheet('整改事项')!.rowCount).toBe(20);
    expect((await get('export.xlsx')).status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestService, type TestService } from '../helpers/service.js';
import { createStore } from '../../src/store/redis-store.js';
import { ensureDemoRoster } from '../../src/roster/demo.js';
import { boardSecret } from '../../src/store/board-secret.js';
import { signToken } from '../../src/board/token.js';
import { seedDemoDistrict } from '../board/seed-demo.js';
import { artifacts, become, openLog, openPhone, skipBrowser, type Phone } from './browser-helpers.js';

/**
 * The board in Chromium (phone size, fresh profile), on the real service with the simulator and
 * the demo district with three months of work: the leader opens the board from the morning digest
 * card, sees the charts, and the 三色 table holds exactly the numbers of GET /api/v1/stats for the
 * same day; a supervisor, from the simulator's 看板 button, sees only their zone; an expired or
 * tampered link is refused. Measured on the way (printed, written to test-artifacts/board-metrics.json,
 * not asserted as a time): bytes transferred for a first visit, and time to a drawn page.
 */
const TOKEN = 'test-admin-token-board-browser';

/** What the page transferred and when it was drawn (evaluated in the page; no DOM types here). */
const METRICS = `(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      return {
        transferredBytes: nav.transferSize + res.reduce((n, r) => n + r.transferSize, 0),
        decodedBytes: nav.decodedBodySize + res.reduce((n, r) => n + r.decodedBodySize, 0),
        resources: res.map((r) => ({ path: new URL(r.name).pathname, transferSize: r.transferSize })),
        readyMs: Number(document.body.dataset.renderMs),
      };
    })()`;

interface ZoneRow {
  zone: string;
  open: number;
  overdue: number;
  escalated: number;
  dueSoon: number;
}
interface Tables {
  zones: ZoneRow[];
  total: ZoneRow;
  schools: { id: string; zone: string; open: number; overdue: number; escalated: number }[];
}
interface Metrics {
  transferredBytes: number;
  decodedBytes: number;
  resources: { path: string; transferSize: number }[];
  readyMs: number;
}

describe.skipIf(skipBrowser)('the board in a browser (360×740)', () => {
  let svc: TestService;
  let phone: Phone;
  let dataDir: string;
  let leaderBoard: Page;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dudao-board-browser-'));
    svc = await startTestService({ env: { SIM: 'on', DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN } });
    const store = createStore(svc.rt.redis, svc.rt.prefix);
    await ensureDemoRoster(store, svc.rt.log);
    await seedDemoDistrict(store, new Date());
    phone = await openPhone();
  }, 60_000);
  afterAll(async () => {
    await phone?.close();
    await svc?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const stats = async () =>
    (await (
      await fetch(`${svc.url}/api/v1/stats`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json()) as any;

  /** The 三色 table as the page shows it: zone rows, the total row, and the school rows (no DOM types here). */
  const readTables = (page: Page): Promise<Tables> =>
    page.evaluate(`(() => {
      const num = (tr, col) => Number(tr.querySelector('[data-col="' + col + '"]')?.textContent);
      const zoneRow = (tr) => ({
        zone: tr.getAttribute('data-zone'),
        open: num(tr, 'open'),
        overdue: num(tr, 'overdue'),
        escalated: num(tr, 'escalated'),
        dueSoon: num(tr, 'dueSoon'),
      });
      return {
        zones: [...document.querySelectorAll('#zone-table tbody tr')].map(zoneRow),
        total: zoneRow(document.querySelector('#zone-table tfoot tr')),
        schools: [...document.querySelectorAll('#school-table tbody tr')].map((tr) => ({
          id: tr.getAttribute('data-school'),
          zone: tr.getAttribute('data-zone'),
          open: num(tr, 'open'),
          overdue: num(tr, 'overdue'),
          escalated: num(tr, 'escalated'),
        })),
      };
    })()`);

  it('the leader opens the board from the morning digest card and sees the charts', async () => {
    const { page, context } = phone;
    await page.goto(`${svc.url}/sim?person=lead-liu`);
    await become(page, 'lead-liu');
    await page.getByRole('button', { name: '+1 工作日' }).click();
    await expect.poll(() => page.locator('#clock-now').textContent()).toContain('（已调整）');
    await page.getByRole('button', { name: /^到 \d{1,2}:\d\d$/ }).click();
    const digest = openLog(page).locator('article.card-digest').last();
    await digest.waitFor();
    const link = digest.locator('a.card-link');
    expect(await link.textContent()).toBe('打开督导看板');
    expect(await link.getAttribute('href')).toMatch(/^\/board\/login\?t=/);
    const [board] = await Promise.all([context.waitForEvent('page'), link.click()]);
    leaderBoard = board;
    await board.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(new URL(board.url()).pathname).toBe('/board');
    expect(await board.locator('h1').textContent()).toBe('督导看板');
    expect(await board.locator('#scope-name').textContent()).toBe('全区');
    // every chart drew onto its canvas
    for (const id of ['chart-closure', 'chart-ontime', 'chart-weeks', 'chart-visits'])
      expect(await board.locator(`#${id} canvas`).count(), id).toBeGreaterThan(0);
    expect(await board.locator('#school-table tbody tr.row-red').count()).toBeGreaterThan(0);

    // what a phone downloaded for this first visit, and how soon the page was drawn
    const m: Metrics = await board.evaluate(METRICS);
    // and a second visit: ECharts and the page's files come from the cache (immutable, hashed names)
    await board.reload();
    await board.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
    const again: Metrics = await board.evaluate(METRICS);
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'board-metrics.json'), JSON.stringify({ first: m, again }, null, 2));
    console.log(
      `[board] first visit: ${(m.transferredBytes / 1024).toFixed(0)} KiB transferred (${(m.decodedBytes / 1024).toFixed(0)} KiB decoded), drawn ${m.readyMs} ms after navigation; again: ${(again.transferredBytes / 1024).toFixed(1)} KiB, drawn in ${again.readyMs} ms`,
    );
    expect(again.transferredBytes).toBeLessThan(m.transferredBytes / 5);
    expect(m.transferredBytes).toBeGreaterThan(100_000); // ECharts came from the service…
    expect(m.transferredBytes).toBeLessThan(400 * 1024); // …gzipped: what a phone on 4G takes in a second or two
    await board.screenshot({ path: join(artifacts, 'board-leader.png') });
    await board.screenshot({ path: join(artifacts, 'board-leader-full.png'), fullPage: true });
    for (const id of ['sec-rates', 'sec-weeks', 'sec-visits'])
      await board.locator(`#${id}`).screenshot({ path: join(artifacts, `board-leader-${id.slice(4)}.png`) });
    await board.pdf({ path: join(artifacts, 'board-print.pdf'), format: 'A4', printBackground: true });
  });

  it('the 三色 table holds the numbers of GET /api/v1/stats for the same day, zone by zone and school by school', async () => {
    const t = await readTables(leaderBoard);
    const s = await stats();
    expect(t.zones.length).toBe(4);
    for (const z of t.zones) {
      const row = s.zones.find((x: any) => x.zone.id === z.zone);
      expect(z, row.zone.name).toEqual({
        zone: row.zone.id,
        open: row.open,
        overdue: row.overdue,
        escalated: row.escalated,
        dueSoon: row.dueSoon,
      });
      const schools = t.schools.filter((x) => x.zone === z.zone);
      expect(schools.reduce((n, x) => n + x.open, 0)).toBe(z.open);
      expect(schools.reduce((n, x) => n + x.overdue, 0)).toBe(z.overdue);
    }
    expect(t.total).toEqual({
      zone: '*',
      open: s.total.open,
      overdue: s.total.overdue,
      escalated: s.total.escalated,
      dueSoon: s.total.dueSoon,
    });
    expect(s.total.open).toBeGreaterThan(10);
    expect(s.total.overdue).toBeGreaterThan(3);
  });

  it('clicking a school shows its open items and recent visits', async () => {
    const first = leaderBoard.locator('#school-table tbody tr.row-red button').first();
    const name = await first.textContent();
    await first.click();
    await expect.poll(() => leaderBoard.locator('#detail-title').textContent()).toBe(name);
    expect(await leaderBoard.locator('#detail-items li.row-red').count()).toBeGreaterThan(0);
    expect(await leaderBoard.locator('#detail-records li[data-record]').count()).toBeGreaterThan(0);
    await leaderBoard.screenshot({ path: join(artifacts, 'board-school.png'), fullPage: true });
    await leaderBoard.getByRole('button', { name: '‹ 返回看板' }).click();
    await leaderBoard.locator('#board:not([hidden])').waitFor();
    await leaderBoard.close();
  });

  it('a supervisor, from the simulator’s 看板 button, sees only their zone', async () => {
    const { page, context } = phone;
    await become(page, 'sup-zhang'); // 张丽华, 第二责任区
    const [board] = await Promise.all([context.waitForEvent('page'), page.locator('#board-link').click()]);
    await board.locator('body[data-ready="true"]').waitFor({ timeout: 20_000 });
    expect(await board.locator('#scope-name').textContent()).toBe('第二责任区');
    const t = await readTables(board);
    expect(t.zones.length).toBe(1);
    expect(t.schools.map((x) => x.id).sort()).toEqual(['S06', 'S07', 'S08', 'S09', 'S10']);
    const text = (await board.locator('body').textContent()) ?? '';
    for (const other of ['龙泉小学', '龙水中学', '宝顶初级中学', '王建国', '赵敏'])
      expect(text).not.toContain(other);
    const s = await stats();
    const row = s.zones.find((x: any) => x.zone.id === t.zones[0]!.zone);
    expect(t.zones[0]).toMatchObject({ open: row.open, overdue: row.overdue });
    await board.screenshot({ path: join(artifacts, 'board-supervisor.png'), fullPage: true });
    await board.close();
  });

  it('an expired or tampered link is refused with a Chinese page that names nobody', async () => {
    const page = await phone.context.newPage();
    const secret = await boardSecret(svc.rt.redis, svc.rt.prefix).get();
    const expired = signToken(secret, 'link', 'lead-liu', Date.now() / 1000 - 25 * 3600);
    await page.goto(`${svc.url}/board/login?t=${expired}`);
    expect(await page.locator('h1').textContent()).toBe('链接已过期');
    expect(await page.locator('body').textContent()).toContain('发送「看板」');
    const good = signToken(secret, 'link', 'lead-liu', Date.now() / 1000);
    await page.goto(`${svc.url}/board/login?t=${good.slice(0, -2)}xx`);
    expect(await page.locator('h1').textContent()).toBe('链接无效');
    expect(await page.locator('body').textContent()).not.toContain('刘建华');
    await page.screenshot({ path: join(artifacts, 'board-refused.png') });
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestService, type TestService } from '../helpers/service.js';
import { createStore } from '../../src/store/redis-store.js';
import { ensureDemoRoster } from '../../src/roster/demo.js';
import { become, openLog, openPhone, shot, skipBrowser, type Phone } from './browser-helpers.js';

/**
 * The warnings of issue 15 as a supervisor sees them in the simulator (docs/spec/commands.md →
 * Warnings): the record reply lists a deadline already past and a deadline on a day off; the same
 * record again is held back naming the earlier one; a typo is answered with the message to copy;
 * a visit date in the future is refused. The simulator's clock is set to Wednesday 2021-12-01.
 */
describe.skipIf(skipBrowser)('warnings in the simulator (360×740)', () => {
  let svc: TestService;
  let phone: Phone;
  let dataDir: string;
  const SUPERVISOR = 'sup-wang';
  const RECORD =
    '提交督导记录 学校：龙泉小学 日期：11月15日 问题：1、公示栏未更新，11月20日前整改 2、台账缺失，12月19日前补齐';

  const send = async (text: string) => {
    const { page } = phone;
    const box = page.getByLabel(/消息内容/);
    await box.fill(text);
    await page.getByRole('button', { name: '发送', exact: true }).click();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dudao-sim-warnings-'));
    svc = await startTestService({ env: { SIM: 'on', DATA_DIR: dataDir } });
    await ensureDemoRoster(createStore(svc.rt.redis, svc.rt.prefix), svc.rt.log);
    const r = await fetch(`${svc.url}/sim/api/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ to: '2021-12-01T10:00:00+08:00' }),
    });
    expect(r.status).toBe(200);
    phone = await openPhone();
    await phone.page.goto(`${svc.url}/sim?person=${SUPERVISOR}`);
    await become(phone.page, SUPERVISOR);
  }, 60_000);
  afterAll(async () => {
    await phone?.close();
    await svc?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the record reply shows a deadline already past and a deadline on a day off', async () => {
    await send(RECORD);
    const summary = openLog(phone.page).locator('article.card-record_summary').last();
    await summary.waitFor();
    const warn = (await summary.locator('[data-label="请注意"] dd').textContent()) ?? '';
    expect(warn).toMatch(/的期限 11月20日 周六 已过，登记后即为逾期，将在下一次提醒时进入督办/);
    expect(warn).toMatch(/的期限 11月20日 周六 是休息日（周六），下一个工作日是 11月22日 周一/);
    expect(warn).toMatch(/的期限 12月19日 周日 是休息日（周日），下一个工作日是 12月20日 周一/);
    expect(await summary.locator('.entries li').first().textContent()).toContain('已逾期');
    await shot(phone.page, 'sim-warnings-1-record');
  });

  it('the same record again is held back, naming the earlier one', async () => {
    await send(RECORD);
    const held = openLog(phone.page).locator('article.card-error').last();
    await expect.poll(async () => (await held.textContent()) ?? '').toContain('可能重复，未登记');
    expect(await held.textContent()).toMatch(/已有督导记录 DD-\d+/);
    expect(await held.textContent()).toContain('确认重复');
  });

  it('a typo in a command word is answered with the message to copy; a future visit is refused', async () => {
    await send('验手 ZG-1 通过');
    const log = openLog(phone.page);
    await expect
      .poll(async () => (await log.locator('article.card-error').last().textContent()) ?? '')
      .toContain('您是不是要发送『验收 ZG-1 通过』？');
    await send('提交督导记录 学校：龙泉小学 日期：明天 问题：公示栏未更新');
    await expect
      .poll(async () => (await log.locator('article.card-error').last().textContent()) ?? '')
      .toContain('不能登记尚未进行的督导');
    await shot(phone.page, 'sim-warnings-2-refusals');
  });
});

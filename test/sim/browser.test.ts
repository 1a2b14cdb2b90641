import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestService, type TestService } from '../helpers/service.js';
import { createStore } from '../../src/store/redis-store.js';
import { ensureDemoRoster } from '../../src/roster/demo.js';
import { simConversationKey } from '../../src/store/keys.js';
import {
  EXAMPLE_RECORD,
  become,
  openLog,
  openPhone,
  shot,
  skipBrowser,
  type Phone,
} from './browser-helpers.js';

/**
 * The simulator as a newcomer uses it: the real service (web + workers, SIM=on, the demo
 * roster), a phone-sized Chromium. The supervisor submits docs/spec/commands.md's example record, the
 * principal confirms the first item, the supervisor verifies it.
 */
describe.skipIf(skipBrowser)('the simulator in a browser (360×740)', () => {
  let svc: TestService;
  let phone: Phone;
  let dataDir: string;
  const SUPERVISOR = 'sup-wang'; // 王建国, 督学 of 第一责任区 (龙泉小学)
  const PRINCIPAL = 'pri-s01'; // 龙泉小学 李校长

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dudao-sim-browser-'));
    svc = await startTestService({ env: { SIM: 'on', DATA_DIR: dataDir } });
    await ensureDemoRoster(createStore(svc.rt.redis, svc.rt.prefix), svc.rt.log);
    phone = await openPhone();
  }, 60_000);
  afterAll(async () => {
    await phone?.close();
    await svc?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens as the supervisor, in their direct chat with 督导助手, marked as simulated', async () => {
    const { page } = phone;
    await page.goto(`${svc.url}/sim?person=${SUPERVISOR}`);
    await page.locator('#log[aria-busy="false"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.getByLabel('当前身份').inputValue()).toBe(SUPERVISOR);
    await expect.poll(() => page.locator('#chat-title').textContent()).toBe('督导助手');
    expect(await page.locator('.sim-badge').textContent()).toBe('模拟器');
    expect(await page.locator('#clock-now').textContent()).toMatch(
      /^\d{1,2}月\d{1,2}日 周.(（.+）)? \d\d:\d\d/,
    );
  });

  it('submits the eight-line example record through the accept step', async () => {
    const { page } = phone;
    const box = page.getByLabel(/消息内容/);
    await box.fill(EXAMPLE_RECORD);
    await page.getByRole('button', { name: '发送', exact: true }).click();
    const mine = openLog(page).locator('.msg.mine').last();
    await expect.poll(() => mine.locator('.text').textContent()).toBe(EXAMPLE_RECORD); // as typed, @督导助手 and all (the bot reads it without)
    expect(await mine.locator('.sim-tag').textContent()).toBe('模拟');
    // the box is cleared when the POST returns, which may be after the message shows (a loaded machine)
    await expect.poll(() => box.inputValue()).toBe('');
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toContain('dudao_callbacks_total{platform="sim",outcome="accepted"} 1');
  });

  it('shows the record summary with its two items', async () => {
    const { page } = phone;
    const summary = openLog(page).locator('article.card-record_summary').last();
    await summary.waitFor();
    const text = await summary.textContent();
    expect(text).toMatch(/DD-\d+/);
    expect(text).toContain('龙泉小学');
    expect(await summary.locator('.entries li').count()).toBe(2);
    await shot(page, 'sim-1-supervisor-record');
  });

  it('as 龙泉小学 李校长: a short summary, then one card per item, each with its own buttons', async () => {
    const { page } = phone;
    await become(page, PRINCIPAL);
    const log = openLog(page);
    const cards = log.locator('article.card-rectification_notice');
    await expect.poll(() => cards.count()).toBe(3);
    expect(await cards.nth(0).locator('.entries li').count()).toBe(2); // the summary names both
    expect(await cards.nth(0).locator('button').count()).toBe(0);
    for (const k of [1, 2]) {
      const groups = cards.nth(k).locator('.card-actions');
      expect(await groups.count()).toBe(1);
      expect(await groups.first().getAttribute('data-item')).toMatch(/^ZG-\d+$/);
    }
    // the README's picture: the first item's card (sender line included), no focus ring
    await page.evaluate('document.activeElement && document.activeElement.blur()'); // no DOM lib in tsconfig
    await cards.nth(1).evaluate((el) => el.closest('.msg')?.scrollIntoView({ block: 'start' }));
    await shot(page, 'sim-2-principal-notice', 'docs/simulator.png');
  });

  it('申请延期 needs a date: an empty box sends nothing; the example lies after the deadline; an unreadable date brings the buttons back', async () => {
    const { page } = phone;
    const second = openLog(page).locator('article.card-rectification_notice').nth(2);
    await second.getByRole('button', { name: '申请延期' }).click();
    const box = second.getByLabel(/延期到哪天/);
    // the deadline field says e.g. 3月31日 周二; the example is a week after it
    const deadline = (await second.locator('[data-label="期限"] dd').textContent()) ?? '';
    const [, m, d] = /(\d+)月(\d+)日/.exec(deadline)!;
    const example = (await box.getAttribute('placeholder')) ?? '';
    const [, em, ed] = /(\d+)月(\d+)日/.exec(example)!;
    expect(Number(em) * 100 + Number(ed)).toBeGreaterThan(Number(m) * 100 + Number(d));
    const before = await svc.rt.jobQueues.inbound.count();
    await second.getByRole('button', { name: '确认申请延期' }).click();
    await second.getByRole('alert').filter({ hasText: '请先填写' }).waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await svc.rt.jobQueues.inbound.count()).toBe(before); // nothing was sent
    await box.fill('下学期开学前');
    await second.getByRole('button', { name: '确认申请延期' }).click();
    // the bot cannot read it: its answer is an error, and this card's buttons come back with it
    const status = second.locator('.action-status');
    await expect.poll(() => status.textContent()).toContain('未能读出延期日期');
    expect(await second.getByRole('button', { name: '已完成整改' }).isEnabled()).toBe(true);
  });

  it('已完成整改 on the first item: its card says 待验收 with the time; the second item keeps its buttons', async () => {
    const { page } = phone;
    const cards = openLog(page).locator('article.card-rectification_notice');
    const first = cards.nth(1);
    const second = cards.nth(2);
    await first.getByRole('button', { name: '已完成整改' }).click();
    await expect
      .poll(() => first.locator('.outcome').textContent())
      .toMatch(/待验收（\d+月\d+日 \d\d:\d\d）/);
    expect(await first.locator('[data-label="状态"] dd').textContent()).toBe('待验收');
    expect(await first.locator('button').count()).toBe(0);
    expect(await second.getByRole('button', { name: '已完成整改' }).isEnabled()).toBe(true);
    expect(await second.locator('.outcome').count()).toBe(0);
    await shot(page, 'sim-3-principal-confirmed');
  });

  it('back as the supervisor: 退回 needs a reason; 验收通过 closes the first item and its cards say so', async () => {
    const { page } = phone;
    await become(page, SUPERVISOR);
    const recheck = openLog(page).locator('article.card-recheck_request').last();
    await recheck.waitFor();
    await recheck.getByRole('button', { name: '退回' }).click();
    await recheck.getByRole('button', { name: '确认退回' }).click();
    await recheck.getByRole('alert').filter({ hasText: '请先填写退回原因' }).waitFor();
    await recheck.getByRole('button', { name: '取消' }).click();
    await recheck.getByRole('button', { name: '验收通过' }).click();
    await recheck.locator('.outcome').waitFor();
    expect(await recheck.locator('.card-actions').count()).toBe(0);
    await expect.poll(async () => (await openLog(page).textContent()) ?? '').toContain('已销号');
    await shot(page, 'sim-4-supervisor-closed');
    // the principal's first card now says 已销号; the second still works
    await become(page, PRINCIPAL);
    const cards = openLog(page).locator('article.card-rectification_notice');
    await expect.poll(() => cards.nth(1).locator('[data-label="状态"] dd').textContent()).toBe('已销号');
    expect(await cards.nth(2).getByRole('button', { name: '已完成整改' }).isEnabled()).toBe(true);
  });

  it('as the leader: "到 8:30" runs the reminder pass and brings the morning digest', async () => {
    const { page } = phone;
    await become(page, 'lead-liu'); // 刘建华, 领导 of the whole district
    // a digest shows the state at the start of its morning: go past today first, whatever the hour
    await page.getByRole('button', { name: '+1 工作日' }).click();
    await expect.poll(() => page.locator('#clock-now').textContent()).toContain('（已调整）');
    await page.getByRole('button', { name: /^到 \d{1,2}:\d\d$/ }).click();
    await expect
      .poll(() => page.locator('#status').textContent())
      .toMatch(/模拟时间已调到 .*08:30；提醒 \d+ 条，日报 \d+ 份/);
    const digest = openLog(page).locator('article.card-digest').last();
    await digest.waitFor();
    const text = (await digest.textContent()) ?? '';
    expect(text).toContain('督导日报');
    expect(text).toMatch(/未销号\s*1/); // ZG-2 is still open; ZG-1 was closed
    await digest.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, 'sim-5-leader-digest');
  });

  it('moves the simulated clock with "+1 工作日" and shows it', async () => {
    const { page } = phone;
    const before = await page.locator('#clock-now').textContent();
    await page.getByRole('button', { name: '+1 工作日' }).click();
    await expect.poll(() => page.locator('#clock-now').textContent()).not.toBe(before);
    expect(await page.locator('#clock-now').textContent()).toContain('（已调整）');
    await page.getByRole('button', { name: '回到现在' }).click();
    await expect.poll(() => page.locator('#clock-now').textContent()).not.toContain('（已调整）');
    // what was made in simulated time stays, and the page says so (and how to clear it)
    await expect.poll(() => page.locator('#status').textContent()).toContain('都保留');
    expect(await page.locator('#status').textContent()).toContain('重置演示数据');
  });

  it('sends a picture as its own message, stored and shown', async () => {
    const { page } = phone;
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==',
      'base64',
    );
    await page
      .locator('#composer-file')
      .setInputFiles({ name: '公示栏.png', mimeType: 'image/png', buffer: png });
    const img = openLog(page).locator('.msg.mine img.pic').last();
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^\/sim\/media\/sim-[0-9a-f]{32}\.png$/);
  });

  it('draws any card sent to the stream, posts its clicks as actions, and applies updates', async () => {
    // a card put straight into another principal's stream: the page's half of the contract alone
    const { page } = phone;
    await become(page, 'pri-s02');
    const key = simConversationKey(svc.rt.prefix, 'dm:pri-s02');
    const card = {
      kind: 'rectification_notice',
      title: '整改通知',
      subtitle: '龙泉中学',
      fields: [{ label: '督导记录', value: 'DD-99' }],
      entries: [{ id: 'ZG-901', text: '<b>不是标记</b>', meta: '期限 3月22日 周一' }],
      note: '期限为默认值',
      buttons: [
        { label: '收到', action: 'ack', item: 'ZG-901', style: 'primary' },
        { label: '申请延期', action: 'extend', item: 'ZG-901' },
      ],
      text: '整改通知',
    };
    await svc.rt.redis.xadd(
      key,
      '*',
      'type',
      'out',
      'data',
      JSON.stringify({ cardId: 'sim-test-1', at: new Date().toISOString(), card, items: ['ZG-901'] }),
    );
    const drawn = openLog(page).locator('article[data-card-id="sim-test-1"]');
    await drawn.waitFor();
    expect(await drawn.locator('.entry-text').textContent()).toBe('<b>不是标记</b>'); // text, never markup
    await drawn.getByRole('button', { name: '申请延期' }).click();
    await drawn.getByLabel(/延期到哪天？原因？/).fill('4月10日 原因：材料未到');
    await drawn.getByRole('button', { name: '确认申请延期' }).click();
    await expect
      .poll(async () => {
        const jobs = await svc.rt.jobQueues.inbound.getJobs([
          'waiting',
          'active',
          'completed',
          'failed',
          'delayed',
        ]);
        return jobs.map((j) => j.data).find((d) => d.kind === 'action' && d.item === 'ZG-901');
      })
      .toMatchObject({
        platform: 'sim',
        channel: 'sim',
        senderId: 'pri-s02',
        action: 'extend',
        value: '4月10日 原因：材料未到',
        cardRef: { cardId: 'sim-test-1' },
      });
    await svc.rt.redis.xadd(
      key,
      '*',
      'type',
      'update',
      'data',
      JSON.stringify({ item: 'ZG-901', outcome: '已申请延期至 4月10日', cardId: 'sim-test-1' }),
    );
    await drawn.locator('.outcome').waitFor();
    expect(await drawn.locator('.outcome').textContent()).toBe('已申请延期至 4月10日');
    expect(await drawn.locator('button').count()).toBe(0);
  });
  it('重置演示数据: asked first, then every conversation empty, the same person, numbers from DD-1 again', async () => {
    const { page } = phone;
    await become(page, 'sup-wang');
    await expect.poll(() => openLog(page).locator('.msg').count()).toBeGreaterThan(0);
    // declined: nothing happens
    page.once('dialog', (d) => void d.dismiss());
    await page.getByRole('button', { name: '重置演示数据' }).click();
    expect(await createStore(svc.rt.redis, svc.rt.prefix).getRecord('DD-1')).toBeDefined();
    // accepted
    page.once('dialog', (d) => {
      expect(d.message()).toContain('不能撤销');
      void d.accept();
    });
    await page.getByRole('button', { name: '重置演示数据' }).click();
    await expect
      .poll(() => page.locator('#status').textContent())
      .toMatch(/演示数据已重置：清空了 [1-9]\d* 条督导记录、[1-9]\d* 项整改事项/);
    expect(await page.getByLabel('当前身份').inputValue()).toBe('sup-wang');
    await expect.poll(() => openLog(page).locator('.msg').count()).toBe(0);
    expect(await openLog(page).locator('.empty-hint').count()).toBe(1);
    expect(await page.locator('#clock-now').textContent()).not.toContain('（已调整）');
    const store = createStore(svc.rt.redis, svc.rt.prefix);
    expect(await store.getRecord('DD-1')).toBeUndefined();
    await page.getByLabel(/消息内容/).fill(EXAMPLE_RECORD);
    await page.getByRole('button', { name: '发送', exact: true }).click();
    await expect.poll(async () => (await store.getRecord('DD-1'))?.items).toEqual(['ZG-1', 'ZG-2']);
    await openLog(page).locator('article.card').first().waitFor();
  });
});

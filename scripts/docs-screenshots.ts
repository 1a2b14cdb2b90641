// `npm run screenshots`: the pictures of docs/zh/使用说明.md, taken from the simulator with
// playwright-core and Debian's chromium (/usr/bin/chromium; CJK fonts such as fonts-wqy-microhei
// or fonts-noto-cjk must be installed, else the text comes out as boxes). It starts the real
// service with SIM=on and the demo district in a scratch DATA_DIR, plays each role through the
// page on a phone-sized screen, and writes docs/zh/img/*.png. Run it after changing what the
// users see; commit the pictures.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { freePort } from '../src/redis/embedded-redis.js';
import { CHROMIUM, become, openLog, openPhone, EXAMPLE_RECORD } from '../test/sim/browser-helpers.js';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'docs/zh/img');

async function main() {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium fonts-wqy-microhei`);
  mkdirSync(out, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'dudao-screenshots-'));
  const port = await freePort();
  const svc = spawn(process.execPath, [join(root, 'bin/dudao.mjs'), 'serve'], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dataDir,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SIM: 'on',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let started = '';
  svc.stdout!.on('data', (d) => (started += d));
  const phone = await openPhone();
  try {
    for (let t = Date.now(); !started.includes('dudao is running'); ) {
      if (Date.now() - t > 60_000) throw new Error('the service did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const { page } = phone;
    const base = `http://127.0.0.1:${port}`;
    const shot = async (name: string, at?: Locator) => {
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      if (at) await at.evaluate((el) => (el.closest('.msg') ?? el).scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `${name}.png`) });
      process.stderr.write(`docs/zh/img/${name}.png\n`);
    };
    const send = async (text: string) => {
      await page.getByLabel(/消息内容/).fill(text);
      await page.getByRole('button', { name: '发送', exact: true }).click();
    };

    // 督学: the record, and the answer
    await page.goto(`${base}/sim?person=sup-wang`);
    await page.locator('#log[aria-busy="false"]').waitFor({ state: 'attached' });
    await send(EXAMPLE_RECORD);
    const summary = openLog(page).locator('article.card-record_summary').last();
    await summary.waitFor();
    await shot('督学-登记督导记录', openLog(page).locator('.msg.mine').last());

    // 校长: the notice, one card per item; then 已完成整改 on the first
    await become(page, 'pri-s01');
    const notices = openLog(page).locator('article.card-rectification_notice');
    await notices.nth(1).waitFor();
    await shot('校长-整改通知', notices.nth(0));
    await notices.nth(1).getByRole('button', { name: '已完成整改' }).click();
    await notices.nth(1).locator('.outcome').waitFor();
    await shot('校长-报告完成', notices.nth(1));

    // 督学: the recheck card, 验收通过
    await become(page, 'sup-wang');
    const recheck = openLog(page).locator('article.card-recheck_request').last();
    await recheck.waitFor();
    await recheck.getByRole('button', { name: '验收通过' }).click();
    await recheck.locator('.outcome').waitFor();
    await shot('督学-验收', recheck);

    // 领导: the morning digest, then 逾期
    await become(page, 'lead-liu');
    await page.getByRole('button', { name: '+1 工作日' }).click();
    await page.getByRole('button', { name: /^到 \d{1,2}:\d\d$/ }).click();
    const digest = openLog(page).locator('article.card-digest').last();
    await digest.waitFor();
    await shot('领导-日报', digest);
    await send('逾期');
    const overdue = openLog(page).locator('article').last();
    await page.waitForTimeout(1500);
    await shot('领导-逾期', overdue);

    // 管理员: 帮助
    await become(page, 'admin-xu');
    await send('帮助');
    await openLog(page).locator('article.card-help').last().waitFor();
    await shot('管理员-帮助', openLog(page).locator('.msg.mine').last());
    await page.getByRole('button', { name: '回到现在' }).click();
  } finally {
    await phone.close();
    svc.kill('SIGTERM');
    await new Promise((r) => svc.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`screenshots: ${(e as Error).message}\n`);
  process.exit(1);
});

export type { Page };

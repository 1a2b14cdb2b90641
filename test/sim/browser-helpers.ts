// Debian's chromium, driven by playwright-core (no browser download). The bootstrap installs it
// for `npm test`; the test skips only when it is absent AND DUDAO_SKIP_BROWSER=1 says so.

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const skipBrowser = !existsSync(CHROMIUM) && process.env.DUDAO_SKIP_BROWSER === '1';

export const root = resolve(import.meta.dirname, '../..');
export const artifacts = join(root, 'test-artifacts');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Phone {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A phone-sized window (360×740) in a fresh profile. */
export async function openPhone(): Promise<Phone> {
  const profile = mkdtempSync(join(tmpdir(), 'dudao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A screenshot under test-artifacts/ (gitignored). `docsPath` (the README's docs/simulator.png)
 * is rewritten only with DUDAO_DOCS_SCREENSHOT=1: otherwise every test run would dirty a
 * committed file, and a machine without CJK fonts (fonts-noto-cjk) would replace it with boxes.
 */
export async function shot(page: Page, name: string, docsPath?: string) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
  if (docsPath && process.env.DUDAO_DOCS_SCREENSHOT === '1')
    await page.screenshot({ path: join(root, docsPath) });
}

/** Become `personId` in the picker and wait until their conversations are live. */
export async function become(page: Page, personId: string) {
  await page.getByLabel('当前身份').selectOption(personId);
  await page.locator(`.conv-log[data-conversation="dm:${personId}"]`).waitFor({ state: 'attached' });
  await page.locator('#log[aria-busy="false"]').waitFor({ state: 'attached' });
}

/** The visible conversation's log. */
export const openLog = (page: Page) => page.locator('.conv-log:not([hidden])');

export { EXAMPLE_RECORD } from '../fixtures/example-record.js';

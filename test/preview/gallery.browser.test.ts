/**
 * The gallery in Debian's Chromium (headless, started here): open the index, open one email, see
 * its title and severity, watch a template save reload the open page, and no console errors.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../functions/preview/preview-server.js';
import { launchTestChromium } from '../support/chromium.js';
import { type PreviewOnCopy, startPreviewOnCopy } from '../support/preview.js';

const FIXTURE = 'fixtures/real/guardduty-ssh-bruteforce-docs.json';

let running: PreviewOnCopy | undefined;
let templates: string;
let preview: PreviewServer;
let browser: Browser | undefined;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  running = await startPreviewOnCopy({ fixtures: ['fixtures/real', 'fixtures/seed'] });
  ({ preview, templates } = running);
  browser = await launchTestChromium();
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await running?.close();
});

describe('gallery in Chromium', () => {
  it('opens one email from the index and shows its title and severity', async () => {
    await page.goto(preview.url);
    const row = page.locator('tr.item-email', { hasText: FIXTURE.split('/').pop() ?? '' }).first();
    await row.waitFor();
    const title = (await row.locator('a').textContent()) ?? '';
    const severity = (await row.locator('.badge').first().textContent()) ?? '';
    expect(title).not.toBe('');
    expect(severity).toMatch(/^(INFORMATIONAL|LOW|MEDIUM|HIGH|CRITICAL)$/);

    await row.locator('a').click();
    await page.waitForURL(/\/item\?id=/);
    await expect.poll(() => page.locator('h1.title').isVisible()).toBe(true);
    expect(await page.locator('h1.title').textContent()).toContain(title);
    expect(await page.locator('h1.title .badge').isVisible()).toBe(true);
    expect(await page.locator('h1.title .badge').textContent()).toBe(severity);

    // Inside the sandboxed email itself (a hidden preheader repeats both: count the visible ones).
    const email = page.frameLocator('iframe.desktop');
    expect(await email.getByText(title).filter({ visible: true }).count()).toBeGreaterThan(0);
    expect(await email.getByText(severity, { exact: true }).filter({ visible: true }).count()).toBeGreaterThan(0);
  });

  it('switches tabs to the text body and the SNS message', async () => {
    await page.locator('label[for="tab-text"]').click();
    expect(await page.locator('pre.text-body').isVisible()).toBe(true);
    await page.locator('label[for="tab-sns"]').click();
    expect(await page.locator('.panel-sns pre').textContent()).toContain('"MessageStructure": "json"');
    expect(await page.locator('pre.text-body').isVisible()).toBe(false);
  });

  it('reloads the open page by itself when a template is saved', async () => {
    const file = join(templates, 'subject.hbs');
    const original = await readFile(file, 'utf8');
    await writeFile(file, `LIVE-RELOADED ${original}`);
    try {
      await expect.poll(() => page.locator('.subject').textContent(), { timeout: 10_000 }).toContain('LIVE-RELOADED');
      // The tab chosen before the reload is kept.
      expect(await page.locator('.panel-sns pre').isVisible()).toBe(true);
    } finally {
      await writeFile(file, original);
    }
  });

  it('records no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});

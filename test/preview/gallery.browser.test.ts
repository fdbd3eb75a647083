/**
 * The gallery in Debian's Chromium (headless, started here): open the index, open one email, see
 * its title and severity, watch a template save reload the open page, and no console errors.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../functions/core/config.js';
import { type PreviewServer, startPreview } from '../../functions/preview/preview-server.js';
import { launchTestChromium } from '../support/chromium.js';
import { REPO_ROOT } from '../support/fixtures.js';

const FIXTURE = 'fixtures/real/guardduty-ssh-bruteforce-docs.json';

let dir: string;
let templates: string;
let preview: PreviewServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'preview-browser-'));
  templates = join(dir, 'templates');
  await cp(join(REPO_ROOT, 'templates'), templates, { recursive: true });
  preview = await startPreview({
    port: 0,
    templatesDir: templates,
    fixtures: [join(REPO_ROOT, 'fixtures/real'), join(REPO_ROOT, 'fixtures/seed')],
    config: parseConfig({}),
    log: () => {},
    debounceMs: 50,
  });
  browser = await launchTestChromium();
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await rm(dir, { recursive: true, force: true });
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

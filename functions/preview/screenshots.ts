/**
 * Renders every email of the gallery to PNGs, at a desktop and a narrow mobile width, with
 * Debian's Chromium. The email HTML is loaded with JavaScript off and every network request
 * refused, as a careful mail client would show it.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Gallery } from './gallery.js';

export const VIEWPORTS = [
  { name: 'desktop', width: 1024, height: 768 },
  { name: 'mobile', width: 375, height: 667 },
] as const;

/**
 * Writes `<fixture>[-n]-desktop.png` and `-mobile.png` for each email into `dir`; returns the paths.
 *
 * @example
 * const files = await takeScreenshots(await launchChromium(), gallery, 'docs/screenshots');
 */
export async function takeScreenshots(browser: Browser, gallery: Gallery, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const stems = new Map<string, number>();
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    stems.clear();
    for (const item of gallery.items) {
      if (item.kind !== 'email') continue;
      const stem = basename(item.file, '.json');
      const seen = stems.get(stem) ?? 0;
      stems.set(stem, seen + 1);
      const path = join(dir, `${stem}${seen === 0 ? '' : `-${seen + 1}`}-${viewport.name}.png`);
      await page.setContent(item.email.html, { waitUntil: 'load' });
      await page.screenshot({ path, fullPage: true });
      written.push(path);
    }
    await context.close();
  }
  return written;
}

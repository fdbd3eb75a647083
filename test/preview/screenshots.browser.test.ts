/** Screenshots with Debian's Chromium: one PNG per email and viewport, at the viewport's width. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTemplates } from '../../functions/build/compile-templates.js';
import { parseConfig } from '../../functions/core/config.js';
import { createPipeline } from '../../functions/core/pipeline/pipeline.js';
import { createRenderer } from '../../functions/core/render/create-renderer.js';
import { buildGallery } from '../../functions/preview/gallery.js';
import { takeScreenshots, VIEWPORTS } from '../../functions/preview/screenshots.js';
import { launchTestChromium } from '../support/chromium.js';
import { REPO_ROOT } from '../support/fixtures.js';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchTestChromium();
  dir = await mkdtemp(join(tmpdir(), 'screenshots-'));
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('takeScreenshots', () => {
  it('writes a desktop and a mobile PNG per email, named after the fixture', async () => {
    const pipeline = createPipeline(parseConfig({}), createRenderer(await compileTemplates(join(REPO_ROOT, 'templates'))));
    const fixture = join(REPO_ROOT, 'fixtures/real/guardduty-ssh-bruteforce-docs.json');
    const gallery = await buildGallery(pipeline, [fixture]);
    // The fixture's email, then the gallery's summary of it.
    expect(gallery.items.filter((item) => item.kind === 'email')).toHaveLength(2);

    const files = await takeScreenshots(browser, gallery, dir);

    expect(files.map((file) => basename(file))).toEqual([
      'guardduty-ssh-bruteforce-docs-desktop.png',
      'summary-desktop.png',
      'guardduty-ssh-bruteforce-docs-mobile.png',
      'summary-mobile.png',
    ]);
    for (const [index, viewport] of VIEWPORTS.entries()) {
      for (const file of files.slice(index * 2, index * 2 + 2)) {
        const size = pngSize(await readFile(file));
        expect(size.width).toBe(viewport.width);
        expect(size.height).toBeGreaterThanOrEqual(viewport.height);
      }
    }
  });
});

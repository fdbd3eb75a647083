/**
 * Browser tests drive Debian's Chromium. When it is missing the test FAILS with the command to
 * install it: a browser test that skips silently would hide a broken gallery.
 */
import type { Browser } from 'playwright-core';
import { CHROMIUM_PATH, chromiumMissing, launchChromium } from '../../functions/preview/chromium.js';

/**
 * @example
 * beforeAll(async () => { browser = await launchTestChromium(); });
 */
export async function launchTestChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  const missing = chromiumMissing(executablePath);
  if (missing) throw new Error(`${missing}\n(browser tests need it; .ci/run installs it when missing)`);
  return launchChromium(executablePath);
}

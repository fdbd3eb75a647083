/**
 * Launches Debian's Chromium through playwright-core (never a downloaded browser), with the flags
 * that keep it quiet on a closed network and working as root.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
] as const;

/** Why Chromium cannot be used, or undefined when it is there. */
export function chromiumMissing(executablePath = CHROMIUM_PATH): string | undefined {
  if (existsSync(executablePath)) return undefined;
  return `Chromium not found at ${executablePath}. Install Debian's package: apt-get update && apt-get install -y --no-install-recommends chromium`;
}

/**
 * Starts a headless Chromium. Playwright gives it a fresh temporary profile (user data dir).
 *
 * @example
 * const browser = await launchChromium();
 * try { ... } finally { await browser.close(); }
 */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  const missing = chromiumMissing(executablePath);
  if (missing) throw new Error(missing);
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

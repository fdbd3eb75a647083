import { describe, expect, it } from 'vitest';
import { launchTestChromium } from '../support/chromium.js';

describe('launchTestChromium', () => {
  it('fails with the install command when Chromium is missing (browser tests never skip)', async () => {
    await expect(launchTestChromium('/nonexistent/chromium')).rejects.toThrow(/apt-get install -y --no-install-recommends chromium/);
  });
});

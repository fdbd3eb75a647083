import { defineConfig } from 'vitest/config';
import { chromiumMissing } from './functions/preview/chromium.js';
import { eventRulerMissing } from './test/support/event-ruler.js';

// Browser suites (`*.browser.test.ts`) need Debian's Chromium. Without it they are left out, said
// on one line; in CI (`CI=true`) nothing is left out, so a missing browser fails the run instead.
const BROWSER_SUITES = 'test/**/*.browser.test.ts';
const missing = process.env.CI === 'true' ? undefined : chromiumMissing();
if (missing) console.warn(`not run: ${BROWSER_SUITES} (${missing}); then run npm test again`);

// The rule conformance suites (`*.ruler.test.ts`) need AWS's event-ruler jar in ../shared/tools and Java 17+: the same rule.
const RULER_SUITES = 'test/**/*.ruler.test.ts';
const rulerMissing = process.env.CI === 'true' ? undefined : eventRulerMissing();
if (rulerMissing) console.warn(`not run: ${RULER_SUITES} (${rulerMissing}); then run npm test again`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(missing ? [BROWSER_SUITES] : []), ...(rulerMissing ? [RULER_SUITES] : [])],
    environment: 'node',
    // Integration suites start local stand-ins (SES, SNS, DynamoDB, Chromium) on loopback.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    allowOnly: false,
  },
});

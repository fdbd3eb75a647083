import { defineConfig } from 'vitest/config';
import { chromiumMissing } from './functions/preview/chromium.js';

// Browser suites (`*.browser.test.ts`) need Debian's Chromium. Without it they are left out, said
// on one line; in CI (`CI=true`) nothing is left out, so a missing browser fails the run instead.
const BROWSER_SUITES = 'test/**/*.browser.test.ts';
const missing = process.env.CI === 'true' ? undefined : chromiumMissing();
// Said once, though vitest loads this file more than once (the variable is inherited).
if (missing && !process.env.BROWSER_SUITES_NOTICE) {
  process.env.BROWSER_SUITES_NOTICE = 'shown';
  console.warn(`not run: ${BROWSER_SUITES} (${missing}); then run npm test again`);
}

/** One project per speed: `npm run test:unit` answers in seconds, `npm test` runs them all. */
const project = (name: string, include: string[], exclude: string[] = []) => ({
  extends: true as const,
  test: { name, include, exclude: [BROWSER_SUITES, ...exclude] },
});

export default defineConfig({
  test: {
    environment: 'node',
    // Integration suites start local stand-ins (SES, SNS, DynamoDB, Chromium) on loopback.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    allowOnly: false,
    coverage: { provider: 'v8', include: ['functions/**', 'infra/**'], reporter: ['text-summary', 'html'] },
    projects: [
      project('unit', ['test/unit/**/*.test.ts', 'test/security/**/*.test.ts']),
      project('integration', [
        'test/integration/**/*.test.ts',
        'test/fault/**/*.test.ts',
        'test/replay/**/*.test.ts',
        'test/preview/**/*.test.ts',
      ]),
      project('infra', ['test/infra/**/*.test.ts']),
      ...(missing ? [] : [{ extends: true as const, test: { name: 'browser', include: [BROWSER_SUITES] } }]),
    ],
  },
});

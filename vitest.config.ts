import { defineConfig } from 'vitest/config';
import { chromiumMissing } from './functions/preview/chromium.js';
import { eventRulerMissing } from './test/support/event-ruler.js';

// Suites that need a tool from outside npm: the browser suites need Debian's Chromium; the rule
// conformance suites need AWS's event-ruler jar in ../shared/tools and Java 17+. Without the tool
// they are left out, each said on one line; in CI (`CI=true`) nothing is left out, so a missing
// tool fails the run instead.
const BROWSER_SUITES = 'test/**/*.browser.test.ts';
const RULER_SUITES = 'test/**/*.ruler.test.ts';
const inCi = process.env.CI === 'true';
const leftOut = inCi
  ? []
  : [
      { suites: BROWSER_SUITES, why: chromiumMissing() },
      { suites: RULER_SUITES, why: eventRulerMissing() },
    ].filter((s): s is { suites: string; why: string } => s.why !== undefined);
// Said once, though vitest loads this file more than once (the variable is inherited).
if (leftOut.length > 0 && !process.env.LEFT_OUT_NOTICE) {
  process.env.LEFT_OUT_NOTICE = 'shown';
  for (const { suites, why } of leftOut) console.warn(`not run: ${suites} (${why}); then run npm test again`);
}
const excluded = leftOut.map((s) => s.suites);
const browserRuns = !excluded.includes(BROWSER_SUITES);

/** One project per speed: `npm run test:unit` answers in seconds, `npm test` runs them all. */
const project = (
  name: string,
  include: string[],
  exclude: string[] = [],
  options: { isolate?: boolean; maxWorkers?: number; sequence?: { groupOrder: number } } = {},
) => ({
  extends: true as const,
  test: { name, include, exclude: [BROWSER_SUITES, ...excluded, ...exclude], sequence: { groupOrder: 1 }, ...options },
});
const UNIT = ['test/unit/**/*.test.ts'];
// The security properties and limits: pure, but thousands of hostile inputs each (seconds, not milliseconds).
const SECURITY = ['test/security/**/*.test.ts'];
const INFRA = ['test/infra/**/*.test.ts'];

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
      // Pure suites share one module graph per worker (no mocks, no env) on both cores, as a group of
      // their own that runs first: seconds instead of a minute. The others then run one file at a time.
      project('unit', UNIT, [], { isolate: false, maxWorkers: 2, sequence: { groupOrder: 0 } }),
      project('security', SECURITY),
      // Everything else: stand-ins on loopback, child processes, the simulator. No suite falls outside a project.
      project('integration', ['test/**/*.test.ts'], [...UNIT, ...SECURITY, ...INFRA]),
      project('infra', INFRA),
      ...(browserRuns
        ? [{ extends: true as const, test: { name: 'browser', include: [BROWSER_SUITES], sequence: { groupOrder: 1 } } }]
        : []),
    ],
  },
});

/**
 * AWS's event-ruler (the engine behind EventBridge's pattern language) as a jar outside the repo:
 * `../shared/tools/event-ruler/event-ruler.jar` from the repository root, run with Java 17+.
 * Suites that need it are named `*.ruler.test.ts`; vitest.config.ts leaves them out, on one
 * line, when the jar or Java is missing (never in CI).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the jar is: beside the repository, in a copy of `shared/`. */
export const EVENT_RULER_JAR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'tools',
  'event-ruler',
  'event-ruler.jar',
);

/** Why the event-ruler suites cannot run here, or undefined when they can. */
export function eventRulerMissing(): string | undefined {
  if (!existsSync(EVENT_RULER_JAR)) return `event-ruler not found at ${EVENT_RULER_JAR}`;
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (java.error || java.status !== 0)
    return 'java (17 or newer) not found; on Debian: apt-get install -y --no-install-recommends openjdk-17-jre-headless';
  return undefined;
}

/**
 * Runs every event through every rule in one JVM call (about half a second each).
 *
 * @returns for each event, in order, the names of the rules that match it.
 * @throws Error naming the rule event-ruler refused, with its reason.
 */
export function matchEvents(rules: Readonly<Record<string, unknown>>, events: readonly unknown[]): string[][] {
  let output: string;
  try {
    output = execFileSync('java', ['-jar', EVENT_RULER_JAR], {
      input: JSON.stringify({ rules, events }),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    output = String((error as { stdout?: unknown }).stdout ?? '');
    if (!output.trim()) throw error;
  }
  const parsed = JSON.parse(output) as { results?: { index: number; matches: string[] }[]; error?: string; rule?: string };
  if (parsed.error !== undefined) throw new Error(`event-ruler refused the pattern of ${parsed.rule}: ${parsed.error}`);
  const results = parsed.results ?? [];
  return events.map((_, index) => results.find((r) => r.index === index)?.matches ?? []);
}

/** Loads every JSON fixture (real samples, the seed event, edge cases) as parsed JSON. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR } from './paths.js';

export interface Fixture {
  /** Path under fixtures/, e.g. `real/guardduty-ssh-bruteforce-docs.json`. */
  readonly name: string;
  readonly json: unknown;
}

/** Every `*.json` under fixtures/, sorted by path. Files that are not valid JSON are skipped (edge cases may hold some). */
export function loadFixtures(dir = FIXTURES_DIR): Fixture[] {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort();
  const fixtures: Fixture[] = [];
  for (const file of files) {
    try {
      fixtures.push({ name: file.split(path.sep).join('/'), json: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) });
    } catch {
      // An intentionally broken edge case: the pipeline's error path is not what this suite measures.
    }
  }
  return fixtures;
}

/**
 * Every fixture file under `fixtures/`, for fixture-driven tests. One list for everyone, so a
 * new fixture is picked up by every suite that loops over them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The `fixtures/` folder. */
export const FIXTURES_DIR = join(REPO_ROOT, 'fixtures');

/** Which folder a fixture sits in. `invalid` is `edge/invalid/`: input that must be refused. */
export type FixtureGroup = 'real' | 'seed' | 'edge' | 'invalid';

export interface Fixture {
  /** Path from the repository root with `/` separators, e.g. `fixtures/edge/invalid/not-json.json`: use it as the input name. */
  readonly name: string;
  /** Absolute path. */
  readonly file: string;
  readonly group: FixtureGroup;
  /** True under `fixtures/edge/invalid/`. */
  readonly invalid: boolean;
}

/**
 * Every `*.json` file under `fixtures/`, recursively, sorted by name. Pass `group` to keep one folder.
 *
 * @example for (const fixture of listFixtures()) it(fixture.name, () => ...)
 */
export function listFixtures(group?: FixtureGroup): Fixture[] {
  const all = walk(FIXTURES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file): Fixture => {
      const name = relative(REPO_ROOT, file).split(sep).join('/');
      const fixtureGroup = groupOf(name);
      return { name, file, group: fixtureGroup, invalid: fixtureGroup === 'invalid' };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return group === undefined ? all : all.filter((f) => f.group === group);
}

/** The file's text. */
export function readFixtureText(fixture: Fixture | string): string {
  return readFileSync(typeof fixture === 'string' ? join(REPO_ROOT, fixture) : fixture.file, 'utf8');
}

/** The file parsed as JSON (throws `SyntaxError` for `edge/invalid/not-json.json`). */
export function readFixture(fixture: Fixture | string): unknown {
  return JSON.parse(readFixtureText(fixture));
}

function groupOf(name: string): FixtureGroup {
  if (name.startsWith('fixtures/edge/invalid/')) return 'invalid';
  if (name.startsWith('fixtures/edge/')) return 'edge';
  if (name.startsWith('fixtures/seed/')) return 'seed';
  if (name.startsWith('fixtures/real/')) return 'real';
  throw new Error(`fixture outside the known folders: ${name}`);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
  );
}

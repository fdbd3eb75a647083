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

/** The first folder under `fixtures/`: `real`, `seed`, `edge`, or another one (e.g. `ocsf`). */
export type FixtureGroup = 'real' | 'seed' | 'edge' | (string & {});

export interface Fixture {
  /** Path from the repository root with `/` separators, e.g. `fixtures/edge/invalid/not-json.json`: use it as the input name. */
  readonly name: string;
  /** Absolute path. */
  readonly file: string;
  readonly group: FixtureGroup;
  /** True inside a folder named `invalid` (e.g. `fixtures/edge/invalid/`): input that must be refused. */
  readonly invalid: boolean;
}

/**
 * Every `*.json` file under `fixtures/`, recursively, sorted by name. Pass `group` to keep one top folder.
 *
 * @example for (const fixture of listFixtures()) it(fixture.name, () => ...)
 */
export function listFixtures(group?: FixtureGroup): Fixture[] {
  const all = walk(FIXTURES_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file): Fixture => {
      const name = relative(REPO_ROOT, file).split(sep).join('/');
      const [, group = '', ...rest] = name.split('/');
      return { name, file, group, invalid: rest.slice(0, -1).includes('invalid') };
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

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
  );
}

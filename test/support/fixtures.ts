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
  /** Path from the repository root with `/` separators, e.g. `fixtures/seed/securityhub-findings-imported-event.json`: use it as the input name. */
  readonly name: string;
  /** Absolute path. */
  readonly file: string;
  readonly group: FixtureGroup;
  /** True for the deliberately broken inputs of `test/fixtures/invalid/` (see `listInvalidFixtures`). */
  readonly invalid: boolean;
}

/** Deliberately broken inputs: they live beside the tests, so `npm run replay -- fixtures` reads only good input. */
export const INVALID_DIR = join(REPO_ROOT, 'test', 'fixtures', 'invalid');

/**
 * Every `*.json` file under `fixtures/`, recursively, sorted by name. Pass `group` to keep one top folder.
 *
 * @example for (const fixture of listFixtures()) it(fixture.name, () => ...)
 */
export function listFixtures(group?: FixtureGroup): Fixture[] {
  const all = jsonFiles(FIXTURES_DIR).map((file): Fixture => {
    const name = relative(REPO_ROOT, file).split(sep).join('/');
    return { name, file, group: name.split('/')[1] ?? '', invalid: false };
  });
  return group === undefined ? all : all.filter((f) => f.group === group);
}

/**
 * Every `*.json` file under `test/fixtures/invalid/`: input that must be refused with the JSON path.
 *
 * @example for (const fixture of listInvalidFixtures()) expect(() => read(fixture)).toThrow(InvalidEventError)
 */
export function listInvalidFixtures(): Fixture[] {
  return jsonFiles(INVALID_DIR).map((file) => ({
    name: relative(REPO_ROOT, file).split(sep).join('/'),
    file,
    group: 'invalid',
    invalid: true,
  }));
}

function jsonFiles(dir: string): string[] {
  return walk(dir)
    .filter((file) => file.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b));
}

/** The file's text. */
export function readFixtureText(fixture: Fixture | string): string {
  return readFileSync(typeof fixture === 'string' ? join(REPO_ROOT, fixture) : fixture.file, 'utf8');
}

/** The file parsed as JSON (throws `SyntaxError` for `test/fixtures/invalid/not-json.json`). */
export function readFixture(fixture: Fixture | string): unknown {
  return JSON.parse(readFixtureText(fixture));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : [],
  );
}

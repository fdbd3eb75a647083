import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type TreeWatch, watchTree } from '../../functions/preview/watch-tree.js';

let dir: string;
let watcher: TreeWatch | undefined;
let seen: string[][];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'watch-tree-'));
  await mkdir(join(dir, 'locales'));
  await writeFile(join(dir, 'finding.mjml'), 'one');
  await writeFile(join(dir, 'locales', 'en.json'), '{}');
  seen = [];
});

afterEach(async () => {
  watcher?.close();
  await rm(dir, { recursive: true, force: true });
});

const start = (path: string) => {
  watcher = watchTree(path, (files) => seen.push([...files]), { debounceMs: 30 });
};
const waitForChange = (file: string) => vi.waitFor(() => expect(seen.flat()).toContain(file), { timeout: 5_000, interval: 20 });

describe('watchTree', () => {
  it('sees a save in place, in a subfolder', async () => {
    start(dir);
    await writeFile(join(dir, 'locales', 'en.json'), '{"a":"b"}');
    await waitForChange(join('locales', 'en.json'));
  });

  it('keeps seeing a file that editors save by renaming a temporary file over it', async () => {
    start(dir);
    for (const content of ['two', 'three']) {
      seen = [];
      await writeFile(join(dir, '.finding.mjml.swp'), content);
      await rename(join(dir, '.finding.mjml.swp'), join(dir, 'finding.mjml'));
      await waitForChange('finding.mjml');
    }
  });

  it('picks up folders created after it started', async () => {
    start(dir);
    await mkdir(join(dir, 'partials'));
    await waitForChange('partials');
    seen = [];
    await writeFile(join(dir, 'partials', 'head.mjml'), '<mj-head />');
    await waitForChange(join('partials', 'head.mjml'));
  });

  it('watches one file when given a file', async () => {
    start(join(dir, 'finding.mjml'));
    await writeFile(join(dir, 'other.json'), '{}');
    await writeFile(join(dir, 'finding.mjml'), 'changed');
    await waitForChange('finding.mjml');
    expect(seen.flat()).not.toContain('other.json');
  });

  it('reports a path that does not exist instead of throwing', () => {
    const errors: Error[] = [];
    watcher = watchTree(join(dir, 'missing'), () => {}, { onError: (error) => errors.push(error) });
    expect(errors.map((error) => error.message)).toEqual([`${join(dir, 'missing')}: no such file or folder`]);
  });
});

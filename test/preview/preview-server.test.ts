/**
 * The preview server over loopback HTTP with the real template build: a copy of templates/ in a
 * temporary folder is edited, broken and fixed while the server runs.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PreviewServer } from '../../functions/preview/preview-server.js';
import { listFixtures, REPO_ROOT } from '../support/fixtures.js';
import { type PreviewOnCopy, startPreviewOnCopy } from '../support/preview.js';

let running: PreviewOnCopy | undefined;
let templates: string;
let preview: PreviewServer;
const log: string[] = [];

async function get(path: string) {
  const response = await fetch(new URL(path, preview.url));
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** fetch() cannot set Host; node:http can. */
function statusWithHost(host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    request(new URL(preview.url), { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  running = await startPreviewOnCopy({ fixtures: ['fixtures', 'test/fixtures/invalid'], log: (line) => log.push(line) });
  ({ preview, templates } = running);
});

afterAll(() => running?.close());

describe('preview server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(preview.url).hostname).toBe('127.0.0.1');
  });

  it('lists every fixture file on the index, with its outcomes', async () => {
    const { status, body } = await get('/');
    expect(status).toBe(200);
    const $ = load(body);
    const files = new Set(
      $('td.file')
        .map((_, cell) => relative(REPO_ROOT, $(cell).text()))
        .get(),
    );
    for (const fixture of listFixtures()) expect(files, fixture.name).toContain(fixture.name);
    expect($('tr.item-email').length).toBeGreaterThan(10);
    expect($('tr.item-skipped').length).toBeGreaterThan(0);
    expect($('tr.item-error').length).toBeGreaterThan(0);
  });

  it('serves every email page, and each email alone under a sandbox CSP', async () => {
    const $ = load((await get('/')).body);
    const links = $('tr.item-email a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) {
      const page = await get(link);
      expect(page.status, link).toBe(200);
      expect(load(page.body)('iframe[sandbox=""][srcdoc]').length, link).toBeGreaterThan(0);
    }
    const [first] = links;
    const alone = await get(`${first?.replace('/item?', '/raw?')}`);
    expect(alone.status).toBe(200);
    expect(alone.headers.get('content-security-policy')).toBe('sandbox');
  });

  it('refuses other Host names and answers 404 for unknown pages', async () => {
    expect(await statusWithHost('evil.example')).toBe(403);
    expect(await statusWithHost(new URL(preview.url).host)).toBe(200);
    expect((await get('/nope')).status).toBe(404);
    expect((await get('/item?id=missing')).status).toBe(404);
  });

  it('serves the edited template after a save, without a restart', async () => {
    const file = join(templates, 'subject.hbs');
    const original = await readFile(file, 'utf8');
    const before = preview.version;
    await writeFile(file, `EDITED-IN-TEST ${original}`);
    await vi.waitFor(
      async () => {
        const $ = load((await get('/')).body);
        expect($('tr.item-email .file').first().text()).toContain('EDITED-IN-TEST');
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(preview.version).toBeGreaterThan(before);
    await writeFile(file, original);
    await vi.waitFor(async () => expect((await get('/')).body).not.toContain('EDITED-IN-TEST'), { timeout: 10_000, interval: 100 });
  });

  it('shows a broken template with file and line, logs it, and recovers when fixed', async () => {
    const file = join(templates, 'finding.mjml');
    const original = await readFile(file, 'utf8');
    const lines = original.split('\n');
    const at = lines.findIndex((line) => line.includes('<mj-body'));
    expect(at).toBeGreaterThanOrEqual(0);
    lines.splice(at + 1, 0, '<mj-sectoin><mj-column><mj-text>typo</mj-text></mj-column></mj-sectoin>');
    await writeFile(file, lines.join('\n'));
    let message = '';
    await vi.waitFor(
      async () => {
        const page = await get('/');
        expect(page.status).toBe(500);
        message = load(page.body)('.template-error').text();
        expect(message).toMatch(/finding\.mjml:\d+: /);
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(message).toContain(`:${at + 2}:`);
    expect(log).toContain(message);
    // Fixed the way many editors save: a temporary file renamed over the original.
    await writeFile(`${file}.tmp`, original);
    await rename(`${file}.tmp`, file);
    await vi.waitFor(async () => expect((await get('/')).status).toBe(200), { timeout: 10_000, interval: 100 });
  });
});

import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTemplates } from '../../functions/build/compile-templates.js';
import { parseConfig } from '../../functions/core/config.js';
import { TemplateError } from '../../functions/core/errors.js';
import { createPipeline } from '../../functions/core/pipeline/pipeline.js';
import { createRenderer } from '../../functions/core/render/create-renderer.js';
import type { Renderer } from '../../functions/core/render/renderer.js';
import { buildGallery } from '../../functions/preview/gallery.js';
import { REPO_ROOT } from '../support/fixtures.js';

let dir: string;
let renderer: Renderer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gallery-'));
  await copyFile(join(REPO_ROOT, 'fixtures/real/guardduty-ssh-bruteforce-docs.json'), join(dir, 'a-guardduty.json'));
  await copyFile(join(REPO_ROOT, 'fixtures/real/securityhub-fsbp-s3-2-passed-resolved.json'), join(dir, 'b-resolved.json'));
  await writeFile(join(dir, 'c-broken.json'), '{ not json');
  await writeFile(join(dir, 'notes.txt'), 'not a fixture');
  renderer = createRenderer(await compileTemplates(join(REPO_ROOT, 'templates')));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildGallery', () => {
  it('plans every JSON file through the pipeline: emails, skipped findings and unreadable files', async () => {
    const gallery = await buildGallery(createPipeline(parseConfig({}), renderer), [dir, join(dir, 'missing')]);
    expect(gallery.files).toEqual([join(dir, 'a-guardduty.json'), join(dir, 'b-resolved.json'), join(dir, 'c-broken.json')]);
    const byFile = (name: string) => gallery.items.filter((item) => item.file.endsWith(name));

    const [email] = byFile('a-guardduty.json');
    expect(email).toMatchObject({ kind: 'email', severity: 'MEDIUM', label: 'finding' });
    expect(email?.title).toContain('SSH brute force');

    expect(byFile('b-resolved.json').map((item) => item.kind)).toContain('skipped');
    expect(byFile('c-broken.json')).toMatchObject([{ kind: 'error', message: expect.stringContaining('cannot read JSON') }]);
    expect(byFile('missing')).toMatchObject([{ kind: 'error', message: 'no such file or folder' }]);
    expect(new Set(gallery.items.map((item) => item.id)).size).toBe(gallery.items.length);
    // The summary template's preview: the open findings of every fixture (the resolved one is not open).
    const [summary] = byFile('summary');
    expect(summary).toMatchObject({ kind: 'email', label: 'summary' });
    expect(summary?.kind === 'email' && summary.email.text).toMatch(/^Total: 1$/m);
  });

  it('shows the new sections of the default fixtures: what happened, contributing findings, account name', async () => {
    const gallery = await buildGallery(createPipeline(parseConfig({}), renderer), [
      join(REPO_ROOT, 'fixtures/facts/guardduty-port-probe-action-account-name-bare.json'),
      join(REPO_ROOT, 'fixtures/real/securityhubv2-exposure-finding-lambda-docs.json'),
    ]);
    // The fixtures' own emails; the gallery adds the summary of their open findings after them.
    const texts = gallery.items.flatMap((item) => (item.kind === 'email' && item.label !== 'summary' ? [item.email.text] : []));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('== What happened ==\nAction: Port probe');
    expect(texts[0]).toContain('Account: payments-prod (111122223333)');
    expect(texts[1]).toContain('== What this finding is made of ==');
  });

  it('turns a render that throws into an error item instead of failing', async () => {
    const throwing: Renderer = {
      render() {
        throw new TemplateError('templates/finding.mjml', 3, 'boom');
      },
    };
    const gallery = await buildGallery(createPipeline(parseConfig({}), throwing), [join(dir, 'a-guardduty.json')]);
    expect(gallery.items).toMatchObject([
      { kind: 'error', message: 'render failed: TemplateError: templates/finding.mjml:3: boom' },
      // The summary of the fixtures is rendered by the same renderer.
      { kind: 'error', file: 'summary', message: 'render failed: TemplateError: templates/finding.mjml:3: boom' },
    ]);
  });
});

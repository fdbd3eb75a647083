import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { compileTemplates } from '../../../functions/build/compile-templates.js';
import { TemplateError } from '../../../functions/core/errors.js';

const run = promisify(execFile);
const dirs: string[] = [];

/** A temp copy of templates/ with `file` edited by `edit`; returns the copy's folder. */
async function brokenCopy(file: string, edit: (source: string) => string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'templates-'));
  dirs.push(dir);
  await cp('templates', dir, { recursive: true });
  const path = join(dir, file);
  const source = await readFile(path, 'utf8');
  const edited = edit(source);
  expect(edited).not.toBe(source); // the edit applied
  await writeFile(path, edited);
  return dir;
}

async function buildError(dir: string): Promise<TemplateError> {
  const error = await compileTemplates(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TemplateError);
  return error as TemplateError;
}

const lineOf = (source: string, text: string) => source.slice(0, source.indexOf(text)).split('\n').length;

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('compileTemplates', () => {
  it('compiles the real templates into render functions and both locales', async () => {
    const templates = await compileTemplates('templates');
    expect(Object.keys(templates.html)).toEqual(['finding', 'digest', 'insight', 'summary']);
    expect(typeof templates.html.finding).toBe('function');
    expect(typeof templates.subject).toBe('function');
    expect(Object.keys(templates.locales.ja)).toEqual(Object.keys(templates.locales.en));
  });

  it('fails on invalid MJML with the file and the MJML line', async () => {
    const original = await readFile('templates/finding.mjml', 'utf8');
    const dir = await brokenCopy('finding.mjml', (s) =>
      s.replace('<mj-button href="{{finding.consoleUrl}}">', '<mj-button href="{{finding.consoleUrl}}" padding="wide">'),
    );
    const error = await buildError(dir);
    expect(error.file).toBe(join(dir, 'finding.mjml'));
    expect(error.line).toBe(lineOf(original, '<mj-button href="{{finding.consoleUrl}}">'));
    expect(error.message).toMatch(/MJML: Attribute padding has invalid value/);
  });

  it('fails on an unknown MJML element', async () => {
    const dir = await brokenCopy('insight.mjml', (s) =>
      s
        .replace('<mj-text font-size="12px" color="#4b5563"', '<mj-texts font-size="12px" color="#4b5563"')
        .replace('</span></mj-text>', '</span></mj-texts>'),
    );
    const error = await buildError(dir);
    expect(error.file).toBe(join(dir, 'insight.mjml'));
    expect(error.message).toContain("Element mj-texts doesn't exist");
  });

  it('fails on a path that is not in the view model, naming file and line', async () => {
    const dir = await brokenCopy('finding.mjml', (s) => s.replace('<h1 style', '{{finding.nope}}<h1 style'));
    const source = await readFile(join(dir, 'finding.mjml'), 'utf8');
    const error = await buildError(dir);
    expect(error.file).toBe(join(dir, 'finding.mjml'));
    expect(error.line).toBe(lineOf(source, '{{finding.nope}}'));
    expect(error.message).toContain('"finding.nope" is not in the view model');
  });

  it('checks paths inside #each against the list item', async () => {
    const dir = await brokenCopy('digest.txt.hbs', (s) => s.replace('[{{severity.label}}] {{title}}', '[{{severity.label}}] {{titel}}'));
    const error = await buildError(dir);
    expect(error.message).toContain('"titel" is not in the view model');
    expect(error.file).toBe(join(dir, 'digest.txt.hbs'));
  });

  it('fails on unescaped output in an HTML template', async () => {
    const dir = await brokenCopy('finding.mjml', (s) => s.replace('{{finding.title}}</h1>', '{{{finding.title}}}</h1>'));
    const error = await buildError(dir);
    expect(error.message).toContain('unescaped output');
    expect(error.line).toBeGreaterThan(1);
  });

  it('fails when a text field is used as a link', async () => {
    const dir = await brokenCopy('finding.mjml', (s) =>
      s.replace('<mj-button href="{{finding.consoleUrl}}">', '<mj-button href="{{finding.title}}">'),
    );
    const error = await buildError(dir);
    expect(error.message).toContain('"finding.title" is not a URL field');
  });

  it('fails on helpers and partials', async () => {
    const helper = await buildError(await brokenCopy('subject.hbs', (s) => s.replace('{{title}}', '{{lookup this "title"}}')));
    expect(helper.message).toContain('helpers are not available');
    const partial = await buildError(await brokenCopy('insight.txt.hbs', (s) => `{{> evil}}\n${s}`));
    expect(partial.message).toContain('PartialStatement is not supported');
    expect(partial.line).toBe(1);
  });

  it('fails on a label missing from en.json, naming the template line that uses it', async () => {
    const dir = await brokenCopy('insight.txt.hbs', (s) => s.replace('{{t.groupedBy}}', '{{t.groupedByy}}'));
    const error = await buildError(dir);
    expect(error.file).toBe(join(dir, 'insight.txt.hbs'));
    expect(error.line).toBe(3);
    expect(error.message).toContain('t.groupedByy is missing');
  });

  it('fails when ja.json lacks a key of en.json', async () => {
    const dir = await brokenCopy('locales/ja.json', (s) => s.replace(/\n {2}"remediation": "修復手順",/, ''));
    const error = await buildError(dir);
    expect(error.file).toBe(join(dir, 'locales', 'ja.json'));
    expect(error.message).toMatch(/"remediation" is missing \(.*en\.json:\d+ has it\)/);
  });

  it('fails on a Handlebars syntax error with its line', async () => {
    const dir = await brokenCopy('finding.txt.hbs', (s) =>
      s.replace('{{/if}}\n[{{finding.severity.label}}]', '{{/each}}\n[{{finding.severity.label}}]'),
    );
    const error = await buildError(dir);
    expect(error.file).toBe(join(dir, 'finding.txt.hbs'));
    expect(error.message).toContain('Handlebars');
  });
});

describe('npm run build:templates', () => {
  it('exits 1 with one line "file:line: message" on stderr for a broken template', async () => {
    const dir = await brokenCopy('finding.mjml', (s) => s.replace('<h1 style', '{{finding.nope}}<h1 style'));
    const out = join(dir, 'generated');
    const result = await run('npx', ['tsx', 'functions/build/build-templates.ts', dir, out]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^${join(dir, 'finding.mjml').replace(/[.]/g, '\\.')}:\\d+: "finding\\.nope" is not in the view model`),
    );
  });
});

/**
 * The template build: MJML -> HTML (strict validation), every template checked against its view
 * model and the locale files, then precompiled with Handlebars. Runs at build time and in the
 * preview server; never in the Lambda.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import { LOCALES, type Locale } from '../core/config.js';
import { TemplateError } from '../core/errors.js';
import { type CompiledTemplates, TEMPLATE_NAMES, type TemplateName } from '../core/render/compiled-templates.js';
import { LOCALE_KEYS_USED_IN_CODE } from '../core/render/labels.js';
import { VIEW_SHAPES } from '../core/render/view-shapes.js';
import { checkLocales, type LocaleFile, parseLocale } from './check-locales.js';
import { checkTemplate } from './check-template.js';

/** Only the block helpers the check allows; no `lookup`, no `log`, no custom helpers. */
const PRECOMPILE = { knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true, with: true } };
const MUSTACHE = /\{\{[\s\S]*?\}\}/g;
const INDENTATION = /[ \t]*\n[ \t\n]*/g;

type Used = Map<string, { file: string; line: number }>;

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new TemplateError(file, undefined, 'cannot read the file', { cause: error });
  }
}

function precompile(file: string, source: string, noEscape: boolean): string {
  try {
    return String(Handlebars.precompile(source, { ...PRECOMPILE, noEscape }));
  } catch (error) {
    throw new TemplateError(file, undefined, `Handlebars: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
}

function note(used: Used, file: string, keys: ReadonlyMap<string, number>): void {
  for (const [key, line] of keys) if (!used.has(key)) used.set(key, { file, line });
}

/** MJML -> HTML, failing with the template's file and the MJML line on any validation error. */
async function compileMjml(file: string, source: string): Promise<string> {
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    // `fonts: {}`: no web fonts (MJML would link Google Fonts for "Roboto" in the font stack).
    result = await mjml2html(source, {
      validationLevel: 'strict',
      filePath: resolve(file),
      ignoreIncludes: false,
      keepComments: false,
      fonts: {},
    });
  } catch (error) {
    const first = (error as { errors?: { line?: number; message?: string }[] }).errors?.[0];
    throw new TemplateError(file, first?.line, `MJML: ${first?.message ?? (error as Error).message}`, { cause: error });
  }
  const [first] = result.errors;
  if (first) throw new TemplateError(file, first.line, `MJML: ${first.message}`);
  // Every Handlebars expression must come through MJML unchanged (e.g. not dropped with an unknown attribute).
  const before: string[] = (source.match(MUSTACHE) ?? []).sort();
  const after: string[] = (result.html.match(MUSTACHE) ?? []).sort();
  const lost = before.find((expression) => !after.includes(expression));
  if (lost !== undefined || after.length < before.length) {
    throw new TemplateError(file, lineOf(source, lost), `MJML did not keep ${lost ?? 'every Handlebars expression'} in the HTML`);
  }
  // Indentation only (a run of whitespace with a line break renders like one line break): about a third smaller.
  return result.html.replace(INDENTATION, '\n');
}

function lineOf(source: string, text: string | undefined): number | undefined {
  const index = text === undefined ? -1 : source.indexOf(text);
  return index < 0 ? undefined : source.slice(0, index).split('\n').length;
}

async function checkPartials(dir: string): Promise<void> {
  const partials = join(dir, 'partials');
  const names = await readdir(partials).catch(() => [] as string[]);
  for (const name of names) {
    const file = join(partials, name);
    const source = await read(file);
    if (source.includes('{{')) throw new TemplateError(file, lineOf(source, '{{'), 'partials hold layout and styles only, no Handlebars');
  }
}

async function readLocales(dir: string): Promise<Record<Locale, LocaleFile>> {
  const out: Partial<Record<Locale, LocaleFile>> = {};
  for (const locale of LOCALES) {
    const file = join(dir, 'locales', `${locale}.json`);
    out[locale] = parseLocale(file, await read(file));
  }
  return out as Record<Locale, LocaleFile>;
}

/**
 * Compiles and checks every template under `dir`.
 *
 * @example const templates = await compileTemplates('templates');
 * @throws TemplateError naming the file and line of the first problem.
 */
export async function compileTemplates(dir = 'templates'): Promise<CompiledTemplates> {
  const locales = await readLocales(dir);
  await checkPartials(dir);
  const used: Used = new Map(LOCALE_KEYS_USED_IN_CODE.map((key) => [key, { file: 'functions/core/render/labels.ts', line: 1 }]));
  const html: Partial<Record<TemplateName, string>> = {};
  const text: Partial<Record<TemplateName, string>> = {};
  for (const name of TEMPLATE_NAMES) {
    const mjmlFile = join(dir, `${name}.mjml`);
    const mjmlSource = await read(mjmlFile);
    note(used, mjmlFile, checkTemplate(mjmlFile, mjmlSource, VIEW_SHAPES[name], true).localeKeys);
    html[name] = precompile(mjmlFile, await compileMjml(mjmlFile, mjmlSource), false);

    const textFile = join(dir, `${name}.txt.hbs`);
    const textSource = await read(textFile);
    note(used, textFile, checkTemplate(textFile, textSource, VIEW_SHAPES[name], false).localeKeys);
    text[name] = precompile(textFile, textSource, true);
  }
  const subjectFile = join(dir, 'subject.hbs');
  const subjectSource = await read(subjectFile);
  note(used, subjectFile, checkTemplate(subjectFile, subjectSource, VIEW_SHAPES.subject, false).localeKeys);
  checkLocales(
    locales.en,
    LOCALES.filter((l) => l !== 'en').map((l) => locales[l]),
    used,
  );
  return {
    html: html as Record<TemplateName, string>,
    text: text as Record<TemplateName, string>,
    subject: precompile(subjectFile, subjectSource, true),
    locales: Object.fromEntries(LOCALES.map((l) => [l, locales[l].strings])) as Record<Locale, Readonly<Record<string, string>>>,
  };
}

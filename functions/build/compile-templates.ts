/**
 * The template build: MJML -> HTML (strict validation, insignificant whitespace removed), every
 * template checked against its view model and the locale files, then parsed with Handlebars and
 * compiled to plain JavaScript render functions (`codegen.ts`). Runs at build time and in the
 * preview server; never in the Lambda.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import { LOCALES, type Locale } from '../core/config.js';
import { TemplateError } from '../core/errors.js';
import {
  type CompiledTemplates,
  type FamilyName,
  joinTemplates,
  TEMPLATE_FAMILIES,
  TEMPLATE_NAMES,
  type TemplateFamily,
  type TemplateName,
} from '../core/render/compiled-templates.js';
import { localeKeysUsedInCode } from '../core/render/labels.js';
import { VIEW_SHAPES } from '../core/render/view-shapes.js';
import { markBreakable } from './break-long-tokens.js';
import { checkLocales, type LocaleFile, parseLocale } from './check-locales.js';
import { checkTemplate } from './check-template.js';
import { renderFunctionSource } from './codegen.js';
import { LiteralPool } from './literal-pool.js';
import { minifyHtml } from './minify-html.js';
import { loadTemplates, type TemplateProgram } from './template-program.js';

const MUSTACHE = /\{\{[\s\S]*?\}\}/g;
const INDENTATION = /[ \t]*\n[ \t\n]*/g;
const MJML_WORD_BREAK = /word-break:break-word;?/g;

type Used = Map<string, { file: string; line: number }>;

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new TemplateError(file, undefined, 'cannot read the file', { cause: error });
  }
}

/** Parses a checked template and compiles it to a render function source. */
function compile(file: string, source: string, html: boolean, pool: LiteralPool): string {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    throw new TemplateError(file, undefined, `Handlebars: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  return renderFunctionSource(file, program, { escape: html, literal: (text) => pool.literal(text) });
}

function note(used: Used, file: string, keys: ReadonlyMap<string, number>): void {
  for (const [key, line] of keys) if (!used.has(key)) used.set(key, { file, line });
}

/**
 * MJML -> HTML with the Handlebars expressions kept, failing with the template's file and the
 * MJML line on any validation error. The HTML is still a Handlebars template.
 *
 * @param minify also drop whitespace that cannot render (`minifyHtml`); indentation is always removed.
 */
export async function compileMjml(file: string, source: string, minify = true): Promise<string> {
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
  // MJML writes `word-break:break-word` on every column cell: Outlook.com and Yahoo ignore it (caniemail),
  // and long tokens get `<wbr>` instead (break-long-tokens.ts), so the layout depends on nothing a client drops.
  const html = result.html.replace(INDENTATION, '\n').replace(MJML_WORD_BREAK, '');
  return minify ? minifyHtml(html) : html;
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

/** Every template as checked Handlebars source: HTML bodies after MJML, text bodies and the subject as written. */
export interface TemplateSources {
  readonly html: Readonly<Record<TemplateName, { readonly file: string; readonly source: string }>>;
  readonly text: Readonly<Record<TemplateName, { readonly file: string; readonly source: string }>>;
  readonly subject: { readonly file: string; readonly source: string };
  readonly locales: Readonly<Record<Locale, Readonly<Record<string, string>>>>;
  /** The locale keys each body template (HTML and text) reads as `t.key`, and the subject's. */
  readonly localeKeys: Readonly<Record<TemplateName | 'subject', ReadonlySet<string>>>;
}

/**
 * Reads and checks every template under `dir` (view paths, locale keys, MJML) and returns the
 * Handlebars sources the code generator compiles.
 *
 * @throws TemplateError naming the file and line of the first problem.
 */
export async function readTemplateSources(dir = 'templates'): Promise<TemplateSources> {
  const locales = await readLocales(dir);
  await checkPartials(dir);
  const used: Used = new Map(localeKeysUsedInCode().map((key) => [key, { file: 'functions/core/render/labels.ts', line: 1 }]));
  const html: Partial<Record<TemplateName, { file: string; source: string }>> = {};
  const text: Partial<Record<TemplateName, { file: string; source: string }>> = {};
  const localeKeys: Partial<Record<TemplateName | 'subject', ReadonlySet<string>>> = {};
  for (const name of TEMPLATE_NAMES) {
    const mjmlFile = join(dir, `${name}.mjml`);
    const mjmlSource = await read(mjmlFile);
    const htmlKeys = checkTemplate(mjmlFile, mjmlSource, VIEW_SHAPES[name], true).localeKeys;
    note(used, mjmlFile, htmlKeys);
    html[name] = { file: mjmlFile, source: markBreakable(await compileMjml(mjmlFile, mjmlSource)) };

    const textFile = join(dir, `${name}.txt.hbs`);
    const textSource = await read(textFile);
    const textKeys = checkTemplate(textFile, textSource, VIEW_SHAPES[name], false).localeKeys;
    note(used, textFile, textKeys);
    text[name] = { file: textFile, source: textSource };
    localeKeys[name] = new Set([...htmlKeys.keys(), ...textKeys.keys()]);
  }
  const subjectFile = join(dir, 'subject.hbs');
  const subjectSource = await read(subjectFile);
  const subjectKeys = checkTemplate(subjectFile, subjectSource, VIEW_SHAPES.subject, false).localeKeys;
  note(used, subjectFile, subjectKeys);
  localeKeys.subject = new Set(subjectKeys.keys());
  checkLocales(
    locales.en,
    LOCALES.filter((l) => l !== 'en').map((l) => locales[l]),
    used,
  );
  return {
    html: html as TemplateSources['html'],
    text: text as TemplateSources['text'],
    subject: { file: subjectFile, source: subjectSource },
    locales: Object.fromEntries(LOCALES.map((l) => [l, locales[l].strings])) as TemplateSources['locales'],
    localeKeys: localeKeys as TemplateSources['localeKeys'],
  };
}

/** One family's compiled programs: each with its own literal pool, so a family's module holds only its own text. */
export type TemplatePrograms = { readonly [F in TemplateFamily]: TemplateProgram<FamilyName<F>> };

/**
 * Compiles and checks every template under `dir` into one program per email family (render
 * function sources and the literals they share), as the generated modules hold them.
 *
 * @example const { alert } = await compileTemplatePrograms('templates'); familyModule(alert)
 * @throws TemplateError naming the file and line of the first problem.
 */
export async function compileTemplatePrograms(dir = 'templates'): Promise<TemplatePrograms> {
  const sources = await readTemplateSources(dir);
  const family = <K extends TemplateName>(names: readonly K[]): TemplateProgram<K> => {
    const pool = new LiteralPool();
    const each = (group: TemplateSources['html'], html: boolean) =>
      Object.fromEntries(names.map((name) => [name, compile(group[name].file, group[name].source, html, pool)])) as Record<K, string>;
    const html = each(sources.html, true);
    const text = each(sources.text, false);
    const subject = compile(sources.subject.file, sources.subject.source, false, pool);
    return { prelude: pool.prelude(), html, text, subject, locales: familyLocales(sources, names) };
  };
  return { alert: family(TEMPLATE_FAMILIES.alert), summary: family(TEMPLATE_FAMILIES.summary) };
}

/**
 * The labels a family reads: those of its templates and the subject, and every label the view
 * code reads (`localeKeysUsedInCode`), in the order of the locale files.
 */
function familyLocales(sources: TemplateSources, names: readonly TemplateName[]): TemplateSources['locales'] {
  const keys = new Set([
    ...localeKeysUsedInCode(),
    ...sources.localeKeys.subject,
    ...names.flatMap((name) => [...sources.localeKeys[name]]),
  ]);
  const pick = (strings: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(strings).filter(([key]) => keys.has(key)));
  return Object.fromEntries(LOCALES.map((locale) => [locale, pick(sources.locales[locale])])) as TemplateSources['locales'];
}

/**
 * Compiles and checks every template under `dir` into render functions (evaluated from the same
 * sources the generated modules hold), every family joined.
 *
 * @example const renderer = createRenderer(await compileTemplates('templates'));
 * @throws TemplateError naming the file and line of the first problem.
 */
export async function compileTemplates(dir = 'templates'): Promise<CompiledTemplates> {
  const { alert, summary } = await compileTemplatePrograms(dir);
  return joinTemplates({ alert: loadTemplates(alert), summary: loadTemplates(summary) });
}

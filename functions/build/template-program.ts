/**
 * The compiled templates of one email family as one piece of JavaScript: shared literal constants
 * (`prelude`) and a render function source per template. `familyModule` writes it as the module a
 * Lambda imports and `loadTemplates` evaluates the very same source for the preview server and tests.
 */

import type { Locale } from '../core/config.js';
import type { CompiledTemplates, LocaleStrings, TemplateName } from '../core/render/compiled-templates.js';
import { TEMPLATE_HELPERS } from '../core/render/template-runtime.js';

export interface TemplateProgram<K extends TemplateName = TemplateName> {
  /** `const` declarations the render functions share (see `LiteralPool`). */
  readonly prelude: string;
  /** Render function sources (`function(c0){...}`). */
  readonly html: Readonly<Record<K, string>>;
  readonly text: Readonly<Record<K, string>>;
  readonly subject: string;
  readonly locales: Readonly<Record<Locale, LocaleStrings>>;
}

/** `{html:{...},text:{...},subject:...}`: the render functions as an object literal. */
export function functionsSource(program: {
  readonly html: Readonly<Record<string, string>>;
  readonly text: Readonly<Record<string, string>>;
  readonly subject: string;
}): string {
  const group = (sources: Readonly<Record<string, string>>) =>
    `{\n${Object.entries(sources)
      .map(([name, source]) => `${JSON.stringify(name)}:${source}`)
      .join(',\n')}\n}`;
  return `{html:${group(program.html)},\ntext:${group(program.text)},\nsubject:${program.subject}}`;
}

/**
 * Evaluates the program (no file written): the same functions the generated module exports.
 *
 * @example const alert = loadTemplates((await compileTemplatePrograms('templates')).alert);
 */
export function loadTemplates<K extends TemplateName>(program: TemplateProgram<K>): CompiledTemplates<K> {
  const build = new Function(...Object.keys(TEMPLATE_HELPERS), `"use strict";\n${program.prelude}return ${functionsSource(program)};`);
  const functions = build(...Object.values(TEMPLATE_HELPERS)) as Omit<CompiledTemplates<K>, 'locales'>;
  return { ...functions, locales: program.locales };
}

/**
 * The reference for the code generator: the same checked template sources compiled with the full
 * Handlebars library, with the options the build used before (known helpers only, `noEscape` for
 * text) and the data-only runtime options.
 */
import Handlebars from 'handlebars';
import { BREAKABLE_HELPER } from '../../../functions/build/break-long-tokens.js';
import { readTemplateSources, type TemplateSources } from '../../../functions/build/compile-templates.js';
import type { CompiledTemplates, RenderTemplate, TemplateName } from '../../../functions/core/render/compiled-templates.js';
import { breakableHtml } from '../../../functions/core/render/template-runtime.js';

const OPTIONS = { knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true, with: true, [BREAKABLE_HELPER]: true } };
const RUNTIME = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

/** One template compiled by Handlebars. */
export function handlebarsTemplate(source: string, noEscape: boolean): RenderTemplate {
  const handlebars = Handlebars.create();
  // The build marks values in HTML element content `{{wbr x}}` (break-long-tokens.ts): the same function here.
  handlebars.registerHelper(BREAKABLE_HELPER, (value: unknown) => new handlebars.SafeString(breakableHtml(value)));
  const template = handlebars.compile(source, { ...OPTIONS, noEscape });
  return (view) => template(view, RUNTIME);
}

/** Every template of `sources` compiled by Handlebars, in the shape `createRenderer` takes. */
export function handlebarsTemplates(sources: TemplateSources): CompiledTemplates {
  const group = (files: TemplateSources['html'], noEscape: boolean) =>
    Object.fromEntries(Object.entries(files).map(([name, { source }]) => [name, handlebarsTemplate(source, noEscape)])) as Record<
      TemplateName,
      RenderTemplate
    >;
  return {
    html: group(sources.html, false),
    text: group(sources.text, true),
    subject: handlebarsTemplate(sources.subject.source, true),
    locales: sources.locales,
  };
}

export const sources = await readTemplateSources('templates');
export const reference = handlebarsTemplates(sources);

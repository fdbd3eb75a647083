/**
 * The reference for the code generator: the same checked template sources compiled with the full
 * Handlebars library, with the options the build used before (known helpers only, `noEscape` for
 * text) and the data-only runtime options.
 */
import Handlebars from 'handlebars';
import { readTemplateSources, type TemplateSources } from '../../../functions/build/compile-templates.js';
import type { CompiledTemplates, RenderTemplate, TemplateName } from '../../../functions/core/render/compiled-templates.js';

const OPTIONS = { knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true, with: true } };
const RUNTIME = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false };

/** One template compiled by Handlebars. */
export function handlebarsTemplate(source: string, noEscape: boolean): RenderTemplate {
  const template = Handlebars.create().compile(source, { ...OPTIONS, noEscape });
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

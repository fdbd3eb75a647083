/**
 * What the template build produces and the renderer consumes: plain data, so the build can write
 * it as a module and the preview server can produce it live.
 */
import type { Locale } from '../config.js';

/** The bodies rendered per notification kind, plus the one subject template. */
export const TEMPLATE_NAMES = ['finding', 'digest', 'insight'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** Flat label table of one locale: `templates/locales/<locale>.json`. */
export type LocaleStrings = Readonly<Record<string, string>>;

/**
 * A precompiled Handlebars template: the source text `Handlebars.precompile` returns (preview,
 * tests), or that same source evaluated as a module object literal (the generated module).
 */
export type TemplateSpec = string | object;

export interface CompiledTemplates {
  /** HTML bodies (MJML compiled, Handlebars with HTML escaping). */
  readonly html: Readonly<Record<TemplateName, TemplateSpec>>;
  /** Text bodies (Handlebars without HTML escaping; values are cleaned of control characters). */
  readonly text: Readonly<Record<TemplateName, TemplateSpec>>;
  readonly subject: TemplateSpec;
  readonly locales: Readonly<Record<Locale, LocaleStrings>>;
}

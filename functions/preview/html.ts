/**
 * A tiny HTML builder for the preview pages. Every interpolated value is escaped unless it is
 * already `SafeHtml` (built by `html` itself or wrapped on purpose with `raw`), so finding text,
 * file names and error messages can never become markup in the gallery.
 */

import { escapeHtml } from '../core/render/template-runtime.js';

/** HTML that is already escaped (or trusted markup written in this folder). */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** The emails' own escaping, one for the whole project: safe in element bodies and quoted attribute values (including `srcdoc`). */
export { escapeHtml };

/** Values `html` accepts: text is escaped, `SafeHtml` kept, arrays joined, null/undefined/false dropped. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template: the literal parts are markup, every `${value}` is escaped.
 *
 * @example
 * html`<td>${finding.title}</td>` // the title cannot inject tags
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks trusted markup (written in this folder, never from a finding) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

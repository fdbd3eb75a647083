/**
 * The few helpers the generated template functions call (see `functions/build/codegen.ts`). They
 * reproduce Handlebars 4.7 semantics for the subset the template check allows, so an email is
 * byte-identical to the Handlebars rendering of the same template.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};
const HTML_SPECIAL = /[&<>"'`=]/;
const HTML_SPECIAL_ALL = /[&<>"'`=]/g;
const entity = (char: string): string => HTML_ENTITIES[char] ?? char;
// `'' + value` as Handlebars does (ToPrimitive, not ToString: they differ only for objects with their own valueOf).
// biome-ignore lint/style/useTemplate: the concatenation is the semantics
const concat = (value: unknown): string => '' + (value as string);

/**
 * `{{value}}` in an HTML template: Handlebars' `escapeExpression` (same entity set; `null` and
 * `undefined` are empty) without its SafeString escape hatch, which views never use.
 *
 * @example escapeHtml('<a href="x">') // '&lt;a href&#x3D;&quot;x&quot;&gt;'
 */
export function escapeHtml(value: unknown): string {
  const text = typeof value === 'string' ? value : value == null ? '' : concat(value);
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIAL_ALL, entity) : text;
}

/** A run of printable ASCII this long or longer (an ARN, a URL, an id) gets break opportunities. */
export const LONG_RUN = 24;
/** Break after these characters once a piece is this long, and anywhere after `HARD_BREAK` characters. */
const SOFT_BREAK = 6;
const HARD_BREAK = 20;
/** 1 at the char codes to break after (runs are printable ASCII, so 128 entries cover them). */
const BREAK_AFTER = new Uint8Array(128);
for (const char of '/:.-_=&?,;@|#+\\') BREAK_AFTER[char.charCodeAt(0)] = 1;

/** Printable ASCII other than the space: what a long run is made of. */
function isRunChar(code: number): boolean {
  return code >= 0x21 && code <= 0x7e;
}

/** `run` escaped, with `<wbr>` after separators (and at least every `HARD_BREAK` characters). */
function breakRun(run: string): string {
  // Most runs (ARNs, ids) have nothing to escape: their pieces are then appended as they are.
  const special = HTML_SPECIAL.test(run);
  let out = '';
  let start = 0;
  for (let i = 0; i < run.length - 1; i++) {
    const length = i + 1 - start;
    if ((length >= SOFT_BREAK && BREAK_AFTER[run.charCodeAt(i)] === 1) || length >= HARD_BREAK) {
      const piece = run.slice(start, i + 1);
      out += `${special ? escapeHtml(piece) : piece}<wbr>`;
      start = i + 1;
    }
  }
  const tail = run.slice(start);
  return out + (special ? escapeHtml(tail) : tail);
}

/**
 * `{{value}}` in HTML element content (the build marks it `{{wbr value}}`, see
 * `functions/build/break-long-tokens.ts`): `escapeHtml`, plus a `<wbr>` break opportunity in every
 * run of LONG_RUN or more printable ASCII characters, so ARNs and URLs wrap in mail clients that
 * ignore `overflow-wrap` and `word-break` (Gmail, Outlook, Yahoo). Text with spaces or CJK
 * characters breaks by itself and is left as `escapeHtml` leaves it.
 *
 * @example breakableHtml('arn:aws:securityhub:us-east-1:111122223333:x') // 'arn:aws:<wbr>securityhub:<wbr>us-east-<wbr>1:111122223333:<wbr>x'
 */
export function breakableHtml(value: unknown): string {
  const text = typeof value === 'string' ? value : value == null ? '' : concat(value);
  if (text.length < LONG_RUN) return escapeHtml(text);
  // One pass over the text (a regex for the runs backtracked through long prose: 12% of a render).
  let out = '';
  let last = 0;
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isRunChar(text.charCodeAt(i))) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0 && i - runStart >= LONG_RUN) {
      out += escapeHtml(text.slice(last, runStart)) + breakRun(text.slice(runStart, i));
      last = i;
    }
    runStart = -1;
  }
  return last === 0 ? escapeHtml(text) : out + escapeHtml(text.slice(last));
}

/**
 * `{{value}}` in a text template (Handlebars `noEscape`): the same string, `null`/`undefined` empty.
 *
 * @example outputText(3) // '3'
 */
export function outputText(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : concat(value);
}

/**
 * `{{#if value}}`: false, 0, '', null, undefined, NaN and empty lists are false (Handlebars without `includeZero`).
 *
 * @example truthy([]) // false
 */
export function truthy(value: unknown): boolean {
  return Boolean(value) && !(Array.isArray(value) && value.length === 0);
}

/**
 * `{{#with value}}`: renders unless the value is empty (Handlebars `isEmpty`: like `truthy`, but 0 counts).
 *
 * @example present(0) // true
 */
export function present(value: unknown): boolean {
  return (Boolean(value) || value === 0) && !(Array.isArray(value) && value.length === 0);
}

/**
 * `{{parent.key}}` for a key that objects, strings or lists inherit (e.g. `values`, `link`):
 * only an own property counts, as in Handlebars' data-only lookup. Other keys are read directly.
 *
 * @example ownProperty([], 'values') // undefined
 */
export function ownProperty(parent: unknown, key: string): unknown {
  return parent != null && Object.hasOwn(Object(parent), key) ? (parent as Record<string, unknown>)[key] : undefined;
}

const NO_ITEMS: readonly unknown[] = Object.freeze([]);

/**
 * `{{#each value}}` over `value` when it is a list; anything else iterates nothing (and renders `{{else}}`).
 *
 * @example listOf('x') // []
 */
export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : NO_ITEMS;
}

/** The helpers under the names generated render functions call them by. */
export const TEMPLATE_HELPERS = {
  e: escapeHtml,
  b: breakableHtml,
  s: outputText,
  t: truthy,
  w: present,
  p: ownProperty,
  l: listOf,
} as const;

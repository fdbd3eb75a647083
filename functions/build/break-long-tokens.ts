/**
 * Marks every value printed in HTML element content as breakable: `{{x}}` becomes `{{wbr x}}`,
 * which the generated code renders with `breakableHtml` (escaped, with `<wbr>` in long ARNs and
 * URLs). Values inside a tag (attributes such as `href` and `style`) and inside `<title>` stay
 * `{{x}}`: a `<wbr>` there would be text, not markup. Runs on the HTML MJML made, so template
 * authors write plain `{{x}}` and get wrapping in every mail client without CSS that Gmail,
 * Outlook and Yahoo ignore (`overflow-wrap`, `word-break`).
 */

/** The helper name the build writes; templates cannot use it (check-template.ts allows no helpers). */
export const BREAKABLE_HELPER = 'wbr';

/** A plain value `{{path}}`: no block, comment, else, partial, or triple-stash. */
const VALUE = /\{\{(?![#/!>^&{]|else\b)(\s*[\w.@/[\]-]+\s*)\}\}/g;
const TITLE_OPEN = /<title[\s>]/gi;
const TITLE_CLOSE = /<\/title>/gi;

function lastIndex(pattern: RegExp, text: string): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index;
  return last;
}

/**
 * `html` with every value in element content marked `{{wbr ...}}`.
 *
 * @example markBreakable('<a href="{{u}}">{{u}}</a>') // '<a href="{{u}}">{{wbr u}}</a>'
 */
export function markBreakable(html: string): string {
  return html.replace(VALUE, (whole, path: string, offset: number) => {
    const before = html.slice(0, offset);
    const inTag = before.lastIndexOf('<') > before.lastIndexOf('>');
    const inTitle = lastIndex(TITLE_OPEN, before) > lastIndex(TITLE_CLOSE, before);
    return inTag || inTitle ? whole : `{{${BREAKABLE_HELPER} ${path.trim()}}}`;
  });
}

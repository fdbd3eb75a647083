/**
 * Build-time removal of whitespace that cannot render: a whitespace-only run between two tags
 * where both sides are block-level boundaries (block or table elements, or comments) and at
 * least one is a block element. Whitespace next to inline elements, inline-block elements,
 * Handlebars expressions or text is kept, and nothing changes inside `<style>`, `<script>`,
 * `<pre>`, `<textarea>`, `<title>`, elements styled `white-space:pre*`, or comments (Outlook's
 * conditional comments stay byte for byte). Inside opening tags, whitespace between attributes
 * becomes one space (none before `>`); attribute values are not touched.
 */

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|\{\{[\s\S]*?\}\}|[^<{]+|[<{]/g;
const BLOCK = new Set(
  'html head body title meta link style script table thead tbody tfoot tr td th caption colgroup col div p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd br hr center section header footer article nav blockquote form'.split(
    ' ',
  ),
);
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
const RAW = new Set(['style', 'script', 'pre', 'textarea', 'title']);
const INLINE_DISPLAY = /display\s*:\s*inline/i;
const PRE_WHITESPACE = /white-space\s*:\s*(?:pre|break-spaces)/i;
const BLANK = /^\s+$/;
const ATTRIBUTE_SPACE = /"[^"]*"|'[^']*'|\s+/g;
const TRAILING_SPACE = /\s+$/;

/** Whitespace between attributes collapsed to one space and dropped before `>`; quoted values untouched. */
function tidyAttributes(attributes: string): string {
  return attributes.replace(ATTRIBUTE_SPACE, (run) => (run.startsWith('"') || run.startsWith("'") ? run : ' ')).replace(TRAILING_SPACE, '');
}

interface Token {
  readonly text: string;
  /** A block-level tag (true), a comment (`comment`), or anything else (false). */
  readonly boundary: boolean | 'comment';
  /** Inside an element whose whitespace is significant. */
  readonly preserved: boolean;
}

interface Open {
  readonly name: string;
  readonly block: boolean;
  readonly preserve: boolean;
}

function tokenize(html: string): Token[] {
  const stack: Open[] = [];
  const tokens: Token[] = [];
  const preserved = () => stack.some((open) => open.preserve);
  for (const match of html.matchAll(TOKEN)) {
    const [text, slash, rawName, attributes = ''] = match;
    if (text.startsWith('<!--')) {
      tokens.push({ text, boundary: 'comment', preserved: preserved() });
      continue;
    }
    if (rawName === undefined) {
      tokens.push({ text, boundary: false, preserved: preserved() });
      continue;
    }
    const name = rawName.toLowerCase();
    if (slash === '/') {
      const at = stack.map((open) => open.name).lastIndexOf(name);
      const open = at < 0 ? undefined : stack[at];
      if (at >= 0) stack.length = at;
      tokens.push({ text, boundary: open?.block ?? BLOCK.has(name), preserved: preserved() || (open?.preserve ?? false) });
      continue;
    }
    const block = BLOCK.has(name) && !INLINE_DISPLAY.test(attributes);
    tokens.push({ text: `<${rawName}${tidyAttributes(attributes)}>`, boundary: block, preserved: preserved() });
    if (!VOID.has(name) && !attributes.trimEnd().endsWith('/')) {
      stack.push({ name, block, preserve: RAW.has(name) || PRE_WHITESPACE.test(attributes) });
    }
  }
  return tokens;
}

/**
 * `html` without whitespace that cannot render (see the file comment); Handlebars expressions untouched.
 *
 * @example minifyHtml('<tr>\n<td>{{a}}</td>\n</tr>') // '<tr><td>{{a}}</td></tr>'
 */
export function minifyHtml(html: string): string {
  const tokens = tokenize(html);
  return tokens
    .filter((token, i) => {
      if (!BLANK.test(token.text) || token.preserved) return true;
      const before = tokens[i - 1]?.boundary ?? false;
      const after = tokens[i + 1]?.boundary ?? false;
      return !(before && after && (before === true || after === true));
    })
    .map((token) => token.text)
    .join('');
}

/**
 * Shared literal text for the generated templates module. MJML output repeats long runs (the
 * font stack, Outlook table openers, column wrappers) across and within templates; the pool
 * declares each repeated run once as a constant and builds every long literal from those
 * constants when the module loads, so render functions still append one prebuilt string per
 * literal and the module stays small.
 */

/** Literals shorter than this stay inline in the render function. */
const MIN_POOLED = 48;
/** Runs shorter than this are not worth a constant. */
const MIN_SHARED = 16;
/** Tokens: a line, cut after `>`, `;` and `"` (tags, style declarations, attribute values). */
const TOKEN = /[^\n>;"]*(?:[\n>;"]|$)/g;

/** Collects literals while templates are compiled, then declares them (`prelude`). */
export class LiteralPool {
  readonly #literals = new Map<string, string>();

  /**
   * The expression for `text` inside a render function: a constant name, or a JSON string for short text.
   *
   * @example const name = pool.literal('<table role="presentation" ...>')
   */
  literal(text: string): string {
    if (text.length < MIN_POOLED) return JSON.stringify(text);
    let name = this.#literals.get(text);
    if (name === undefined) {
      name = `l${this.#literals.size}`;
      this.#literals.set(text, name);
    }
    return name;
  }

  /** `const` declarations of the shared runs (`f0`...) and of every pooled literal (`l0`...). */
  prelude(): string {
    const split = new Map<string, string[]>();
    const counts = new Map<string, number>();
    for (const text of this.#literals.keys()) {
      const tokens = (text.match(TOKEN) ?? []).filter((token) => token !== '');
      split.set(text, tokens);
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    const shared = new Map<string, string>();
    for (const [token, count] of counts) {
      if (token.length >= MIN_SHARED && count >= 2) shared.set(token, `f${shared.size}`);
    }
    const declarations = [...shared].map(([token, name]) => `${name}=${JSON.stringify(token)}`);
    for (const [text, name] of this.#literals) {
      const parts: string[] = [];
      let raw = '';
      for (const token of split.get(text) ?? []) {
        const constant = shared.get(token);
        if (constant === undefined) {
          raw += token;
          continue;
        }
        if (raw !== '') parts.push(JSON.stringify(raw));
        raw = '';
        parts.push(constant);
      }
      if (raw !== '') parts.push(JSON.stringify(raw));
      declarations.push(`${name}=${parts.join('+')}`);
    }
    return declarations.length === 0 ? '' : `const ${declarations.join(',\n')};\n`;
  }
}

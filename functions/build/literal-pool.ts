/**
 * Shared literal text for the generated templates module. MJML output repeats long runs (the
 * font stack, Outlook table openers, column wrappers) across and within templates. The pool
 * finds them with Re-Pair (repeatedly name the most frequent adjacent pair of tokens), declares
 * each run used more than once as a constant, and builds every long literal from those
 * constants when the module loads. Render functions still append one prebuilt string per
 * literal; only the module gets smaller.
 */

/** Literals shorter than this stay inline in the render function. */
const MIN_POOLED = 16;
/** Shared runs shorter than this are written out where they are used. */
const MIN_SHARED = 20;
/** Tokens: text cut after `>`, `;`, `"` and line breaks (tags, style declarations, attribute values). */
const TOKEN = /[^\n>;"]*(?:[\n>;"]|$)/g;

type Part = string | { readonly name: string };

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
    const { symbols, sequences } = rePair([...this.#literals.keys()]);
    const uses = new Array<number>(symbols.length).fill(0);
    for (const sequence of sequences) for (const id of sequence) uses[id] = (uses[id] ?? 0) + 1;
    for (const symbol of symbols) if (typeof symbol !== 'string') for (const id of symbol) uses[id] = (uses[id] ?? 0) + 1;

    const expansions: string[] = [];
    const expand = (id: number): string => {
      const cached = expansions[id];
      if (cached !== undefined) return cached;
      const symbol = symbols[id] ?? '';
      const text = typeof symbol === 'string' ? symbol : expand(symbol[0]) + expand(symbol[1]);
      expansions[id] = text;
      return text;
    };
    const names = new Map<number, string>();
    const parts = (id: number): Part[] => {
      const name = names.get(id);
      if (name !== undefined) return [{ name }];
      const symbol = symbols[id] ?? '';
      return typeof symbol === 'string' ? [symbol] : [...parts(symbol[0]), ...parts(symbol[1])];
    };
    const declarations: string[] = [];
    symbols.forEach((symbol, id) => {
      if ((uses[id] ?? 0) < 2 || expand(id).length < MIN_SHARED) return;
      const value = typeof symbol === 'string' ? JSON.stringify(symbol) : expression([...parts(symbol[0]), ...parts(symbol[1])]);
      const name = `f${names.size}`;
      names.set(id, name);
      declarations.push(`${name}=${value}`);
    });
    [...this.#literals.values()].forEach((name, i) => {
      declarations.push(`${name}=${expression((sequences[i] ?? []).flatMap(parts))}`);
    });
    if (declarations.length === 0) return '';
    return `${JOIN_HELPER}const ${declarations.join(',\n')};\n`;
  }
}

/** `j(a, b, ...)`: the parts joined (declared first in the prelude; shorter than `[a, b].join("")` 144 times). */
const JOIN_HELPER = 'const j=(...parts)=>parts.join("");\n';

/**
 * Parts joined, adjacent text merged into one JSON string. `join` rather than `+`: V8 keeps a
 * string built with `+` as a tree of pieces that every render would walk again; `join` makes one
 * flat string once, at module load.
 */
function expression(parts: readonly Part[]): string {
  const out: string[] = [];
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    if (text !== '') out.push(JSON.stringify(text));
    text = '';
    out.push(part.name);
  }
  if (text !== '' || out.length === 0) out.push(JSON.stringify(text));
  return out.length === 1 ? (out[0] ?? '""') : `j(${out.join(',')})`;
}

/**
 * Re-Pair over the token sequences of `texts`: symbols are tokens (strings) or pairs of symbol
 * ids; each text becomes a sequence of symbol ids.
 */
function rePair(texts: readonly string[]): { symbols: (string | readonly [number, number])[]; sequences: number[][] } {
  const symbols: (string | readonly [number, number])[] = [];
  const ids = new Map<string, number>();
  const sequences = texts.map((text) =>
    (text.match(TOKEN) ?? [])
      .filter((token) => token !== '')
      .map((token) => {
        let id = ids.get(token);
        if (id === undefined) {
          id = symbols.push(token) - 1;
          ids.set(token, id);
        }
        return id;
      }),
  );
  for (;;) {
    const counts = new Map<string, number>();
    let best: string | undefined;
    let bestCount = 1;
    for (const sequence of sequences) {
      for (let i = 0; i + 1 < sequence.length; i++) {
        const key = `${sequence[i]},${sequence[i + 1]}`;
        const count = (counts.get(key) ?? 0) + 1;
        counts.set(key, count);
        if (count > bestCount) [best, bestCount] = [key, count];
      }
    }
    if (best === undefined) break;
    const [a, b] = best.split(',').map(Number) as [number, number];
    const id = symbols.push([a, b]) - 1;
    for (const sequence of sequences) {
      for (let i = 0; i + 1 < sequence.length; i++) {
        if (sequence[i] === a && sequence[i + 1] === b) sequence.splice(i, 2, id);
      }
    }
  }
  return { symbols, sequences };
}

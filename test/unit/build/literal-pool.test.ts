import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiteralPool } from '../../../functions/build/literal-pool.js';

/** Declares the pool's constants and returns the value of each literal expression. */
function evaluate(pool: LiteralPool, expressions: readonly string[]): string[] {
  return new Function(`${pool.prelude()}return [${expressions.join(',')}];`)() as string[];
}

const PIECES = [
  '<td style="',
  'font-family:Arial, sans-serif;',
  'color:#111;',
  '">',
  '</td>\n',
  '<!--[if mso | IE]>',
  '"',
  ';',
  '\n',
  'x',
  '日本',
  '\\',
  '</script>',
];

describe('LiteralPool', () => {
  it('gives back every literal exactly, sharing repeated runs', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join('')),
          { maxLength: 8 },
        ),
        (texts) => {
          const pool = new LiteralPool();
          const expressions = texts.map((text) => pool.literal(text));
          expect(evaluate(pool, expressions)).toEqual(texts);
        },
      ),
    );
  });

  it('declares a run that repeats across literals once', () => {
    const run = 'font-family:-apple-system, Roboto, Helvetica, Arial, sans-serif;';
    const pool = new LiteralPool();
    const texts = [`<div style="${run}color:#111;">`, `<td style="${run}font-size:13px;">`];
    const expressions = texts.map((text) => pool.literal(text));
    expect(pool.prelude().split(run)).toHaveLength(2);
    expect(evaluate(pool, expressions)).toEqual(texts);
  });
});

import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { type JsonSchema, settingsTable } from '../../../functions/build/settings-table.js';

/** The rows of a table as `setting | meaning | default` cells. */
function rows(schema: z.core.$ZodType, prefix?: string): string[][] {
  const table = settingsTable(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema, prefix);
  return table
    .split('\n')
    .slice(2)
    .map((line) => line.slice(2, -2).split(' | '));
}

describe('settingsTable', () => {
  const about = z.describe;
  const shared = { size: z._default(z.int().check(z.gte(1), z.lte(10)), 3).check(about('How many.')) };
  const union = z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('a').check(about('Which kind.')),
      a: z.strictObject({ x: z.string() }).check(about('For a.')),
      ...shared,
    }),
    z.strictObject({ kind: z._default(z.optional(z.literal('b')), 'b'), a: z.optional(z.strictObject({ x: z.string() })), ...shared }),
  ]);

  it('lists a discriminated union as one table: its values, its default, and a section only some options require', () => {
    expect(rows(union)).toEqual([
      ['`kind`', 'Which kind. One of `a`, `b`.', '`b`'],
      ['`a`', 'For a.', 'required when `kind` is `a`'],
      ['`a.x`', '', 'required'],
      ['`size`', 'How many. From 1 to 10.', '`3`'],
    ]);
  });

  it('descends into lists of objects, stops at a schema registered with an id, and says "any of" for a list of values', () => {
    const matcher = z
      .strictObject({ ids: z.optional(z.array(z.string())) })
      .register(z.globalRegistry, { id: 'test-matcher', description: 'See the rules.' });
    const schema = z.strictObject({
      rules: z
        ._default(z.array(z.strictObject({ match: matcher, names: z.array(z.enum(['p', 'q'])).check(about('Names.')) })), [])
        .check(about('The rules.')),
      retries: z.optional(z.number()).check(about('Retries | tries.')),
    });

    expect(rows(schema, 'top.')).toEqual([
      ['`top.rules`', 'The rules.', '`[]`'],
      ['`top.rules[].match`', 'See the rules.', 'required'],
      ['`top.rules[].names`', 'Names. Any of `p`, `q`.', 'required'],
      ['`top.retries`', 'Retries \\| tries.', 'none'],
    ]);
  });
});

/**
 * Property: for random views shaped like each template's view model (markup, `{{`, quotes,
 * unicode, empty strings, numbers, booleans, missing values, lists of any length), every
 * generated render function returns exactly what Handlebars returns for the same template.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_NAMES } from '../../../functions/core/render/compiled-templates.js';
import type { ShapeNode } from '../../../functions/core/render/view-shapes.js';
import { VIEW_SHAPES } from '../../../functions/core/render/view-shapes.js';
import { compiled } from './compiled.js';
import { reference, sources } from './handlebars-reference.js';

const NASTY = ['<', '>', '&', '"', "'", '`', '=', '{{', '}}', '{{{t.brand}}}', ' ', '\n', 'é', '日本', '\u202E', '😀', 'a', '0'];
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.constantFrom('', '0', 'false', '<b>x</b>', 'https://example.com/?a=1&b="2"'),
);
const leaf = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(0), fc.double(), fc.boolean()) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null) },
);

/** Random values for a shape; every field may also be missing. */
function viewOf(shape: ShapeNode, keys: readonly string[]): fc.Arbitrary<unknown> {
  if (shape === 'locale') return fc.record(Object.fromEntries(keys.map((key) => [key, text])), { noNullPrototype: true });
  if (typeof shape === 'string') return leaf;
  if (Array.isArray(shape)) return fc.array(viewOf((shape as readonly [ShapeNode])[0], keys), { maxLength: 4 });
  const fields = Object.entries(shape as Record<string, ShapeNode>);
  return fc.record(Object.fromEntries(fields.map(([key, node]) => [key, viewOf(node, keys)])), {
    noNullPrototype: true,
    requiredKeys: fields.filter(([key]) => key === 't').map(([key]) => key),
  });
}

const keys = Object.keys(sources.locales.en);
const cases = [
  ...TEMPLATE_NAMES.flatMap((name) => [
    { name: `${name}.mjml`, view: viewOf(VIEW_SHAPES[name], keys), ours: compiled.html[name], theirs: reference.html[name] },
    { name: `${name}.txt.hbs`, view: viewOf(VIEW_SHAPES[name], keys), ours: compiled.text[name], theirs: reference.text[name] },
  ]),
  { name: 'subject.hbs', view: viewOf(VIEW_SHAPES.subject, keys), ours: compiled.subject, theirs: reference.subject },
];

describe('generated render functions on random views', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s renders exactly as Handlebars', (_name, c) => {
    if (typeof c.ours !== 'function' || typeof c.theirs !== 'function') throw new Error('expected render functions');
    const [ours, theirs] = [c.ours, c.theirs];
    fc.assert(
      fc.property(c.view, (view) => {
        expect(ours(view as object)).toBe(theirs(view as object));
      }),
      { numRuns: 150 },
    );
  });
});

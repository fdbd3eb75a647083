import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { renderFunctionSource } from '../../../functions/build/codegen.js';
import { TemplateError } from '../../../functions/core/errors.js';
import type { RenderTemplate } from '../../../functions/core/render/compiled-templates.js';
import { TEMPLATE_HELPERS } from '../../../functions/core/render/template-runtime.js';
import { handlebarsTemplate } from '../render/handlebars-reference.js';

/** Compiles one template with the code generator, as the live path does. */
function generated(source: string, html: boolean): RenderTemplate {
  const code = renderFunctionSource('t.hbs', Handlebars.parse(source), { escape: html });
  return new Function(...Object.keys(TEMPLATE_HELPERS), `return ${code}`)(...Object.values(TEMPLATE_HELPERS)) as RenderTemplate;
}

const VIEWS: object[] = [
  {},
  { a: 0, b: '', c: [], d: false, list: [] },
  { a: 1, b: 'x<y>&"\'`=', c: [0], d: true, list: ['p', 'q', 'r'], o: { x: 'ox', list: [{ y: 1 }, { y: 2 }] } },
  { a: null, b: Number.NaN, list: [{ y: 'a', list: ['m', 'n'] }, { y: '' }], o: { x: 0 }, values: 'own', t: { k: 'K' } },
];

const TEMPLATES = [
  '{{#if a}}A{{else if b}}B{{else if c}}C{{else}}none{{/if}}',
  '{{#unless a}}not a{{else}}a={{a}}{{/unless}}',
  '{{#each list}}[{{@index}}/{{@key}}{{#if @first}} first{{/if}}{{#if @last}} last{{/if}}:{{this}}]{{else}}empty{{/each}}',
  '{{#each list}}{{#each list}}{{@../index}}.{{@index}}={{this}}/{{../y}}/{{../../b}} {{/each}}{{/each}}',
  '{{#with o}}{{x}}|{{../b}}|{{@root.b}}{{#each list}}{{y}}{{../x}}{{/each}}{{else}}no o{{/with}}',
  '{{#with a}}with {{this}}{{else}}without{{/with}}',
  'x  {{~#if a~}}  y  {{~/if~}}  z',
  'line\n{{#if a}}\n  inside\n{{/if}}\n{{! a comment }}\nend {{b}}\n',
  '{{a}} {{b}} {{c}} {{d}} {{c.length}} {{list.length}} {{values}} {{o.values}} {{b.length}} {{t.k}} {{this.a}} {{./b}}',
  '{{{b}}} {{&b}}',
];

describe('renderFunctionSource', () => {
  it.each(TEMPLATES.map((t) => [t]))('renders %j as Handlebars does, escaped and not', (source) => {
    for (const html of [true, false]) {
      const ours = generated(source, html);
      const theirs = handlebarsTemplate(source, !html);
      for (const view of VIEWS) expect(ours(view)).toBe(theirs(view));
    }
  });

  it('writes plain concatenation: no template engine in the output', () => {
    const code = renderFunctionSource('t.hbs', Handlebars.parse('Hi {{name}}{{#if x}}!{{/if}}'), { escape: true });
    expect(code).toBe('function(c0){let o="";o+="Hi "+e(c0?.name);if(t(c0?.x)){o+="!";}return o}');
  });

  it('reads a root field the template uses more than once a single time, at the start', () => {
    const code = renderFunctionSource('t.hbs', Handlebars.parse('{{t.a}}{{f.x}}{{#each f.list}}{{../t.b}}{{/each}}{{once}}'), {
      escape: true,
    });
    expect(code.startsWith('function(c0){const r0=c0?.t,r1=c0?.f;let o="";')).toBe(true);
    expect(code).toContain('e(c0?.once)');
    expect(code).not.toMatch(/c0\?\.(t|f)\?/);
  });

  it('refuses what the template check refuses, with the file and line', () => {
    const refuse = (source: string) => () => renderFunctionSource('t.hbs', Handlebars.parse(source), { escape: true });
    expect(refuse('a\n{{> partial}}')).toThrow(TemplateError);
    expect(refuse('{{lookup a "b"}}')).toThrow(/helpers are not available/);
    expect(refuse('{{#each a as |x|}}{{x}}{{/each}}')).toThrow(/block parameters/);
    expect(refuse('{{#custom a}}{{/custom}}')).toThrow(/unknown block helper/);
    const error = (() => {
      try {
        refuse('a\n{{> partial}}')();
      } catch (caught) {
        return caught as TemplateError;
      }
      return undefined;
    })();
    expect({ file: error?.file, line: error?.line }).toEqual({ file: 't.hbs', line: 2 });
  });
});

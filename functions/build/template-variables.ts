/**
 * The template variable reference, generated from the declared view shapes (which the compiler
 * checks against the view-model types). `npm run docs:templates` writes it into docs/templates.md between
 * the `template-variables` markers; a test keeps docs/templates.md in step.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { type ShapeNode, VIEW_SHAPES } from '../core/render/view-shapes.js';

export const START = '<!-- template-variables:start -->';
export const END = '<!-- template-variables:end -->';

const FILES: Record<keyof typeof VIEW_SHAPES, string> = {
  finding: '`finding.mjml`, `finding.txt.hbs`',
  digest: '`digest.mjml`, `digest.txt.hbs`',
  insight: '`insight.mjml`, `insight.txt.hbs`',
  summary: '`summary.mjml`, `summary.txt.hbs`',
  subject: '`subject.hbs`',
};

/** One markdown line per template family, listing every path it may use. */
export function templateVariablesMarkdown(): string {
  const lines = Object.entries(VIEW_SHAPES).map(([name, shape]) => {
    const paths = flatten(shape as ShapeNode, '').map((p) => `\`${p}\``);
    return `- ${FILES[name as keyof typeof VIEW_SHAPES]}: ${paths.join(', ')}`;
  });
  return [
    'Inside `{{#each list}}`, the fields of one element are used by name (`{{code}}`); `[]` marks a list.',
    '`url` fields are the only ones allowed in `href`; `t.*` are the labels of `templates/locales/<locale>.json`.',
    '',
    ...lines,
  ].join('\n');
}

function flatten(node: ShapeNode, prefix: string): string[] {
  if (node === 'locale') return [`${prefix}.*`];
  if (node === 'text') return [prefix];
  if (node === 'url') return [`${prefix} (url)`];
  if (Array.isArray(node)) {
    const [element] = node as readonly [ShapeNode];
    if (typeof element === 'string') return flatten(element, `${prefix}[]`);
    return [`${prefix}[] { ${flatten(element, '').join(', ')} }`];
  }
  return Object.entries(node).flatMap(([key, child]) => flatten(child as ShapeNode, prefix ? `${prefix}.${key}` : key));
}

/** Replaces the block between the markers in `file`. */
export async function writeTemplateVariables(file = 'docs/templates.md'): Promise<void> {
  const text = await readFile(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: markers ${START} ... ${END} not found`);
  await writeFile(file, `${text.slice(0, start + START.length)}\n${templateVariablesMarkdown()}\n${text.slice(end)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await writeTemplateVariables();

/**
 * The template variable reference, generated from the declared view shapes (which the compiler
 * checks against the view-model types). `npm run docs:templates` writes it into docs/templates.md between
 * the `template-variables` markers; a test keeps docs/templates.md in step.
 */
import { pathToFileURL } from 'node:url';
import { type ShapeNode, VIEW_SHAPES } from '../core/render/view-shapes.js';
import { writeBlock } from './doc-block.js';

/** The generated block's name in docs/templates.md. */
export const TEMPLATE_VARIABLES_BLOCK = 'template-variables';

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
  await writeBlock(file, TEMPLATE_VARIABLES_BLOCK, templateVariablesMarkdown());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await writeTemplateVariables();

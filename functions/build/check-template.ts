/**
 * Build-time check of one Handlebars template against the declared paths of its view model
 * (`VIEW_SHAPES`): every path must exist (inside `#each` blocks, relative to the item), no
 * helpers beyond if/unless/each/with, no partials, no unescaped output in HTML, and links only
 * from URL fields into quoted `href`/`src` attributes.
 */
import Handlebars from 'handlebars';
import { TemplateError } from '../core/errors.js';
import type { ShapeNode } from '../core/render/view-shapes.js';

type Node = hbs.AST.Node;
type Path = hbs.AST.PathExpression;

export interface TemplateUse {
  /** Locale keys used as `t.key`, with the line of their first use. */
  readonly localeKeys: ReadonlyMap<string, number>;
}

const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const EACH_DATA = new Set(['index', 'first', 'last', 'key']);
const URL_ATTRIBUTE = /\b(?:href|src|action|formaction|background)\s*=\s*["']$/i;
const UNQUOTED_ATTRIBUTE = /=\s*$/;

interface Scope {
  readonly node: ShapeNode;
  readonly inEach: boolean;
}

/** Parses `source` and checks it; throws `TemplateError(file, line, message)` at the first problem. */
export function checkTemplate(file: string, source: string, shape: ShapeNode, html: boolean): TemplateUse {
  const localeKeys = new Map<string, number>();
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const fail = (node: Node | undefined, message: string): never => {
    throw new TemplateError(file, node?.loc?.start.line, message);
  };

  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    const line = /line (\d+)/.exec(String((error as Error).message))?.[1];
    throw new TemplateError(file, line === undefined ? undefined : Number(line), firstLine(error), { cause: error });
  }

  function resolve(path: Path, scopes: readonly Scope[]): ShapeNode {
    if (path.data) {
      const [head, ...rest] = path.parts;
      if (head === 'root') return walk(path, scopes[0]?.node ?? fail(path, 'no root'), rest);
      if (head !== undefined && EACH_DATA.has(head) && rest.length === 0 && scopes.at(-1)?.inEach) return 'text';
      return fail(path, `unknown data variable @${path.parts.join('.')}`);
    }
    const scope = scopes[scopes.length - 1 - path.depth];
    if (!scope) return fail(path, `"${path.original}" goes above the top of the view`);
    return walk(path, scope.node, path.parts);
  }

  function walk(path: Path, start: ShapeNode, parts: readonly string[]): ShapeNode {
    let node = start;
    for (const [i, part] of parts.entries()) {
      if (node === 'locale') {
        if (i !== parts.length - 1) fail(path, `"${path.original}": locale labels are flat (t.key)`);
        if (!localeKeys.has(part)) localeKeys.set(part, path.loc.start.line);
        return 'text';
      }
      if (Array.isArray(node)) {
        if (part === 'length' && i === parts.length - 1) return 'text';
        return fail(path, `"${path.original}" is not in the view model (a list has only .length; use #each)`);
      }
      const next = typeof node === 'object' ? (node as Record<string, ShapeNode>)[part] : undefined;
      if (next === undefined || !Object.hasOwn(node as object, part)) return fail(path, `"${path.original}" is not in the view model`);
      node = next;
    }
    return node;
  }

  function offset(node: Node): number {
    return (lineStarts[node.loc.start.line - 1] ?? 0) + node.loc.start.column;
  }

  function checkOutput(statement: hbs.AST.MustacheStatement, node: ShapeNode): void {
    if (typeof node !== 'string' || node === 'locale') fail(statement, `"${(statement.path as Path).original}" is a group, not a value`);
    if (!html) return;
    const before = source.slice(Math.max(0, offset(statement) - 40), offset(statement));
    if (URL_ATTRIBUTE.test(before) && node !== 'url')
      fail(statement, `"${(statement.path as Path).original}" is not a URL field and cannot be a link`);
    if (UNQUOTED_ATTRIBUTE.test(before)) fail(statement, 'attribute values must be quoted');
  }

  function visitProgram(body: hbs.AST.Program | undefined, scopes: readonly Scope[]): void {
    for (const statement of body?.body ?? []) visit(statement, scopes);
  }

  function visit(statement: hbs.AST.Statement, scopes: readonly Scope[]): void {
    switch (statement.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = statement as hbs.AST.MustacheStatement;
        if (html && !m.escaped) fail(m, 'unescaped output ({{{...}}} or {{&...}}) is not allowed in HTML templates');
        if (m.path.type !== 'PathExpression' || m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0) {
          fail(m, 'helpers are not available in templates; use a field of the view model');
        }
        checkOutput(m, resolve(m.path as Path, scopes));
        return;
      }
      case 'BlockStatement': {
        const b = statement as hbs.AST.BlockStatement;
        const name = (b.path as Path).original;
        if (b.path.type !== 'PathExpression' || !BLOCK_HELPERS.has(name))
          fail(b, `unknown block helper "${name}" (use #if, #unless, #each, #with)`);
        if (b.params.length !== 1 || b.params[0]?.type !== 'PathExpression' || (b.hash?.pairs.length ?? 0) > 0) {
          fail(b, `#${name} takes exactly one field of the view model`);
        }
        if ((b.program.blockParams?.length ?? 0) > 0) fail(b, 'block parameters (as |x|) are not supported');
        const target = resolve(b.params[0] as Path, scopes);
        let inner = scopes;
        if (name === 'each') {
          if (!Array.isArray(target)) fail(b, `#each needs a list; "${(b.params[0] as Path).original}" is not one`);
          inner = [...scopes, { node: (target as readonly [ShapeNode])[0], inEach: true }];
        } else if (name === 'with') {
          if (typeof target !== 'object' || Array.isArray(target)) fail(b, '#with needs a group of fields');
          inner = [...scopes, { node: target, inEach: false }];
        }
        visitProgram(b.program, inner);
        visitProgram(b.inverse, scopes);
        return;
      }
      default:
        fail(statement, `${statement.type} is not supported in templates (no partials or decorators)`);
    }
  }

  visitProgram(program, [{ node: shape, inEach: false }]);
  return { localeKeys };
}

function firstLine(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').filter((l) => l.trim() !== '');
  return `Handlebars: ${lines.at(-1) ?? 'cannot parse'}`;
}

/**
 * The template compiler: a parsed Handlebars template (`Handlebars.parse`, which already applies
 * whitespace control and standalone-line stripping) -> the source of a plain JavaScript function
 * `(view) => string` that concatenates strings. It covers what `check-template.ts` allows: paths
 * (`this`, `../`, `@index`/`@first`/`@last`/`@key`/`@root`), `#if`/`#unless` with `{{else}}` and
 * `{{else if}}` chains, `#each` over lists and `#with`, each with `{{else}}`.
 *
 * Semantics follow the Handlebars 4.7 runtime for views of plain data: a missing value prints
 * nothing, `#if` treats false, 0, '', null, undefined and [] as false, `{{x}}` is HTML-escaped
 * in HTML templates and printed as is in text ones. Known differences, none reachable with a view
 * model: `#each` over a non-list renders `{{else}}` (Handlebars iterates an object's keys), a
 * function value is printed rather than called, and `../` always names the enclosing block's
 * context (Handlebars skips a level when an item is the very same value as its parent context).
 */
import { TemplateError } from '../core/errors.js';
import { BREAKABLE_HELPER } from './break-long-tokens.js';

type Program = hbs.AST.Program;
type Path = hbs.AST.PathExpression;

export interface CodegenOptions {
  /** HTML-escape `{{x}}` (HTML templates); text templates print values as they are. */
  readonly escape: boolean;
  /** The expression for a run of literal text; by default a JSON string. */
  readonly literal?: (text: string) => string;
}

/** Keys a plain value inherits (besides `length`): read as own properties only, like Handlebars. */
const INHERITED = new Set(
  [Object.prototype, String.prototype, Array.prototype, Number.prototype, Boolean.prototype]
    .flatMap((proto) => Object.getOwnPropertyNames(proto))
    .filter((name) => name !== 'length'),
);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Marks a read of a root field (`c0?.key`) until the function is complete; JSON literals never hold a NUL. */
const ROOT_READ = /\0([A-Za-z_$][\w$]*)\0/g;

interface Frame {
  /** Loop counter and list variable of an `#each`; absent for the template's root frame. */
  readonly index?: string;
  readonly list?: string;
}

interface Scope {
  /** Variables holding the context of each enclosing `#each`/`#with`, outermost first. */
  readonly contexts: readonly string[];
  /** Data frames (`@index` ...): the root, then one per enclosing `#each`. */
  readonly frames: readonly Frame[];
}

/**
 * Compiles a parsed template to the source of `function (c0) { ... }`.
 *
 * The source calls the helpers of `TEMPLATE_HELPERS` by their keys (`e`, `b`, `s`, `t`, `w`, `p`, `l`).
 *
 * @example renderFunctionSource('x.hbs', Handlebars.parse('Hi {{name}}'), { escape: true }) // 'function(c0){let o="";o+="Hi "+e(c0?.name);return o}'
 * @throws TemplateError for constructs outside the checked subset (partials, helpers, literals).
 */
export function renderFunctionSource(file: string, program: Program, options: CodegenOptions): string {
  const literal = options.literal ?? ((text: string) => JSON.stringify(text));
  let counter = 0;
  let code = '';
  let pending: string[] = [];
  let text = '';

  function fail(node: hbs.AST.Node, message: string): never {
    throw new TemplateError(file, node.loc?.start.line, message);
  }
  const flushText = () => {
    if (text !== '') pending.push(literal(text));
    text = '';
  };
  const flush = () => {
    flushText();
    if (pending.length > 0) code += `o+=${pending.join('+')};`;
    pending = [];
  };
  const statement = (source: string) => {
    flush();
    code += source;
  };

  function property(base: string, part: string): string {
    if (INHERITED.has(part)) return `p(${base},${JSON.stringify(part)})`;
    return IDENTIFIER.test(part) ? `${base}?.${part}` : `${base}?.[${JSON.stringify(part)}]`;
  }

  function dataBase(path: Path, scope: Scope): string {
    const frame = scope.frames[scope.frames.length - 1 - path.depth];
    const head = path.parts[0];
    if (frame === undefined) return 'undefined';
    if (head === 'root') return scope.contexts[0] ?? 'undefined';
    if (frame.index === undefined || frame.list === undefined) return 'undefined';
    if (head === 'index' || head === 'key') return frame.index;
    if (head === 'first') return `(${frame.index}===0)`;
    if (head === 'last') return `(${frame.index}===${frame.list}.length-1)`;
    return 'undefined';
  }

  function value(node: hbs.AST.Expression, scope: Scope): string {
    if (node.type !== 'PathExpression') return fail(node, `${node.type} is not supported in templates; use a field of the view model`);
    const path = node as Path;
    if (path.data) return path.parts.slice(1).reduce(property, dataBase(path, scope));
    const index = scope.contexts.length - 1 - path.depth;
    const [head, ...rest] = path.parts;
    // A root field is read once per render when the template reads it more than once (see `hoistRootReads`).
    if (index === 0 && head !== undefined && IDENTIFIER.test(head) && !INHERITED.has(head)) return rest.reduce(property, `\0${head}\0`);
    return path.parts.reduce(property, scope.contexts[index] ?? 'undefined');
  }

  function body(node: Program | undefined, scope: Scope): void {
    for (const item of node?.body ?? []) visit(item, scope);
  }

  function branches(condition: string, then: () => void, otherwise: () => void): void {
    statement(`if(${condition}){`);
    then();
    flush();
    const before = code;
    statement('}else{');
    const mark = code;
    otherwise();
    flush();
    // No else branch when it renders nothing.
    if (code === mark) code = `${before}}`;
    else code += '}';
  }

  function block(node: hbs.AST.BlockStatement, scope: Scope): void {
    const helper = node.path.type === 'PathExpression' ? (node.path as Path).original : '';
    const [param] = node.params;
    if (node.params.length !== 1 || param === undefined || (node.hash?.pairs.length ?? 0) > 0)
      fail(node, `#${helper} takes exactly one field of the view model`);
    if ((node.program?.blockParams?.length ?? 0) > 0) fail(node, 'block parameters (as |x|) are not supported');
    const target = value(param, scope);
    const inverse = () => body(node.inverse, scope);
    if (helper === 'if' || helper === 'unless') {
      branches(`${helper === 'if' ? '' : '!'}t(${target})`, () => body(node.program, scope), inverse);
      return;
    }
    const n = ++counter;
    if (helper === 'with') {
      statement(`{const c${n}=${target};`);
      const inner = { contexts: [...scope.contexts, `c${n}`], frames: scope.frames };
      branches(`w(c${n})`, () => body(node.program, inner), inverse);
      statement('}');
      return;
    }
    if (helper === 'each') {
      const [list, index, item] = [`a${n}`, `i${n}`, `c${n}`];
      const inner = { contexts: [...scope.contexts, item], frames: [...scope.frames, { index, list }] };
      statement(`{const ${list}=l(${target});`);
      branches(
        `${list}.length>0`,
        () => {
          statement(
            `for(let ${index}=0;${index}<${list}.length;${index}++){if(!(${index} in ${list}))continue;const ${item}=${list}[${index}];`,
          );
          body(node.program, inner);
          statement('}');
        },
        inverse,
      );
      statement('}');
      return;
    }
    fail(node, `unknown block helper "${helper}" (use #if, #unless, #each, #with)`);
  }

  function visit(node: hbs.AST.Statement, scope: Scope): void {
    switch (node.type) {
      case 'ContentStatement':
        text += (node as hbs.AST.ContentStatement).value;
        return;
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        // `{{wbr x}}` is written by the build only (break-long-tokens.ts), never by a template.
        const [param] = m.params;
        if (isBreakable(m) && param !== undefined && options.escape && m.escaped) {
          flushText();
          pending.push(`b(${value(param, scope)})`);
          return;
        }
        if (m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0) fail(m, 'helpers are not available in templates');
        flushText();
        pending.push(`${options.escape && m.escaped ? 'e' : 's'}(${value(m.path, scope)})`);
        return;
      }
      case 'BlockStatement':
        block(node as hbs.AST.BlockStatement, scope);
        return;
      default:
        fail(node, `${node.type} is not supported in templates (no partials or decorators)`);
    }
  }

  body(program, { contexts: ['c0'], frames: [{}] });
  flush();
  return hoistRootReads(code);
}

function isBreakable(m: hbs.AST.MustacheStatement): boolean {
  return (
    m.path.type === 'PathExpression' &&
    (m.path as Path).original === BREAKABLE_HELPER &&
    m.params.length === 1 &&
    m.params[0]?.type === 'PathExpression' &&
    (m.hash?.pairs.length ?? 0) === 0
  );
}

/**
 * The function around `code`. A root field the template reads twice or more (`t`, `finding`, ...)
 * becomes one `const` read at the start (`r0=c0?.t`, then `r0?.lang`): the view is plain data
 * that nothing changes while it renders, so reading it once is the same as reading it each time,
 * and the module is smaller.
 */
function hoistRootReads(code: string): string {
  const uses = new Map<string, number>();
  for (const [, key = ''] of code.matchAll(ROOT_READ)) uses.set(key, (uses.get(key) ?? 0) + 1);
  const names = new Map([...uses].filter(([, count]) => count > 1).map(([key], i) => [key, `r${i}`]));
  const declarations = [...names].map(([key, name]) => `${name}=c0?.${key}`);
  const body = code.replace(ROOT_READ, (_, key: string) => names.get(key) ?? `c0?.${key}`);
  return `function(c0){${declarations.length > 0 ? `const ${declarations.join(',')};` : ''}let o="";${body}return o}`;
}

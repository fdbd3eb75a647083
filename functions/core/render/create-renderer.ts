/**
 * The runtime renderer: precompiled Handlebars templates filled with a view model. Uses only
 * `handlebars/runtime` (no compiler, no MJML), so the Lambda bundle stays small.
 */
import handlebarsRuntime from 'handlebars/runtime.js';
import { TemplateError } from '../errors.js';
import type { CompiledTemplates, TemplateName, TemplateSpec } from './compiled-templates.js';
import { digestView } from './digest-view.js';
import type { Email, Notification } from './email.js';
import { findingView } from './finding-view.js';
import { emailHeaders } from './headers.js';
import { insightView } from './insight-view.js';
import type { Renderer, RenderOptions } from './renderer.js';
import { sanitizeSubject } from './subject.js';
import { subjectView } from './subject-view.js';

type Render = (view: object) => string;

/** The part of `handlebars/runtime` used here (its bundled typings declare no members). */
interface HandlebarsRuntime {
  create(): HandlebarsRuntime;
  template(spec: object): (context: object, options?: object) => string;
}
const Handlebars = handlebarsRuntime as unknown as HandlebarsRuntime;

/** Data-only runtime options: no prototype access, no helpers beyond Handlebars' built-ins. */
const RUNTIME = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

function load(env: HandlebarsRuntime, name: string, spec: TemplateSpec): Render {
  try {
    // Specs from `compileTemplates` are source text (preview, tests); the generated module holds objects.
    const object = typeof spec === 'string' ? new Function(`return (${spec});`)() : spec;
    const template = env.template(object);
    return (view) => template(view, RUNTIME);
  } catch (error) {
    throw new TemplateError(name, undefined, 'cannot load the precompiled template', { cause: error });
  }
}

function view(notification: Notification, t: Readonly<Record<string, string>>, options: RenderOptions): object {
  if (notification.kind === 'finding') return findingView(notification.finding, notification.trigger, t, options);
  if (notification.kind === 'digest') return digestView(notification.findings, notification.trigger, t, options);
  return insightView(notification.insight, t);
}

/**
 * Builds a renderer from compiled templates (once per cold start).
 *
 * @example
 * const email = createRenderer(templates).render({ kind: 'finding', finding, trigger }, { locale: 'ja', timeZone: 'Asia/Tokyo' });
 */
export function createRenderer(templates: CompiledTemplates): Renderer {
  const env = Handlebars.create();
  const bodies = (specs: CompiledTemplates['html'], kind: string) =>
    Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, load(env, `${name}.${kind}`, spec)])) as Record<
      TemplateName,
      Render
    >;
  const html = bodies(templates.html, 'mjml');
  const text = bodies(templates.text, 'txt.hbs');
  const subject = load(env, 'subject.hbs', templates.subject);
  return {
    render(notification: Notification, options: RenderOptions): Email {
      const t = templates.locales[options.locale];
      const model = view(notification, t, options);
      return {
        subject: sanitizeSubject(subject(subjectView(notification, t))),
        html: html[notification.kind](model),
        text: `${text[notification.kind](model).trim()}\n`,
        headers: emailHeaders(notification),
        notification,
      };
    },
  };
}

/**
 * The runtime renderer: compiled templates (plain JavaScript render functions, see
 * `functions/build/codegen.ts`) filled with a view model. No template engine, no MJML.
 */
import { TemplateError } from '../errors.js';
import type { CompiledTemplates, RenderTemplate, TemplateName, TemplateSpec } from './compiled-templates.js';
import { digestView } from './digest-view.js';
import type { Email, Notification } from './email.js';
import { findingView } from './finding-view.js';
import { emailHeaders } from './headers.js';
import { insightView } from './insight-view.js';
import type { Renderer, RenderOptions } from './renderer.js';
import { sanitizeSubject } from './subject.js';
import { subjectView } from './subject-view.js';
import { TEMPLATE_HELPERS } from './template-runtime.js';

/** A render function as is; source text (a self-contained `function(c0){...}`) evaluated with the runtime helpers. */
function load(name: string, spec: TemplateSpec): RenderTemplate {
  if (typeof spec === 'function') return spec;
  let render: unknown;
  try {
    render = new Function(...Object.keys(TEMPLATE_HELPERS), `"use strict";return (${spec});`)(...Object.values(TEMPLATE_HELPERS));
  } catch (error) {
    throw new TemplateError(name, undefined, 'cannot load the compiled template', { cause: error });
  }
  if (typeof render !== 'function')
    throw new TemplateError(name, undefined, 'not a render function (compile templates with functions/build)');
  return render as RenderTemplate;
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
  const bodies = (specs: CompiledTemplates['html'], kind: string) =>
    Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, load(`${name}.${kind}`, spec)])) as Record<
      TemplateName,
      RenderTemplate
    >;
  const html = bodies(templates.html, 'mjml');
  const text = bodies(templates.text, 'txt.hbs');
  const subject = load('subject.hbs', templates.subject);
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

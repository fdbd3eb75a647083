/**
 * The runtime renderer: compiled templates (plain JavaScript render functions, see
 * `functions/build/codegen.ts`) filled with a view model. No template engine, no MJML.
 */

import type { Notification } from '../policy/notification.js';
import { summaryView } from '../summary/summary-view.js';
import type { CompiledTemplates } from './compiled-templates.js';
import { digestView } from './digest-view.js';
import type { Email } from './email.js';
import { findingView } from './finding-view.js';
import { emailHeaders } from './headers.js';
import { insightView } from './insight-view.js';
import type { Renderer, RenderOptions } from './renderer.js';
import { sanitizeSubject } from './subject.js';
import { subjectView } from './subject-view.js';

function view(notification: Notification, t: Readonly<Record<string, string>>, options: RenderOptions): object {
  if (notification.kind === 'finding') return findingView(notification.finding, notification.trigger, t, options);
  if (notification.kind === 'digest') return digestView(notification.findings, notification.trigger, t, options);
  if (notification.kind === 'summary') return summaryView(notification.summary, t, options);
  return insightView(notification.insight, t);
}

/**
 * Builds a renderer from compiled templates (once per cold start).
 *
 * @example
 * const email = createRenderer(templates).render({ kind: 'finding', finding, trigger }, { locale: 'ja', timeZone: 'Asia/Tokyo' });
 */
export function createRenderer(templates: CompiledTemplates): Renderer {
  const { html, text, subject } = templates;
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

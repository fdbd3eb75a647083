/**
 * The runtime renderer: compiled templates (plain JavaScript render functions, see
 * `functions/build/codegen.ts`) filled with a view model. No template engine, no MJML. A renderer
 * holds the templates and view builders of the kinds it renders and nothing else, so the alert
 * Lambda's bundle carries no summary code (see `prebuilt-alert.ts`).
 */

import type { Notification } from '../policy/notification.js';
import type { CompiledTemplates, LocaleStrings, TemplateName } from './compiled-templates.js';
import type { Email } from './email.js';
import { emailHeaders } from './headers.js';
import type { Renderer, RenderOptions } from './renderer.js';
import { sanitizeSubject } from './subject.js';
import { subjectView } from './subject-view.js';

/** Builds the view model of one notification kind's templates. */
export type ViewBuilder<K extends TemplateName> = (
  notification: Extract<Notification, { readonly kind: K }>,
  t: LocaleStrings,
  options: RenderOptions,
) => object;

/** A view builder per kind. */
export type ViewBuilders<K extends TemplateName> = { readonly [Kind in K]: ViewBuilder<Kind> };

/**
 * Builds a renderer of the kinds `K` from their compiled templates and view builders (once per cold start).
 *
 * @example
 * const email = familyRenderer(templates, ALERT_VIEWS).render({ kind: 'finding', finding, trigger }, { locale: 'ja', timeZone: 'Asia/Tokyo' });
 * @throws Error from `render` for a notification kind outside `K` (a wiring bug, not bad input).
 */
export function familyRenderer<K extends TemplateName>(templates: CompiledTemplates<K>, views: ViewBuilders<K>): Renderer {
  const { html, text, subject } = templates;
  return {
    render(notification: Notification, options: RenderOptions): Email {
      const kind = notification.kind as K;
      if (!Object.hasOwn(views, kind)) throw new Error(`this renderer has no ${notification.kind} template`);
      const t = templates.locales[options.locale];
      const model = (views[kind] as ViewBuilder<K>)(notification as Extract<Notification, { kind: K }>, t, options);
      return {
        subject: sanitizeSubject(subject(subjectView(notification, t))),
        html: html[kind](model),
        text: `${text[kind](model).trim()}\n`,
        headers: emailHeaders(notification),
        notification,
      };
    },
  };
}

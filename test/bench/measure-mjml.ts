/**
 * The naive way, for comparison: compile the email's MJML template with mjml for every email
 * (as a notifier without a template build step does), then Handlebars, then fill it. Uses the
 * same MJML options, Handlebars options and view model as the build, so it produces the same
 * email: checked byte for byte against the precompiled renderer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import mjml2html from 'mjml';
import { compileTemplates } from '../../functions/build/compile-templates.js';
import type { CompiledTemplates } from '../../functions/core/render/compiled-templates.js';
import { createRenderer } from '../../functions/core/render/create-renderer.js';
import type { Notification } from '../../functions/core/render/email.js';
import { timeUsAsync } from './clock.js';
import type { FixtureNotification } from './notifications.js';
import { TEMPLATES_DIR } from './paths.js';
import { type Summary, summarize } from './stats.js';

/** As in functions/build/compile-templates.ts. */
const PRECOMPILE = { knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true, with: true } };
const OPTIONS = { locale: 'en', timeZone: 'UTC' } as const;

export interface MjmlResult {
  readonly us: Summary;
  /** Every naive email equal (subject, HTML, text) to the precompiled renderer's. */
  readonly sameEmail: boolean;
}

async function renderNaively(compiled: CompiledTemplates, notification: Notification): Promise<string> {
  const file = path.join(TEMPLATES_DIR, `${notification.kind}.mjml`);
  const { html } = await mjml2html(readFileSync(file, 'utf8'), {
    validationLevel: 'strict',
    filePath: file,
    ignoreIncludes: false,
    keepComments: false,
  });
  const spec = String(Handlebars.precompile(html, PRECOMPILE));
  const renderer = createRenderer({ ...compiled, html: { ...compiled.html, [notification.kind]: spec } });
  const email = renderer.render(notification, OPTIONS);
  return `${email.subject}\n${email.html}\n${email.text}`;
}

/** Renders every notification the naive way `rounds` times (after one untimed warm-up pass) and times each email. */
export async function measureMjml(notifications: readonly FixtureNotification[], rounds: number): Promise<MjmlResult> {
  const compiled = await compileTemplates(TEMPLATES_DIR);
  const reference = createRenderer(compiled);
  let sameEmail = true;
  for (const { notification } of notifications) {
    const expected = reference.render(notification, OPTIONS);
    const naive = await renderNaively(compiled, notification);
    if (naive !== `${expected.subject}\n${expected.html}\n${expected.text}`) sameEmail = false;
  }
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { notification } of notifications) samples.push(await timeUsAsync(() => renderNaively(compiled, notification)));
  }
  return { us: summarize(samples), sameEmail };
}

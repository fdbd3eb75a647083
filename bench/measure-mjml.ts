/**
 * The naive way, for comparison: compile the email's MJML template with mjml for every email
 * (as a notifier without a template build step does), then Handlebars, then fill it. Uses the
 * build's own MJML step (`compileMjml`) and the same view model, so it produces the same
 * email: checked byte for byte against the precompiled renderer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { compileMjml, compileTemplates } from '../functions/build/compile-templates.js';
import type { Notification } from '../functions/core/policy/notification.js';
import type { CompiledTemplates } from '../functions/core/render/compiled-templates.js';
import { createRenderer } from '../functions/core/render/create-renderer.js';
import { runChild } from './child.js';
import { stopwatch, timeAsync } from './clock.js';
import { WARM_UP_MS } from './measure-render.js';
import type { FixtureNotification } from './notifications.js';
import { TEMPLATES_DIR } from './paths.js';
import { type Summary, summarize } from './stats.js';

/** Handlebars with the built-in helpers only, as the template check allows. */
const PRECOMPILE = { knownHelpersOnly: true, knownHelpers: { if: true, unless: true, each: true, with: true } };
const OPTIONS = { locale: 'en', timeZone: 'UTC' } as const;

export interface MjmlResult {
  /** CPU microseconds per email, one sample per email rendered. */
  readonly cpuUs: Summary;
  readonly wallUs: Summary;
  /** Every naive email equal (subject, HTML, text) to the precompiled renderer's. */
  readonly sameEmail: boolean;
}

async function renderNaively(compiled: CompiledTemplates, notification: Notification): Promise<string> {
  const file = path.join(TEMPLATES_DIR, `${notification.kind}.mjml`);
  // The build's own MJML step (same options, indentation removal and minifying), run for every email.
  const html = await compileMjml(file, readFileSync(file, 'utf8'));
  // The naive way fills the freshly compiled HTML with Handlebars itself.
  const template = Handlebars.compile(html, PRECOMPILE);
  const fill = (view: object) => template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  const renderer = createRenderer({ ...compiled, html: { ...compiled.html, [notification.kind]: fill } });
  const email = renderer.render(notification, OPTIONS);
  return `${email.subject}\n${email.html}\n${email.text}`;
}

/**
 * Times the naive path in a fresh process (mjml-child.ts), for the same reason and in the same
 * way as the precompiled render (measure-render.ts): each side's CPU time then counts the GC of
 * its own heap only.
 */
export function measureMjml(rounds: number): Promise<MjmlResult> {
  return runChild<MjmlResult>('mjml-child.ts', [String(rounds)]);
}

/**
 * Renders every notification the naive way `rounds` times and times each email, after the same
 * untimed warm-up as the precompiled render (every email, for at least `WARM_UP_MS`). The first
 * round also compares each naive email with the precompiled renderer's, outside the timed part.
 */
export async function timeMjml(notifications: readonly FixtureNotification[], rounds: number): Promise<MjmlResult> {
  const compiled = await compileTemplates(TEMPLATES_DIR);
  const reference = createRenderer(compiled);
  const warm = stopwatch();
  do for (const { notification } of notifications) await renderNaively(compiled, notification);
  while (warm().wallUs < WARM_UP_MS * 1e3);
  let sameEmail = true;
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { notification } of notifications) {
      let naive = '';
      const elapsed = await timeAsync(async () => {
        naive = await renderNaively(compiled, notification);
      });
      cpu.push(elapsed.cpuUs);
      wall.push(elapsed.wallUs);
      if (round === 0) {
        const expected = reference.render(notification, OPTIONS);
        if (naive !== `${expected.subject}\n${expected.html}\n${expected.text}`) sameEmail = false;
      }
    }
  }
  return { cpuUs: summarize(cpu), wallUs: summarize(wall), sameEmail };
}

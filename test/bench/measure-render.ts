/** Time to render one email (HTML, text, subject) from the model with the precompiled templates. */
import type { Renderer } from '../../functions/core/render/renderer.js';
import { timeUs } from './clock.js';
import type { FixtureNotification } from './notifications.js';
import { type Summary, summarize } from './stats.js';

export interface RenderResult {
  readonly emails: number;
  readonly us: Summary;
  readonly htmlBytes: Summary;
  readonly textBytes: Summary;
  readonly subjectChars: Summary;
}

/**
 * Renders each notification `rounds` times after a warm-up and times every call on its own,
 * so p99 shows the slowest fixtures (and GC pauses), not an average.
 */
export function measureRender(renderer: Renderer, notifications: readonly FixtureNotification[], rounds: number): RenderResult {
  const options = { locale: 'en', timeZone: 'UTC' } as const;
  const samples: number[] = [];
  const html: number[] = [];
  const text: number[] = [];
  const subject: number[] = [];
  for (const { notification } of notifications) {
    const email = renderer.render(notification, options);
    html.push(Buffer.byteLength(email.html));
    text.push(Buffer.byteLength(email.text));
    subject.push(Array.from(email.subject).length);
  }
  for (let i = 0; i < Math.min(rounds, 50); i++) for (const { notification } of notifications) renderer.render(notification, options);
  for (let round = 0; round < rounds; round++) {
    for (const { notification } of notifications) samples.push(timeUs(() => renderer.render(notification, options)));
  }
  return {
    emails: notifications.length,
    us: summarize(samples),
    htmlBytes: summarize(html),
    textBytes: summarize(text),
    subjectChars: summarize(subject),
  };
}

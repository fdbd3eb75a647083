/** Time to render one email (HTML, text, subject) from the model with the precompiled templates. */
import type { Renderer } from '../functions/core/render/renderer.js';
import { runChild } from './child.js';
import { stopwatch } from './clock.js';
import type { FixtureNotification } from './notifications.js';
import { type Summary, summarize } from './stats.js';

/** How long each side (this render, and MJML in measure-mjml.ts) runs untimed before it is timed. */
export const WARM_UP_MS = 1_000;

export interface RenderResult {
  readonly emails: number;
  /** CPU microseconds per render, one sample per fixture email (the mean of `rounds` renders). */
  readonly cpuUs: Summary;
  /** The same in wall time. */
  readonly wallUs: Summary;
  readonly htmlBytes: Summary;
  readonly textBytes: Summary;
  readonly subjectChars: Summary;
}

/**
 * Times the render in a fresh process (render-child.ts) that holds only the renderer and the
 * fixtures' notifications, as a Lambda would. In the benchmark's own process, V8's concurrent GC
 * threads also mark MJML, Handlebars and esbuild while the render runs, and process CPU time
 * charges that to the render. The naive MJML path is timed the same way (measure-mjml.ts).
 */
export function measureRender(rounds: number): Promise<RenderResult> {
  return runChild<RenderResult>('render-child.ts', [String(rounds)]);
}

/**
 * Renders each fixture's email `rounds` times in a row and takes the mean per email: p50 is the
 * typical fixture, p99 the slowest ones. Timing a block rather than single calls keeps clock
 * resolution and preemption out of microsecond numbers. It first renders every email for
 * `WARM_UP_MS`: until V8 has compiled the hot code, its compiler threads' CPU time would count.
 */
export function timeRenders(renderer: Renderer, notifications: readonly FixtureNotification[], rounds: number): RenderResult {
  const options = { locale: 'en', timeZone: 'UTC' } as const;
  const cpu: number[] = [];
  const wall: number[] = [];
  const html: number[] = [];
  const text: number[] = [];
  const subject: number[] = [];
  for (const { notification } of notifications) {
    const email = renderer.render(notification, options);
    html.push(Buffer.byteLength(email.html));
    text.push(Buffer.byteLength(email.text));
    subject.push(Array.from(email.subject).length);
  }
  const warm = stopwatch();
  while (warm().wallUs < WARM_UP_MS * 1e3) for (const { notification } of notifications) renderer.render(notification, options);
  for (const { notification } of notifications) {
    const stop = stopwatch();
    for (let round = 0; round < rounds; round++) renderer.render(notification, options);
    const elapsed = stop();
    cpu.push(elapsed.cpuUs / rounds);
    wall.push(elapsed.wallUs / rounds);
  }
  return {
    emails: notifications.length,
    cpuUs: summarize(cpu),
    wallUs: summarize(wall),
    htmlBytes: summarize(html),
    textBytes: summarize(text),
    subjectChars: summarize(subject),
  };
}

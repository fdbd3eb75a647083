/** The emails of one fixture file, rendered through the whole pipeline, parsed for the facts tests. */
import * as cheerio from 'cheerio';
import type { RenderOptions } from '../../../functions/core/render/renderer.js';
import { asciiSubject } from '../../../functions/core/render/subject.js';
import { ALL_NOTIFICATIONS } from './all-notifications.js';
import { EN, renderer } from './compiled.js';

export interface FixtureEmail {
  readonly $: cheerio.CheerioAPI;
  readonly html: string;
  readonly text: string;
  readonly subject: string;
  /** The SNS subject (ASCII, at most 100 characters). */
  readonly snsSubject: string;
}

/** Every email the pipeline makes from `fixture` (a path from the repository root), in `options`' locale. */
export function emailsOf(fixture: string, options: RenderOptions = EN): FixtureEmail[] {
  const found = ALL_NOTIFICATIONS.filter((n) => n.name === fixture);
  if (found.length === 0) throw new Error(`no email from ${fixture}`);
  return found.map(({ notification }) => {
    const email = renderer.render(notification, options);
    return { $: cheerio.load(email.html), html: email.html, text: email.text, subject: email.subject, snsSubject: asciiSubject(email) };
  });
}

/** The one email of `fixture`. */
export function emailOf(fixture: string, options: RenderOptions = EN): FixtureEmail {
  const [first, ...others] = emailsOf(fixture, options);
  if (first === undefined || others.length > 0) throw new Error(`expected one email from ${fixture}, got ${others.length + 1}`);
  return first;
}

/** The text of the facts-table value next to `label` (first table with that label). */
export function fact($: cheerio.CheerioAPI, label: string): string {
  return $('td.fact-label')
    .filter((_, el) => $(el).text().trim() === label)
    .first()
    .next()
    .text()
    .trim();
}

/** The text of the section under the `h2` titled `heading`, or '' when there is none. */
export function section($: cheerio.CheerioAPI, heading: string): string {
  const h2 = $('h2').filter((_, el) => $(el).text().trim() === heading);
  return h2.length === 0 ? '' : h2.first().parent().text().replace(/\s+/g, ' ').trim();
}

/** The lines of the text body's `== heading ==` section, up to the next one. */
export function textSection(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`== ${heading} ==`);
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && /^== .+ ==$/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line.trim() !== '');
}

/**
 * The injection fixtures (fixtures/hostile/, and edge/markup-in-every-text-field-event.json):
 * each becomes an email that passes every safety check in both locales, and each shows the one
 * thing it is about.
 */
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { sesSendInputs } from '../../functions/adapters/ses-transport.js';
import { parseConfig } from '../../functions/core/config.js';
import { createPipeline } from '../../functions/core/pipeline/pipeline.js';
import type { Email } from '../../functions/core/render/email.js';
import { renderer } from '../../functions/core/render/prebuilt.js';
import { listFixtures, readFixture } from '../support/fixtures.js';
import { expectSafeEmail, LOCALES } from './email-safety.js';

const HOSTILE = [...listFixtures('hostile'), ...listFixtures('edge').filter((f) => f.name.includes('markup'))];

function emailsOf(name: string, locale: (typeof LOCALES)[number]['locale'] = 'en'): Email[] {
  const pipeline = createPipeline(parseConfig({ locale }), renderer);
  const outcomes = pipeline.plan(readFixture(name), name);
  expect(outcomes.map((o) => o.kind)).toEqual(outcomes.map(() => 'email'));
  return outcomes.flatMap((o) => (o.kind === 'email' ? [o.email] : []));
}

function only(name: string): Email {
  const [email, ...rest] = emailsOf(name);
  expect(rest).toHaveLength(0);
  if (!email) throw new Error(`${name}: no email`);
  return email;
}

/** Every href in the HTML, in document order. */
function hrefs(html: string): string[] {
  const $ = cheerio.load(html);
  return $('[href]')
    .map((_, el) => $(el).attr('href') ?? '')
    .get();
}

describe('injection fixtures', () => {
  it('has the fixtures', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(7);
  });

  describe.each(HOSTILE.map((f) => [f.name]))('%s', (name) => {
    it.each(LOCALES.map((o) => [o.locale]))('renders a safe email in %s', (locale) => {
      const emails = emailsOf(name, locale);
      expect(emails.length).toBeGreaterThan(0);
      for (const email of emails) expectSafeEmail(email);
    });
  });

  it('strips bidi overrides, isolates, zero-width and control characters, keeping the visible text', () => {
    const email = only('fixtures/hostile/bidi-zero-width-control-characters-event.json');
    expect(email.subject).toContain('Invoicegnp.exe');
    expect(email.subject).toContain('zerowidth');
    const $ = cheerio.load(email.html);
    expect($('h1').text()).toContain('Invoicegnp.exe RLI zerowidth join bom');
    expect(email.text).toContain('Approve SUOICILAM now.');
    expect(email.text).toContain('arn:aws:s3:::bucketname');
  });

  it('keeps very long words inside the layout: break opportunities in every long word, shortened values, a visible note, bounded size', () => {
    const email = only('fixtures/hostile/long-unbroken-words-event.json');
    const $ = cheerio.load(email.html);
    for (const [what, sample] of [
      ['title', 'AAAAAAAAAA'],
      ['description', 'BBBBBBBBBB'],
      ['resource id', 'cccccccccc'],
      ['remediation', 'DDDDDDDDDD'],
    ] as const) {
      // The word is all there for the reader (a <wbr> adds no text) ...
      expect($('body').text().includes(sample.repeat(3)), what).toBe(true);
    }
    // ... and no text of the body runs longer than a break-free piece: mail clients that ignore
    // overflow-wrap and word-break (Gmail, Outlook, Yahoo) can wrap it at a <wbr>.
    expect(longestUnbrokenRun($('body').get(0))).toBeLessThan(24);
    expect(email.text).toContain('The description was shortened. Open the finding in the console to read all of it.');
    expect(email.html.length).toBeLessThan(64 * 1024);
    expect(email.text.length).toBeLessThan(32 * 1024);
  });

  it('links only to http(s) URLs without user info; disguised schemes are dropped, the real reference stays', () => {
    const email = only('fixtures/hostile/url-schemes-and-disguises-event.json');
    const links = hrefs(email.html);
    expect(links).toContain('https://nvd.nist.gov/vuln/detail/CVE-2024-0002');
    // A third-party https link stays a link, but only in its normalized, percent-encoded form.
    expect(links).toContain('https://evil.example/%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
    expect(links.every((l) => /^https:\/\/[^\s"'<>@]+$/.test(l))).toBe(true);
    expect(email.html).not.toContain('docs.aws.amazon.com@evil.example');
    expect(email.text).not.toMatch(/javascript|vbscript:|file:|data:image|docs\.aws\.amazon\.com@/i);
  });

  it('keeps header injection out of the subject and the headers: one line each, no forged header names', () => {
    const email = only('fixtures/hostile/header-injection-everywhere-event.json');
    expect(email.subject).toContain('Lone CR Bcc: cr@evil.example LF Subject: forged');
    const [input] = sesSendInputs(email, { from: 'notifier@example.com', to: ['soc@example.com'] });
    const names = (input?.Content?.Simple?.Headers ?? []).map((h) => h.Name ?? '');
    expect(names.filter((n) => !/^(X-SecurityHub-[A-Za-z-]+|Message-ID|References|In-Reply-To)$/.test(n))).toEqual([]);
    expect(names.join(' ')).not.toMatch(/Bcc|Reply-To|X-Mailer|X-Priority|Subject|To\b/i);
    expect(email.headers['X-SecurityHub-Control']).toBe('CIS.3.4 Bcc: control@evil.example');
    expect(Object.values(email.headers).join('\n')).not.toMatch(/[\r\u0085\u2028]/);
  });

  it('shows OCSF markup and template syntax as text, never as markup or template code', () => {
    const email = only('fixtures/hostile/markup-and-template-syntax-ocsf.json');
    const $ = cheerio.load(email.html);
    expect($('script')).toHaveLength(0);
    expect($.root().text()).toContain('<script>alert("ocsf")</script> {{title}}');
    expect(email.text).toContain('{{{raw}}} {{#each this}}x{{/each}}');
  });

  it('shows hostile insight names and rows as text and never links a row', () => {
    const email = only('fixtures/hostile/markup-insight-results-event.json');
    const $ = cheerio.load(email.html);
    expect($.root().text()).toContain('"><img src=x onerror=alert(1)>');
    expect($.root().text()).toContain('{{constructor.constructor("x")()}}');
    expect(hrefs(email.html).some((l) => l.includes('alert'))).toBe(false);
  });
});

/** The longest run of printable ASCII without a space in any text node under `root` (a <wbr> ends a text node). */
function longestUnbrokenRun(root: AnyNode | undefined): number {
  let longest = 0;
  const walk = (node: AnyNode): void => {
    if (node.type === 'text') for (const run of node.data.match(/[\x21-\x7e]+/g) ?? []) longest = Math.max(longest, run.length);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  if (root !== undefined) walk(root);
  return longest;
}

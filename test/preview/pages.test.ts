import { type CheerioAPI, load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { Email } from '../../functions/core/render/email.js';
import { emailViews } from '../../functions/preview/email-views.js';
import type { GalleryItem } from '../../functions/preview/gallery.js';
import { buildErrorPage, emailPage, indexPage, type PageContext } from '../../functions/preview/pages.js';
import { aFinding, aFindingNotification } from '../support/findings.js';

const HOSTILE = `"><img src=x onerror=alert(1)><script>alert(2)</script>`;

const finding = aFinding({ title: `S3 bucket ${HOSTILE}`, description: HOSTILE, severity: 'HIGH' });

const email: Email = {
  subject: `[HIGH] ${finding.title}`,
  html: `<!doctype html><html><body><h1>S3 bucket &lt;img&gt;</h1><p style="color:red">it's "quoted" &amp; done</p></body></html>`,
  text: `S3 bucket ${HOSTILE}\nline two`,
  headers: { 'X-SecurityHub-Severity': 'HIGH' },
  notification: aFindingNotification(finding),
};

const item: Extract<GalleryItem, { kind: 'email' }> = {
  kind: 'email',
  id: 'fixtures/x.json#0',
  file: 'fixtures/x.json',
  title: finding.title,
  severity: 'HIGH',
  label: 'finding',
  email,
};

/** The page loads no image and no script but the gallery's own /preview.js: nothing from the finding runs. */
function expectOnlyPreviewScript($: CheerioAPI): void {
  expect($('img')).toHaveLength(0);
  expect(
    $('script')
      .map((_, s) => $(s).attr('src'))
      .get(),
  ).toEqual(['/preview.js']);
}

const context: PageContext = { version: 7, locale: 'en', timeZone: 'UTC', templatesDir: 'templates' };

describe('indexPage', () => {
  it('lists title, severity and source file of each item, as text only', () => {
    const skipped: GalleryItem = {
      kind: 'skipped',
      id: 'f#1',
      file: 'fixtures/y.json',
      title: HOSTILE,
      severity: 'LOW',
      reason: 'workflow RESOLVED',
    };
    const error: GalleryItem = { kind: 'error', id: 'f#2', file: 'fixtures/z.json', title: 'fixtures/z.json', message: HOSTILE };
    const $ = load(indexPage(context, { items: [item, skipped, error], files: ['fixtures/x.json', 'fixtures/y.json', 'fixtures/z.json'] }));
    expectOnlyPreviewScript($);
    const first = $('tr.item-email');
    expect(first.find('a').text()).toBe(finding.title);
    expect(first.find('a').attr('href')).toBe('/item?id=fixtures%2Fx.json%230');
    expect(first.find('.badge').first().text()).toBe('HIGH');
    expect(first.find('td.file').text()).toBe('fixtures/x.json');
    expect($('tr.item-skipped').text()).toContain('workflow RESOLVED');
    expect($('tr.item-error').text()).toContain(HOSTILE);
    expect($('html').attr('data-version')).toBe('7');
  });
});

describe('emailPage', () => {
  const $ = load(emailPage(context, item, emailViews(email), {}));

  it('shows the HTML body only in sandboxed iframes, byte for byte', () => {
    const frames = $('iframe');
    expect(frames.length).toBeGreaterThan(0);
    frames.each((_, frame) => {
      expect($(frame).attr('sandbox')).toBe('');
      expect($(frame).attr('srcdoc')).toBe(email.html);
    });
    expectOnlyPreviewScript($);
  });

  it('shows title, severity, subject, text body, headers and the transport inputs', () => {
    expect($('h1.title').text()).toContain(finding.title);
    expect($('h1.title .badge').text()).toBe('HIGH');
    expect($('.subject').text()).toBe(email.subject);
    expect($('pre.text-body').text()).toBe(email.text);
    expect($('.panel-headers').text()).toContain('X-SecurityHub-Severity');
    const sns = JSON.parse($('.panel-sns pre').text());
    expect(sns.TopicArn).toMatch(/^arn:aws:sns:/);
    expect(sns.Message.email).toBe(email.text);
    const ses = JSON.parse($('.panel-ses pre').text());
    expect(ses.Content.Simple.Body.Html.Data).toBe(email.html);
  });
});

describe('buildErrorPage', () => {
  it('shows the template error with file and line', () => {
    const $ = load(buildErrorPage(context, 'templates/finding.mjml:12: <mj-sectio> is not a component'));
    expect($('.template-error').text()).toBe('templates/finding.mjml:12: <mj-sectio> is not a component');
  });
});

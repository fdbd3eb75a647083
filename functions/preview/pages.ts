/**
 * The gallery's HTML pages. Built only with `html` (which escapes every value); the email itself
 * is shown only inside `<iframe sandbox srcdoc>`, so neither finding text nor template output can
 * run script or reach the gallery page.
 */

import { STYLES } from './assets.js';
import type { Gallery, GalleryItem } from './gallery.js';
import { html, raw, type SafeHtml } from './html.js';

/** What every page shows in its header. */
export interface PageContext {
  /** Changes on every rebuild; the page reloads when the server's version differs. */
  readonly version: number;
  readonly locale: string;
  readonly timeZone: string;
  readonly templatesDir: string;
}

/** The extra views of one email, built by the caller from the real transport code. */
export interface EmailViews {
  readonly sesInput: unknown;
  readonly snsInput: unknown;
}

export function itemUrl(item: GalleryItem): string {
  return `/item?id=${encodeURIComponent(item.id)}`;
}

function layout(context: PageContext, title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en" data-version="${context.version}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - email preview</title>
<style>${raw(STYLES)}</style>
<script src="/preview.js" defer></script>
</head>
<body>
<header class="top"><a href="/">Security Hub email preview</a>
<span class="meta">locale ${context.locale} · time zone ${context.timeZone} · templates ${context.templatesDir} · build ${context.version}</span></header>
<main>${body}</main>
</body>
</html>
`.value;
}

function severityBadge(item: { readonly severity?: string }): SafeHtml {
  return item.severity ? html`<span class="badge sev-${item.severity}">${item.severity}</span>` : html``;
}

function kindBadge(item: GalleryItem): SafeHtml {
  const label = item.kind === 'email' ? item.label : item.kind;
  return html`<span class="badge kind-${item.kind}">${label}</span>`;
}

function detail(item: GalleryItem): SafeHtml {
  if (item.kind === 'email') return html`<a href="${itemUrl(item)}">${item.title}</a><div class="file">${item.email.subject}</div>`;
  if (item.kind === 'skipped') return html`${item.title}<div class="file">skipped: ${item.reason}</div>`;
  return html`<div class="file">${item.message}</div>`;
}

/** The index: one row per outcome of every fixture file. */
export function indexPage(context: PageContext, gallery: Gallery): string {
  const count = (kind: GalleryItem['kind']) => gallery.items.filter((item) => item.kind === kind).length;
  const rows = gallery.items.map(
    (item) =>
      html`<tr class="item item-${item.kind}"><td>${severityBadge(item)}</td><td>${kindBadge(item)}</td><td>${detail(item)}</td><td class="file">${item.file}</td></tr>`,
  );
  return layout(
    context,
    'Gallery',
    html`<h1>Gallery</h1>
<p class="counts">${gallery.files.length} fixture files · ${count('email')} emails · ${count('skipped')} skipped · ${count('error')} errors</p>
<table><thead><tr><th>Severity</th><th>Kind</th><th>Title</th><th>Source file</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** One email: the HTML as sent (sandboxed), the text body, the SNS and SES inputs, the headers. */
export function emailPage(
  context: PageContext,
  item: Extract<GalleryItem, { kind: 'email' }>,
  views: EmailViews,
  pager: { readonly previous?: GalleryItem; readonly next?: GalleryItem },
): string {
  const { email } = item;
  const headers = Object.entries(email.headers).map(([name, value]) => html`<tr><td class="file">${name}</td><td>${value}</td></tr>`);
  const link = (target: GalleryItem | undefined, text: string) =>
    target ? html`<a href="${itemUrl(target)}">${text}</a>` : html`<span></span>`;
  return layout(
    context,
    item.title,
    html`<nav class="pager">${link(pager.previous, '← previous')}<a href="/">all emails</a>${link(pager.next, 'next →')}</nav>
<h1 class="title">${severityBadge(item)} ${item.title}</h1>
<p class="file">${item.file} · ${item.label}</p>
<div class="subject" title="Subject">${email.subject}</div>
<div class="tabs">
<input type="radio" name="tab" id="tab-html" checked><label for="tab-html">HTML</label>
<input type="radio" name="tab" id="tab-text"><label for="tab-text">Text</label>
<input type="radio" name="tab" id="tab-sns"><label for="tab-sns">SNS message</label>
<input type="radio" name="tab" id="tab-ses"><label for="tab-ses">SES input</label>
<input type="radio" name="tab" id="tab-headers"><label for="tab-headers">Headers</label>
<section class="panel panel-html"><div class="frames">
<figure><figcaption>desktop · <a href="/raw?id=${encodeURIComponent(item.id)}" target="_blank" rel="noopener">open alone</a></figcaption>
<iframe class="desktop" title="HTML body (desktop)" sandbox="" srcdoc="${email.html}"></iframe></figure>
<figure><figcaption>mobile (375 px)</figcaption><iframe class="mobile" title="HTML body (mobile)" sandbox="" srcdoc="${email.html}"></iframe></figure>
</div></section>
<section class="panel panel-text"><pre class="text-body">${email.text}</pre></section>
<section class="panel panel-sns"><p class="file">The SNS Publish input; <code>Message</code> is sent as one JSON string (shown parsed). Email subscribers get its <code>email</code> text.</p><pre>${json(views.snsInput)}</pre></section>
<section class="panel panel-ses"><p class="file">The SES v2 SendEmail input (placeholder addresses).</p><pre>${json(views.sesInput)}</pre></section>
<section class="panel panel-headers"><table><tbody>${headers}</tbody></table></section>
</div>`,
  );
}

/** A page for an outcome that is not an email (skipped or error), or a missing item. */
export function messagePage(context: PageContext, title: string, message: string, status = ''): string {
  return layout(
    context,
    title,
    html`<h1>${title}</h1><p class="file">${status}</p><pre>${message}</pre><p><a href="/">back to the gallery</a></p>`,
  );
}

/** Shown for every page while the templates do not build; recovers by itself on the next good save. */
export function buildErrorPage(context: PageContext, message: string): string {
  return layout(
    context,
    'Template error',
    html`<div class="banner" role="alert"><strong>The templates do not build.</strong> Fix the file and save: this page reloads by itself.
<pre class="template-error">${message}</pre></div>`,
  );
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'undefined';
}

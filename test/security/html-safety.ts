/**
 * Parses a rendered HTML body and lists what would make it unsafe or broken: elements the
 * templates never produce (script, iframe, form...), event-handler attributes, links and sources
 * that are not absolute http(s) URLs, script in styles, parse errors the templates alone do not
 * cause, and hidden (control, bidi, zero-width) characters in text or attributes.
 */
import * as cheerio from 'cheerio';
import { parse } from 'parse5';

/** Never acceptable in an email body, whatever the templates say. */
const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'textarea',
  'select',
  'base',
  'svg',
  'math',
  'template',
  'noscript',
  'audio',
  'video',
  'portal',
]);

/** Attributes that load or navigate: only absolute http(s) URLs are allowed in them. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'background', 'poster', 'xlink:href', 'srcset', 'data', 'cite'];

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

export interface HtmlReport {
  readonly tags: ReadonlySet<string>;
  readonly parseErrors: ReadonlySet<string>;
  readonly problems: readonly string[];
}

/**
 * Checks one HTML body. `allowedTags` and `allowedParseErrors` come from benign renders of the same
 * templates: a value from a finding must not add an element or a parse error of its own.
 */
export function inspectHtml(html: string, allowed?: { tags: ReadonlySet<string>; parseErrors: ReadonlySet<string> }): HtmlReport {
  const problems: string[] = [];
  const parseErrors = new Set<string>();
  parse(html, { onParseError: (error) => parseErrors.add(error.code) });
  const $ = cheerio.load(html);
  const tags = new Set<string>();
  $('*').each((_, node) => {
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const tag = node.tagName.toLowerCase();
    tags.add(tag);
    if (FORBIDDEN_TAGS.has(tag)) problems.push(`forbidden element <${tag}>`);
    if (tag === 'meta' && /refresh/i.test(node.attribs['http-equiv'] ?? '')) problems.push('meta refresh');
    if (allowed && !allowed.tags.has(tag)) problems.push(`element <${tag}> that the templates never produce`);
    for (const [name, value] of Object.entries(node.attribs) as [string, string][]) {
      if (/^on/i.test(name)) problems.push(`event handler attribute ${name}="${value.slice(0, 40)}" on <${tag}>`);
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && !isHttpUrl(value)) problems.push(`${name}="${value.slice(0, 60)}" on <${tag}>`);
      if (name.toLowerCase() === 'style' && /javascript:|expression\s*\(|url\s*\(|@import|behavior\s*:/i.test(value)) {
        problems.push(`script-capable style on <${tag}>: ${value.slice(0, 60)}`);
      }
      if (HIDDEN.test(value)) problems.push(`hidden character in ${name} on <${tag}>`);
    }
  });
  if (HIDDEN.test($.root().text())) problems.push('hidden (control, bidi or zero-width) character in the text');
  if (allowed) for (const code of parseErrors) if (!allowed.parseErrors.has(code)) problems.push(`parse error ${code}`);
  return { tags, parseErrors, problems };
}

/** An absolute http(s) URL the WHATWG parser reads as such, with no quotes, spaces or angle brackets. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s"'<>`]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** True when `text` holds a control (except tab/LF), bidi or zero-width character. */
export function hasHidden(text: string): boolean {
  return HIDDEN.test(text);
}

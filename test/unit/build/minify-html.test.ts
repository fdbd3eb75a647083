import { readFile } from 'node:fs/promises';
import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { markBreakable } from '../../../functions/build/break-long-tokens.js';
import { compileMjml } from '../../../functions/build/compile-templates.js';
import { minifyHtml } from '../../../functions/build/minify-html.js';
import { TEMPLATE_NAMES } from '../../../functions/core/render/compiled-templates.js';
import { createRenderer } from '../../../functions/core/render/create-renderer.js';
import { ALL_NOTIFICATIONS } from '../render/all-notifications.js';
import { EN, JA, renderer } from '../render/compiled.js';
import { handlebarsTemplate, reference } from '../render/handlebars-reference.js';

const BLOCKS = new Set('html head title body table thead tbody tr td th div p h1 h2 h3 h4 h5 h6 ul ol li br hr'.split(' '));

/**
 * What a reader sees, line by line: text in document order, a break at every block element
 * (unless styled inline), whitespace collapsed within a line. Plus the CSS and the comments
 * (Outlook's conditional markup), which must not change at all.
 */
function visible(html: string): { lines: string[]; styles: string[]; comments: string[] } {
  const $ = cheerio.load(html);
  let out = '';
  const comments: string[] = [];
  const walk = (node: AnyNode) => {
    if (node.type === 'text') out += node.data;
    else if (node.type === 'comment') comments.push(node.data);
    else if (node.type === 'tag' || node.type === 'root') {
      const name = node.type === 'tag' ? node.name : '';
      if (name === 'style' || name === 'script') return;
      const block = BLOCKS.has(name) && !/display\s*:\s*inline/.test(node.type === 'tag' ? (node.attribs.style ?? '') : '');
      if (block) out += '\n';
      for (const child of node.children) walk(child);
      if (block) out += '\n';
    }
  };
  walk($.root()[0] as AnyNode);
  const lines = out
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f]+/g, ' ').trim())
    .filter((line) => line !== '');
  return {
    lines,
    styles: $('style')
      .map((_, el) => $(el).text())
      .get(),
    comments,
  };
}

describe('minifyHtml', () => {
  it('drops whitespace between block boundaries only', () => {
    expect(minifyHtml('<tr>\n<td>{{a}}</td>\n</tr>')).toBe('<tr><td>{{a}}</td></tr>');
    expect(minifyHtml('<span>a</span>\n<strong>b</strong>')).toBe('<span>a</span>\n<strong>b</strong>');
    expect(minifyHtml('<div style="display:inline-block">a</div>\n<div style="display:inline-block">b</div>')).toContain('</div>\n<div');
    expect(minifyHtml('</div>\n{{#if a}}\n<div>')).toBe('</div>\n{{#if a}}\n<div>');
    expect(minifyHtml('<!--[if mso]>\n<table>\n<![endif]-->\n<!--x-->')).toBe('<!--[if mso]>\n<table>\n<![endif]-->\n<!--x-->');
  });

  it('keeps preformatted content and CSS as they are', () => {
    for (const html of ['<pre>\n<b>x</b>\n</pre>', '<style>\n<p>\n</style>', '<div style="white-space:pre-line;">\n<div>a</div>\n</div>']) {
      expect(minifyHtml(html).replace(/\s+/g, ' ')).toBe(html.replace(/\s+/g, ' '));
      expect(minifyHtml(html)).toContain('\n<');
    }
  });

  it('tidies whitespace between attributes, not inside values', () => {
    expect(minifyHtml('<div\nclass="a  b" style="x"\n>')).toBe('<div class="a  b" style="x">');
    expect(minifyHtml('<br />')).toBe('<br />');
  });

  it('has a visible-text check that tells joined words from table cells (self-test)', () => {
    expect(visible('<p><span>a</span>\n<span>b</span></p>').lines).not.toEqual(visible('<p><span>a</span><span>b</span></p>').lines);
    expect(visible('<table><tr><td>a</td>\n<td>b</td></tr></table>').lines).toEqual(
      visible('<table><tr><td>a</td><td>b</td></tr></table>').lines,
    );
  });

  it('changes no visible text, CSS or conditional comment of any email (vs the unminified template through Handlebars)', async () => {
    // Prepare: the unminified HTML of each template, rendered by Handlebars.
    const unminified = Object.fromEntries(
      await Promise.all(
        TEMPLATE_NAMES.map(async (name) => {
          const file = `templates/${name}.mjml`;
          return [name, handlebarsTemplate(markBreakable(await compileMjml(file, await readFile(file, 'utf8'), false)), false)] as const;
        }),
      ),
    ) as Record<(typeof TEMPLATE_NAMES)[number], (view: object) => string>;
    const before = createRenderer({ ...reference, html: unminified });
    let saved = 0;
    for (const options of [EN, JA]) {
      for (const { name, notification } of ALL_NOTIFICATIONS) {
        // Act
        const small = renderer.render(notification, options).html;
        const large = before.render(notification, options).html;
        // Assess
        expect({ name, ...visible(small) }).toEqual({ name, ...visible(large) });
        saved += large.length - small.length;
      }
    }
    expect(saved).toBeGreaterThan(0);
  });
});

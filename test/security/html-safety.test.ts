/** The checker itself: it must see what it is meant to see, or the properties prove nothing. */
import { describe, expect, it } from 'vitest';
import { inspectHtml, isHttpUrl } from './html-safety.js';

const ALLOWED = { tags: new Set(['html', 'head', 'body', 'p', 'a']), parseErrors: new Set<string>(['missing-doctype']) };

describe('inspectHtml', () => {
  it.each([
    ['<p><script>alert(1)</script></p>', 'forbidden element <script>'],
    ['<p><img src=x onerror=alert(1)></p>', 'event handler attribute onerror'],
    ['<p><a href="javascript:alert(1)">x</a></p>', 'href="javascript:alert(1)"'],
    ['<p><a href="data:text/html,x">x</a></p>', 'href="data:text/html,x"'],
    ['<p><a href="https://docs.aws.amazon.com@evil.example/">x</a></p>', 'href="https://docs.aws.amazon.com@evil.example/"'],
    ['<p><iframe srcdoc="x"></iframe></p>', 'forbidden element <iframe>'],
    ['<p style="background:url(javascript:alert(1))">x</p>', 'script-capable style'],
    ['<p>gnp\u202e.exe</p>', 'hidden'],
    ['<p><b>bold</b></p>', 'element <b> that the templates never produce'],
    ['<p>a\u0000b</p>', 'parse error'],
  ])('flags %s', (html, problem) => {
    expect(inspectHtml(html, ALLOWED).problems.join('\n')).toContain(problem);
  });

  it('passes escaped markup shown as text', () => {
    expect(
      inspectHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href="https://example.com/a?b=1&amp;c=2">x</a></p>', ALLOWED).problems,
    ).toEqual([]);
  });

  it('accepts only absolute http(s) URLs', () => {
    expect(['https://example.com/', 'http://example.com/x?y=1'].every(isHttpUrl)).toBe(true);
    expect(
      ['//example.com', 'javascript:x', ' https://example.com', 'https://example.com/"x', 'mailto:a@example.com'].some(isHttpUrl),
    ).toBe(false);
  });
});

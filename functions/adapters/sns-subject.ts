/**
 * The SNS `Subject` rules: ASCII only, one line, no control characters, at most 100 characters,
 * starting with a letter, a number or punctuation. Pure.
 */

export const SNS_SUBJECT_MAX = 100;

const ELLIPSIS = '...';
/** Characters a subject may start with: letters, digits and common punctuation. */
const START = /^[A-Za-z0-9!"#%&'()*,\-./:;?@[\\\]_{}]/;

/**
 * Turns any one-line subject into a valid SNS subject. Accents are folded (é -> e); other
 * non-ASCII runs (e.g. Japanese) become one space. When nothing readable is left, `fallback`
 * (itself made ASCII) is used.
 *
 * @example
 * snsSubject('[HIGH] Ünïcode ルール 3.4', 'Security Hub finding') // '[HIGH] Unicode 3.4'
 */
export function snsSubject(subject: string, fallback = 'AWS Security Hub notification'): string {
  const ascii = toAscii(subject);
  const chosen = /[A-Za-z0-9]/.test(ascii) ? ascii : toAscii(fallback) || 'AWS Security Hub notification';
  return shorten(chosen, SNS_SUBJECT_MAX);
}

function toAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^A-Za-z0-9!"#%&'()*,\-./:;?@[\\\]_{}]+/, '');
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  const cut = text.slice(0, room);
  const space = cut.lastIndexOf(' ');
  const head = (space > room * 0.6 ? cut.slice(0, space) : cut).trimEnd();
  return START.test(head) ? `${head}${ELLIPSIS}` : text.slice(0, max);
}

/** The last gate before a link reaches a template: only absolute http(s) URLs become an href. */

const HTTP_URL = /^https?:\/\/[^\s"'<>\\]+$/i;

/** `url` when it is an absolute http(s) URL without spaces or quotes, otherwise `undefined`. */
export function httpUrl(url: string | undefined): string | undefined {
  if (url === undefined || !HTTP_URL.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Placeholder: replaced below. */
export function minifyHtml(html: string): string {
  return html;
}

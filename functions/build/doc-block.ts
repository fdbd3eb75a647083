/**
 * Generated blocks inside hand-written markdown: the text between `<!-- NAME:start -->` and
 * `<!-- NAME:end -->` belongs to a script (`npm run docs:templates`, `npm run docs:config`), and a
 * test compares it with what the script would write now.
 */
import { readFile, writeFile } from 'node:fs/promises';

export function markers(name: string): { readonly start: string; readonly end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/**
 * The block `name` of a markdown text, trimmed.
 *
 * @example readBlock(await readFile('docs/templates.md', 'utf8'), 'template-variables')
 * @throws Error when the markers are missing or out of order.
 */
export function readBlock(text: string, name: string): string {
  const [start, end] = bounds(text, name);
  return text.slice(start, end).trim();
}

/** Replaces the block `name` in `file` with `content`. */
export async function writeBlock(file: string, name: string, content: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const [start, end] = bounds(text, name);
  await writeFile(file, `${text.slice(0, start)}\n${content.trim()}\n${text.slice(end)}`);
}

/** Where the block's content starts and ends. */
function bounds(text: string, name: string): [number, number] {
  const { start, end } = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`markers ${start} ... ${end} not found`);
  return [from + start.length, to];
}

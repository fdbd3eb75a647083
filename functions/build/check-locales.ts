/**
 * Build-time check of the locale files: every locale has exactly the keys of `en.json`, every
 * value is a string, and every key the templates or the code use exists.
 */
import { TemplateError } from '../core/errors.js';
import type { LocaleStrings } from '../core/render/compiled-templates.js';

export interface LocaleFile {
  readonly file: string;
  readonly source: string;
  readonly strings: LocaleStrings;
}

/** Line of `"key":` in a JSON source, or 1. */
function keyLine(source: string, key: string): number {
  const index = source.indexOf(`${JSON.stringify(key)}:`);
  return index < 0 ? 1 : source.slice(0, index).split('\n').length;
}

/** Parses a flat `{ "key": "label" }` locale file; throws TemplateError with the line of the problem. */
export function parseLocale(file: string, source: string): LocaleFile {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    const line = position === undefined ? 1 : source.slice(0, Number(position)).split('\n').length;
    throw new TemplateError(file, line, `invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new TemplateError(file, 1, 'a locale file is one JSON object');
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') throw new TemplateError(file, keyLine(source, key), `"${key}" must be a string`);
  }
  return { file, source, strings: data as LocaleStrings };
}

/**
 * Checks that each locale has the keys of `en` (no more, no fewer) and that `used` keys exist in `en`.
 *
 * @param used key -> where it is used (`file:line` or a description), for the error message.
 */
export function checkLocales(
  en: LocaleFile,
  others: readonly LocaleFile[],
  used: ReadonlyMap<string, { file: string; line: number }>,
): void {
  for (const [key, where] of used) {
    if (!Object.hasOwn(en.strings, key)) throw new TemplateError(where.file, where.line, `t.${key} is missing in ${en.file}`);
  }
  for (const locale of others) {
    for (const key of Object.keys(en.strings)) {
      if (!Object.hasOwn(locale.strings, key)) {
        throw new TemplateError(locale.file, 1, `"${key}" is missing (${en.file}:${keyLine(en.source, key)} has it)`);
      }
    }
    for (const key of Object.keys(locale.strings)) {
      if (!Object.hasOwn(en.strings, key))
        throw new TemplateError(locale.file, keyLine(locale.source, key), `"${key}" is not in ${en.file}`);
    }
  }
}

/**
 * Command-line parsing shared by the replay CLI and the preview server: strict flags, a bad one
 * reported as a `ConfigError`, and the email language and time zone flags both take.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ConfigError } from '../core/errors.js';

/** Flag definitions, as `parseArgs` takes them. */
type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags every command takes. */
const COMMON_OPTIONS = {
  locale: { type: 'string' },
  'time-zone': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

type Config<O extends Options> = {
  args: string[];
  allowPositionals: true;
  strict: true;
  options: typeof COMMON_OPTIONS & O;
};

/** What `parseArgs` returns for `options` plus the common flags: typed values, and the positionals. */
export type CommandLine<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>;

/**
 * Parses `argv` with `options` plus `--locale`, `--time-zone` and `-h`/`--help`; positionals allowed.
 *
 * @example
 * const { values, positionals } = parseCommandLine(argv, { out: { type: 'string' } });
 * @throws ConfigError (setting `arguments`) for an unknown flag or a missing value.
 */
export function parseCommandLine<const O extends Options>(argv: readonly string[], options: O): CommandLine<O> {
  try {
    return parseArgs<Config<O>>({ args: [...argv], allowPositionals: true, strict: true, options: { ...COMMON_OPTIONS, ...options } });
  } catch (cause) {
    throw new ConfigError('arguments', (cause as Error).message, { cause });
  }
}

/**
 * `--locale` and `--time-zone` as raw settings for `parseConfig`, which validates them.
 *
 * @example renderSettings({ 'time-zone': 'Asia/Tokyo' }) // { timeZone: 'Asia/Tokyo' }
 */
export function renderSettings(values: {
  readonly locale?: string | undefined;
  readonly 'time-zone'?: string | undefined;
}): Record<string, unknown> {
  return {
    ...(values.locale === undefined ? {} : { locale: values.locale }),
    ...(values['time-zone'] === undefined ? {} : { timeZone: values['time-zone'] }),
  };
}

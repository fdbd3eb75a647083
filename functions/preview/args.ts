import { ConfigError } from '../core/errors.js';
import { parseCommandLine, renderSettings } from '../replay/command-line.js';

export const DEFAULT_PORT = 4300;

export const USAGE = `Usage: npm run preview -- [options]

Serves a gallery of every fixture rendered through the same pipeline as the Lambda, on
127.0.0.1 only. Saving a file under the templates folder rebuilds and reloads the open pages.

Options:
  --port P             port to listen on (default: ${DEFAULT_PORT}; 0 picks a free one)
  --templates DIR      templates folder (default: templates)
  --fixtures DIR...    fixture folders or files (default: fixtures)
  --locale en|ja       email language (default: en)
  --time-zone ZONE     IANA time zone for dates, e.g. Asia/Tokyo (default: UTC)
  --screenshots DIR    render every email to DIR as desktop and mobile PNGs with Debian's
                       Chromium, then exit (no server)
  -h, --help           show this help`;

export interface PreviewArgs {
  readonly port: number;
  readonly templatesDir: string;
  readonly fixtures: readonly string[];
  /** Raw settings for `parseConfig` (it validates locale and time zone). */
  readonly config: Readonly<Record<string, unknown>>;
  readonly screenshotsDir?: string;
  readonly help: boolean;
}

/**
 * Parses the preview command line. Folders given after `--fixtures` (or on their own) are all
 * fixture folders. Throws `ConfigError` naming the flag on a bad one.
 *
 * @example
 * parsePreviewArgs(['--port', '0', '--locale', 'ja']).port // 0
 */
export function parsePreviewArgs(argv: readonly string[]): PreviewArgs {
  const { values, positionals } = parseCommandLine(argv, {
    port: { type: 'string' },
    templates: { type: 'string' },
    fixtures: { type: 'string', multiple: true },
    screenshots: { type: 'string' },
  });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('--port', `not a port number: ${values.port}`);
  const fixtures = [...(values.fixtures ?? []), ...positionals];
  return {
    port,
    templatesDir: values.templates ?? 'templates',
    fixtures: fixtures.length > 0 ? fixtures : ['fixtures'],
    config: renderSettings(values),
    help: values.help ?? false,
    ...(values.screenshots === undefined ? {} : { screenshotsDir: values.screenshots }),
  };
}

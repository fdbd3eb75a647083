import { readFile } from 'node:fs/promises';
import { type NotifierConfig, parseConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import type { ReplayArgs } from './args.js';

/**
 * The replay configuration: the config file (if given), then the flags on top of it.
 * Validated by the same schema as the Lambda's and the CDK app's.
 */
export async function loadReplayConfig(args: ReplayArgs): Promise<NotifierConfig> {
  const fromFile = args.configFile === undefined ? {} : await readJson(args.configFile);
  try {
    return parseConfig(merge(fromFile, args.overrides), args.configFile ?? 'flags');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const flags = FLAGS[error.setting.split('.').at(-1) ?? ''];
    if (flags === undefined) throw error;
    const reason = error.message.slice(error.setting.length + 2);
    throw new ConfigError(error.setting, `${reason} (give ${flags}, or --config FILE)`, { cause: error });
  }
}

/** The flags that supply a section the transport needs. */
const FLAGS: Readonly<Record<string, string>> = { ses: '--from and --to', sns: '--topic-arn' };

async function readJson(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ConfigError('--config', `cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? cause}`, { cause });
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (cause) {
    throw new ConfigError('--config', `${path} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

/** Top-level keys replace; `ses` and `sns` merge one level deep so `--to` keeps the file's `from`. */
function merge(base: Record<string, unknown>, overrides: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const nested = key === 'ses' || key === 'sns';
    out[key] = nested ? { ...(base[key] as object | undefined), ...definedOnly(value as object) } : value;
  }
  return out;
}

function definedOnly(value: object): object {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The Lambda's configuration: the `NOTIFIER_CONFIG` variable (JSON, written by the CDK construct), read once. */

import { type NotifierConfig, parseConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';

/** The one environment variable the function reads its settings from. */
export const CONFIG_VARIABLE = 'NOTIFIER_CONFIG';

/**
 * Parses and validates `NOTIFIER_CONFIG`. Call once at cold start.
 *
 * @example
 * const config = readLambdaConfig(process.env);
 * @throws ConfigError naming `NOTIFIER_CONFIG` (missing, not JSON) or the setting inside it that is wrong.
 */
export function readLambdaConfig(env: Readonly<Record<string, string | undefined>>): NotifierConfig {
  const raw = env[CONFIG_VARIABLE];
  if (raw === undefined || raw.trim() === '')
    throw new ConfigError(CONFIG_VARIABLE, 'is not set; it must hold the notifier configuration as JSON');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new ConfigError(CONFIG_VARIABLE, `is not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
  return parseConfig(json, CONFIG_VARIABLE);
}

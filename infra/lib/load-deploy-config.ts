import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ConfigError } from '../../functions/core/errors.js';
import { type DeployConfig, parseDeployConfig } from './deploy-config.js';
import { PROJECT_ROOT } from './paths.js';

/** The deployment configuration used when `-c config=<path>` is not given. */
const DEFAULT_DEPLOY_CONFIG = 'infra/notifier.config.json';

/**
 * Reads and validates a deployment configuration file (a path relative to the project root).
 *
 * @throws ConfigError naming the file, or the setting inside it, that is wrong.
 */
export function loadDeployConfig(path = DEFAULT_DEPLOY_CONFIG): DeployConfig {
  const file = resolve(PROJECT_ROOT, path);
  const name = relative(PROJECT_ROOT, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ConfigError(name, `cannot read the deployment configuration: ${(cause as Error).message}`, { cause });
  }
  return parseDeployConfig(raw, name);
}

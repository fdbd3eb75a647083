/**
 * The Lambda's configuration, read once at cold start: a JSON file shipped with the code (the CDK
 * construct writes it beside `index.js`), plus the two values only known at deploy time (the state
 * table's name, the delivery topic's ARN) from small environment variables. Lambda allows 4 KB for
 * all environment variables together ("Lambda quotas", https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html),
 * too little for an organisation's routes, so the configuration itself never travels there.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parseConfig, type SendingConfig, sendingConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';

/** The configuration as JSON in the environment: tests and local runs (the deployed function uses a file). */
export const CONFIG_VARIABLE = 'NOTIFIER_CONFIG';
/** Path of the configuration file; relative paths start at the function's code (`LAMBDA_TASK_ROOT`). */
export const CONFIG_FILE_VARIABLE = 'NOTIFIER_CONFIG_FILE';
/** The state table's name (a deploy-time token), overriding `stateTable` of the file. */
export const STATE_TABLE_VARIABLE = 'NOTIFIER_STATE_TABLE';
/** The delivery topic's ARN (a deploy-time token), overriding `sns.topicArn` of the file. */
export const TOPIC_ARN_VARIABLE = 'NOTIFIER_TOPIC_ARN';
/** The delivery windows' table name (a deploy-time token), overriding `windowTable` of the file. */
export const WINDOW_TABLE_VARIABLE = 'NOTIFIER_WINDOW_TABLE';
/** The flush queue's URL (a deploy-time token), overriding `flushQueueUrl` of the file. */
export const FLUSH_QUEUE_VARIABLE = 'NOTIFIER_FLUSH_QUEUE_URL';
/** The ARN of the stack's own "Send by email" custom action (a deploy-time token), added to `filters.customActionArns`. */
export const ACTION_ARN_VARIABLE = 'NOTIFIER_ACTION_ARN';
/** The configuration file's name beside the handler. */
export const CONFIG_FILE_NAME = 'notifier.config.json';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and validates the configuration: `NOTIFIER_CONFIG` when set, else the file named by
 * `NOTIFIER_CONFIG_FILE`, with the deploy-time values (state table, window table, flush queue, topic,
 * custom action) of their `NOTIFIER_*` variables laid over it. Call once at cold start. The Lambda
 * sends for real: `file` (replay's outbox) is refused here, so the transport factory never sees it.
 *
 * @example
 * const config = readLambdaConfig(process.env);
 * @throws ConfigError naming the variable or file (missing, unreadable, not JSON) or the setting inside it that is wrong.
 */
export function readLambdaConfig(env: Env, readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): SendingConfig {
  const { source, text } = rawConfig(env, readFile);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(source, `is not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
  return sendingConfig(parseConfig(withDeployValues(json, env), source), source);
}

function rawConfig(env: Env, readFile: (path: string) => string): { source: string; text: string } {
  const inline = env[CONFIG_VARIABLE];
  if (inline !== undefined && inline.trim() !== '') return { source: CONFIG_VARIABLE, text: inline };
  const file = env[CONFIG_FILE_VARIABLE];
  if (file === undefined || file.trim() === '') {
    throw new ConfigError(CONFIG_VARIABLE, `is not set, nor is ${CONFIG_FILE_VARIABLE}; one must give the notifier configuration`);
  }
  const path = isAbsolute(file) ? file : join(env.LAMBDA_TASK_ROOT ?? process.cwd(), file);
  try {
    return { source: file, text: readFile(path) };
  } catch (cause) {
    throw new ConfigError(CONFIG_FILE_VARIABLE, `cannot read ${path} (${cause instanceof Error ? cause.message : String(cause)})`, {
      cause,
    });
  }
}

/** The deploy-time values from the environment, laid over the configuration object. */
function withDeployValues(json: unknown, env: Env): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return json;
  const config: Record<string, unknown> = { ...json };
  const table = env[STATE_TABLE_VARIABLE];
  const topic = env[TOPIC_ARN_VARIABLE];
  const action = env[ACTION_ARN_VARIABLE];
  if (table) config.stateTable = table;
  const windowTable = env[WINDOW_TABLE_VARIABLE];
  const flushQueue = env[FLUSH_QUEUE_VARIABLE];
  if (windowTable) config.windowTable = windowTable;
  if (flushQueue) config.flushQueueUrl = flushQueue;
  if (topic) config.sns = { topicArn: topic };
  if (action) {
    const filters: Record<string, unknown> = isObject(config.filters) ? { ...config.filters } : {};
    filters.customActionArns = [...(Array.isArray(filters.customActionArns) ? filters.customActionArns : []), action];
    config.filters = filters;
  }
  return config;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one typed configuration. It is validated once and serves the CDK app (event pattern and
 * the function's environment), the Lambda handler and the replay CLI. Pure: callers pass the
 * raw object in (from a JSON file, CDK context or the `NOTIFIER_CONFIG` variable).
 */
import * as z from 'zod/mini';
import { ConfigError } from './errors.js';
import { COMPLIANCE_STATUSES, RECORD_STATES, SEVERITIES, WORKFLOW_STATUSES } from './finding/model.js';
import { DETAIL_TYPES, type DetailTypeKey } from './input/event.js';
import { policySchema, summaryScheduleSchema } from './policy/policy-config.js';
import { describeIssue, jsonPath } from './schema-issue.js';

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

const emailList = z.array(z.email());

const filtersSchema = z.strictObject({
  /** Severities a person hears about. */
  severities: z._default(z.array(z.enum(SEVERITIES)), [...SEVERITIES]),
  /** Workflow statuses a person hears about; findings without a workflow always pass. */
  workflowStatuses: z._default(z.array(z.enum(WORKFLOW_STATUSES)), ['NEW', 'NOTIFIED']),
  recordStates: z._default(z.array(z.enum(RECORD_STATES)), ['ACTIVE']),
  /** Compliance statuses a person hears about; findings without compliance always pass. */
  complianceStatuses: z._default(z.array(z.enum(COMPLIANCE_STATUSES)), ['FAILED', 'WARNING', 'NOT_AVAILABLE']),
  /** Only these products (ProductName / metadata.product.name); all when absent. */
  productNames: z.optional(z.array(z.string())),
  /** Only these AWS accounts; all when absent. */
  accountIds: z.optional(z.array(z.string())),
  /**
   * Only Custom Action events of these actions (ARNs, `arn:aws:securityhub:REGION:ACCOUNT:action/custom/ID`);
   * all when absent. The CDK stack adds its own "Send by email" action.
   */
  customActionArns: z.optional(
    z.array(z.string().check(z.regex(/^arn:aws[\w-]*:securityhub:[a-z0-9-]+:\d{12}:action\/custom\/\w{1,20}$/))),
  ),
});

const configSchema = z.strictObject({
  transport: z._default(z.enum(['ses', 'sns', 'file']), 'file'),
  ses: z.optional(
    z.strictObject({
      from: z.email(),
      to: emailList,
      cc: z._default(emailList, []),
      replyTo: z._default(emailList, []),
      configurationSet: z.optional(z.string()),
    }),
  ),
  sns: z.optional(z.strictObject({ topicArn: z.string().check(z.regex(/^arn:aws[\w-]*:sns:/)) })),
  /** Where the file transport writes the outbox. */
  outDir: z._default(z.string(), 'outbox'),
  locale: z._default(z.enum(LOCALES), 'en'),
  /** IANA time zone for dates in emails, e.g. `Asia/Tokyo`. */
  timeZone: z._default(z.string(), 'UTC'),
  /** Which event types the rule matches and the notifier reads. */
  detailTypes: z._default(z.array(z.enum(Object.keys(DETAIL_TYPES) as [DetailTypeKey, ...DetailTypeKey[]])), [
    'imported',
    'customAction',
    'insightResults',
    'importedV2',
  ]),
  filters: z.prefault(filtersSchema, {}),
  /** DynamoDB table of the dedup state (the CDK construct sets it); without it every finding looks new. */
  stateTable: z.optional(z.string().check(z.minLength(3))),
  /** DynamoDB table of the delivery windows (the CDK construct sets it, with `flushQueueUrl`); without it an SQS batch is one window. */
  windowTable: z.optional(z.string().check(z.minLength(3))),
  /** SQS queue of the delayed flush messages (the CDK construct sets it). */
  flushQueueUrl: z.optional(z.string().check(z.regex(/^https:\/\/\S+$/))),
  /** Dedup, flood digests, routing, silences, send rate (see `policy/policy-config.ts`). */
  policy: z.prefault(policySchema, {}),
  /** Summary emails, one per route, on this schedule (a route's own `summary` overrides it); none when absent. */
  summary: z.optional(summaryScheduleSchema),
  /**
   * The account directory (names, tags, SECURITY contacts) from Organizations and the Account API,
   * cached in the state table; off when absent. `roleArn`: a role in the management account to assume.
   */
  accounts: z.optional(
    z.strictObject({
      roleArn: z.optional(z.string().check(z.regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/))),
      cacheTtlHours: z._default(z.number().check(z.positive()), 24),
    }),
  ),
});

export type NotifierConfig = z.infer<typeof configSchema>;
export type Filters = NotifierConfig['filters'];

/**
 * Validates a raw configuration object and fills in the defaults.
 *
 * @example
 * const config = parseConfig({ transport: 'sns', sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' } });
 * @throws ConfigError naming the setting (as a JSON path under `source`) that is missing or wrong.
 */
export function parseConfig(raw: unknown, source = 'config'): NotifierConfig {
  const result = configSchema.safeParse(raw ?? {}, { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new ConfigError(source, 'invalid configuration');
    throw new ConfigError(jsonPath(issue.path, source), describeIssue(issue));
  }
  const config = result.data;
  if (config.transport === 'ses' && !config.ses) throw new ConfigError(`${source}.ses`, 'required when transport is "ses"');
  if (config.transport === 'sns' && !config.sns) throw new ConfigError(`${source}.sns`, 'required when transport is "sns"');
  if (!isTimeZone(config.timeZone)) throw new ConfigError(`${source}.timeZone`, `unknown time zone ${JSON.stringify(config.timeZone)}`);
  const summaryZones: [string, string | undefined][] = [
    ['summary.timeZone', config.summary?.timeZone],
    ...config.policy.routes.map((route, i): [string, string | undefined] => [
      `policy.routes[${i}].summary.timeZone`,
      route.summary?.timeZone,
    ]),
  ];
  for (const [path, zone] of summaryZones) {
    if (zone !== undefined && !isTimeZone(zone)) throw new ConfigError(`${source}.${path}`, `unknown time zone ${JSON.stringify(zone)}`);
  }
  return config;
}

/** `UTC` (the default) is always known: no Intl formatter, whose first use costs ~15 ms of cold start. */
function isTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

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
import { DESCRIBED_ISSUES, jsonPath } from './schema-issue.js';

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export const TRANSPORTS = ['ses', 'sns', 'file'] as const;
export type Transport = (typeof TRANSPORTS)[number];

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

const sesSection = {
  from: z.email(),
  to: emailList,
  cc: z._default(emailList, []),
  replyTo: z._default(emailList, []),
  configurationSet: z.optional(z.string()),
};
const snsSection = { topicArn: z.string().check(z.regex(/^arn:aws[\w-]*:sns:/)) };
const sesSchema = z.strictObject(sesSection);
const snsSchema = z.strictObject(snsSection);

/** The message when a transport's own section is missing (zod's own says only "expected object"). */
const requiredWith = (transport: Transport) => ({
  error: (issue: { readonly input: unknown }) => (issue.input === undefined ? `required when transport is "${transport}"` : undefined),
});

/** Every setting but the transport and its sections. */
const settings = {
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
};

/**
 * The transport decides which section is required: `ses` needs `ses` (with a recipient), `sns`
 * needs `sns`, `file` (the default, replay's outbox) needs neither and uses either when given (sender,
 * recipients and topic in the written emails). The other section is accepted and unused, so one
 * file serves every transport (replay's `--transport` switches it).
 */
const configSchema = z.discriminatedUnion('transport', [
  z.strictObject({
    transport: z.literal('ses'),
    ses: z
      .strictObject(sesSection, requiredWith('ses'))
      .check(z.refine((ses) => ses.to.length + ses.cc.length > 0, { error: 'at least one recipient is required', path: ['to'] })),
    sns: z.optional(snsSchema),
    ...settings,
  }),
  z.strictObject({
    transport: z.literal('sns'),
    ses: z.optional(sesSchema),
    sns: z.strictObject(snsSection, requiredWith('sns')),
    ...settings,
  }),
  z.strictObject({
    transport: z._default(z.optional(z.literal('file')), 'file'),
    ses: z.optional(sesSchema),
    sns: z.optional(snsSchema),
    ...settings,
  }),
]);

/** The validated configuration; `transport` narrows it: with `ses` the `ses` section is there, with `sns` the `sns` one. */
export type NotifierConfig = z.infer<typeof configSchema>;
/** The configuration of a notifier that sends for real: the Lambda's, a deployed one's. */
export type SendingConfig = Exclude<NotifierConfig, { transport: 'file' }>;
/** The `ses` section: sender, recipients, configuration set. */
export type SesSettings = z.infer<typeof sesSchema>;
export type Filters = NotifierConfig['filters'];

/**
 * Validates a raw configuration object and fills in the defaults.
 *
 * @example
 * const config = parseConfig({ transport: 'sns', sns: { topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' } });
 * @throws ConfigError naming the setting (as a JSON path under `source`) that is missing or wrong.
 */
export function parseConfig(raw: unknown, source = 'config'): NotifierConfig {
  const result = configSchema.safeParse(raw ?? {}, DESCRIBED_ISSUES);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new ConfigError(source, 'invalid configuration');
    throw new ConfigError(jsonPath(issue.path, source), issue.message);
  }
  const config = result.data;
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

/**
 * The configuration of a notifier that sends for real: refuses `file`, replay's outbox.
 *
 * @example const config = sendingConfig(parseConfig(raw, 'notifier.config.json'), 'notifier.config.json');
 * @throws ConfigError naming `transport` under `source` when it is `file`.
 */
export function sendingConfig(config: NotifierConfig, source = 'config'): SendingConfig {
  if (config.transport === 'file') {
    throw new ConfigError(`${source}.transport`, '"file" is the replay\'s outbox; a deployed notifier sends with "ses" or "sns"');
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

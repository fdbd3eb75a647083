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

const emailList = z.array(z.email());

/** A description for the settings table in docs/configuration.md (`npm run docs:config`). */
const about = z.describe;

const filtersSchema = z.strictObject({
  severities: z._default(z.array(z.enum(SEVERITIES)), [...SEVERITIES]).check(about('Severities a person hears about.')),
  workflowStatuses: z
    ._default(z.array(z.enum(WORKFLOW_STATUSES)), ['NEW', 'NOTIFIED'])
    .check(about('Workflow statuses a person hears about; a finding without a workflow always passes.')),
  recordStates: z._default(z.array(z.enum(RECORD_STATES)), ['ACTIVE']).check(about('Record states a person hears about.')),
  complianceStatuses: z
    ._default(z.array(z.enum(COMPLIANCE_STATUSES)), ['FAILED', 'WARNING', 'NOT_AVAILABLE'])
    .check(about('Compliance statuses a person hears about; a finding without compliance always passes.')),
  productNames: z
    .optional(z.array(z.string()))
    .check(about('Only these products (`ProductName`, OCSF `metadata.product.name`); all when absent.')),
  accountIds: z.optional(z.array(z.string())).check(about('Only these AWS accounts; all when absent.')),
  customActionArns: z
    .optional(z.array(z.string().check(z.regex(/^arn:aws[\w-]*:securityhub:[a-z0-9-]+:\d{12}:action\/custom\/\w{1,20}$/))))
    .check(
      about(
        'Only Custom Action events of these actions (`arn:aws:securityhub:REGION:ACCOUNT:action/custom/ID`); all when absent. The CDK stack adds its own "Send by email" action.',
      ),
    ),
});

const sesSection = {
  from: z.email().check(about('Sender address: a verified SES identity.')),
  to: emailList.check(
    about('Recipients (at most 50 per message; more are split); with `transport` `ses`, `to` and `cc` need one at least.'),
  ),
  cc: z._default(emailList, []).check(about('Recipients on copy.')),
  replyTo: z._default(emailList, []).check(about('Reply-To addresses.')),
  configurationSet: z.optional(z.string()).check(about('SES configuration set to send through (the CDK stack creates one when absent).')),
};
const snsSection = {
  topicArn: z.string().check(z.regex(/^arn:aws[\w-]*:sns:/), about('Topic to publish to (the CDK stack creates it and fills this in).')),
};
const SES_ABOUT = 'SES sender and recipients.';
const SNS_ABOUT = 'SNS delivery topic.';
const sesSchema = z.strictObject(sesSection).check(about(SES_ABOUT));
const snsSchema = z.strictObject(snsSection).check(about(SNS_ABOUT));

/** The message when a transport's own section is missing (zod's own says only "expected object"). */
const requiredWith = (transport: 'ses' | 'sns') => ({
  error: (issue: { readonly input: unknown }) => (issue.input === undefined ? `required when transport is "${transport}"` : undefined),
});

/** Every setting but the transport and its sections. */
const settings = {
  outDir: z._default(z.string(), 'outbox').check(about('Folder the `file` transport writes the outbox to.')),
  locale: z._default(z.enum(LOCALES), 'en').check(about('Language of the emails.')),
  timeZone: z._default(z.string(), 'UTC').check(about('IANA time zone for dates in emails (named in the email), e.g. `Asia/Tokyo`.')),
  detailTypes: z
    ._default(z.array(z.enum(Object.keys(DETAIL_TYPES) as [DetailTypeKey, ...DetailTypeKey[]])), [
      'imported',
      'customAction',
      'insightResults',
      'importedV2',
    ])
    .check(about('Which events the rules match and the notifier reads.')),
  filters: z.prefault(filtersSchema, {}).check(about('Which findings a person hears about; the rest are skipped with the reason stated.')),
  stateTable: z
    .optional(z.string().check(z.minLength(3)))
    .check(about('DynamoDB table of the dedup state (the CDK stack fills it in); without it every finding looks new.')),
  windowTable: z
    .optional(z.string().check(z.minLength(3)))
    .check(about('DynamoDB table of the delivery windows (the CDK stack fills it in); without it an SQS batch is one window.')),
  flushQueueUrl: z
    .optional(z.string().check(z.regex(/^https:\/\/\S+$/)))
    .check(about('SQS queue of the delayed flushes of the delivery windows (the CDK stack fills it in).')),
  policy: z.prefault(policySchema, {}).check(about('Dedup, flood digests, delivery windows, routing, silences, send rate.')),
  summary: z
    .optional(summaryScheduleSchema)
    .check(about("Summary emails, one per route, on this schedule (a route's own `summary` overrides it); none when absent.")),
  accounts: z
    .optional(
      z.strictObject({
        roleArn: z
          .optional(z.string().check(z.regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/)))
          .check(about('A role in the management account to assume for the reads.')),
        cacheTtlHours: z
          ._default(z.number().check(z.positive()), 24)
          .check(about("How long an account's entry is kept in the state table.")),
      }),
    )
    .check(
      about(
        'The account directory (names, tags, SECURITY contacts) from Organizations and the Account API, cached in the state table; off when absent ([summary](summary.md)).',
      ),
    ),
};

/**
 * The transport decides which section is required: `ses` needs `ses` (with a recipient), `sns`
 * needs `sns`, `file` (the default, replay's outbox) needs neither and uses either when given (sender,
 * recipients and topic in the written emails). The other section is accepted and unused, so one
 * file serves every transport (replay's `--transport` switches it).
 */
const TRANSPORT_ABOUT = "How emails are sent; `file` is the replay's outbox.";
export const notifierConfigSchema = z.discriminatedUnion('transport', [
  z.strictObject({
    transport: z.literal('ses').check(about(TRANSPORT_ABOUT)),
    ses: z.strictObject(sesSection, requiredWith('ses')).check(
      z.refine((ses) => ses.to.length + ses.cc.length > 0, { error: 'at least one recipient is required', path: ['to'] }),
      about(SES_ABOUT),
    ),
    sns: z.optional(snsSchema),
    ...settings,
  }),
  z.strictObject({
    transport: z.literal('sns').check(about(TRANSPORT_ABOUT)),
    ses: z.optional(sesSchema),
    sns: z.strictObject(snsSection, requiredWith('sns')).check(about(SNS_ABOUT)),
    ...settings,
  }),
  z.strictObject({
    transport: z._default(z.optional(z.literal('file')), 'file').check(about(TRANSPORT_ABOUT)),
    ses: z.optional(sesSchema),
    sns: z.optional(snsSchema),
    ...settings,
  }),
]);

/** The validated configuration; `transport` narrows it: with `ses` the `ses` section is there, with `sns` the `sns` one. */
export type NotifierConfig = z.infer<typeof notifierConfigSchema>;
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
  const result = notifierConfigSchema.safeParse(raw ?? {}, DESCRIBED_ISSUES);
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

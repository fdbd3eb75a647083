/**
 * The deployment configuration: the notifier configuration (validated by the project's one
 * `parseConfig`) plus the settings only the infrastructure needs (operator address, queue and
 * function sizing, alarm thresholds, SES identity, SNS subscribers, tags, StackSet targets).
 * Pure: the app reads the JSON file and passes the object in.
 */
import * as z from 'zod/mini';
import { parseConfig, type SendingConfig, sendingConfig } from '../../functions/core/config.js';
import { ConfigError } from '../../functions/core/errors.js';
import { DESCRIBED_ISSUES, jsonPath } from '../../functions/core/schema-issue.js';
import { DEPLOY_DEFAULTS } from './defaults.js';
import { emptyFilter } from './event-pattern.js';

/** Retention periods CloudWatch Logs accepts, in days. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * Stands in for the SNS topic ARN while the notifier config is validated: the construct creates
 * the topic and writes its real ARN into the function's environment.
 */
const STACK_TOPIC_PLACEHOLDER = 'arn:aws:sns:::created-by-the-stack';

const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
/** A CloudFormation stack or StackSet name. */
const cfnName = () => z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/));
/** A description for the settings table in infra/README.md (`npm run docs:config`). */
const about = z.describe;

const notifierSchema = z.strictObject({
  id: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/), about('Construct id, also used in resource names: letters and digits.')),
  notifier: z
    .unknown()
    .check(
      about(
        'The notifier configuration ([docs/configuration.md](../docs/configuration.md)): `transport` `ses` or `sns`, `ses`, `locale`, `timeZone`, `detailTypes`, `filters`, `policy`. For SNS leave out `sns`: the stack creates the topic.',
      ),
    ),
  ses: z.prefault(
    z.strictObject({
      identityDomain: z
        .optional(z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i)))
        .check(about('Send from this verified domain identity instead of the `ses.from` address identity.')),
      createIdentity: z
        ._default(z.boolean(), false)
        .check(
          about('Create the identity (SES then mails a verification link, or a domain needs its DKIM records) instead of referencing it.'),
        ),
      createConfigurationSet: z
        ._default(z.boolean(), false)
        .check(about('Create the configuration set named in `notifier.ses.configurationSet` instead of referencing it.')),
      sandbox: z
        ._default(z.boolean(), false)
        .check(about('The account is in the SES sandbox: also grant sending to the (verified) recipient identities.')),
    }),
    {},
  ),
  sns: z.prefault(
    z.strictObject({
      subscriptionEmails: z._default(z.array(z.email()), []).check(about('Email subscribers of the delivery topic.')),
      routeTopicKeyArns: z
        ._default(z.array(z.string().check(z.regex(/^arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:key\/[\w-]+$/))), [])
        .check(about('KMS keys of encrypted route topics (`policy.routes[].snsTopicArn`): the function may use exactly these.')),
    }),
    {},
  ),
  queue: z.prefault(
    z.strictObject({
      batchSize: z._default(int(1, 10), DEPLOY_DEFAULTS.queue.batchSize).check(about('Messages per invocation.')),
      maxBatchingWindowSeconds: z
        ._default(int(0, 300), DEPLOY_DEFAULTS.queue.maxBatchingWindowSeconds)
        .check(about('How long the event source gathers messages before it invokes the function.')),
      maxReceiveCount: z
        ._default(int(1, 1000), DEPLOY_DEFAULTS.queue.maxReceiveCount)
        .check(about('Receives before a message moves to the dead-letter queue.')),
      maxConcurrency: z
        ._default(int(2, 1000), DEPLOY_DEFAULTS.queue.maxConcurrency)
        .check(about("Invocations at once (the event source's maximum concurrency); nothing is reserved, so a new account can deploy it.")),
    }),
    {},
  ),
  function: z.prefault(
    z.strictObject({
      memorySize: z._default(int(128, 10240), DEPLOY_DEFAULTS.function.memorySize).check(about('Memory of the function in MB.')),
      timeoutSeconds: z
        ._default(int(3, 900), DEPLOY_DEFAULTS.function.timeoutSeconds)
        .check(about("Function timeout; the queues' visibility timeout is six times this (plus the batching window).")),
      logRetentionDays: z
        ._default(z.literal(LOG_RETENTION_DAYS), DEPLOY_DEFAULTS.function.logRetentionDays)
        .check(about("How long the function's logs are kept, in days.")),
      logLevel: z._default(z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']), DEPLOY_DEFAULTS.function.logLevel).check(about('Log level.')),
    }),
    {},
  ),
  alarms: z.prefault(
    z.strictObject({
      oldestMessageAgeSeconds: z
        ._default(int(60, 1_209_600), DEPLOY_DEFAULTS.alarms.oldestMessageAgeSeconds)
        .check(about('Age of the oldest buffered message that raises the backlog alarm.')),
    }),
    {},
  ),
  customAction: z
    .prefault(
      z.strictObject({
        create: z
          ._default(z.boolean(), true)
          .check(about('Create it (Security Hub must be enabled first); `false` to reference an action made elsewhere by `id`.')),
        id: z
          .optional(z.string().check(z.regex(/^[A-Za-z0-9]{1,20}$/)))
          .check(about('Unique in the account and Region; by default derived from the stack and notifier.')),
        name: z
          .optional(z.string().check(z.minLength(1), z.maxLength(20)))
          .check(about('Shown in the console; by default `Send by email`.')),
        description: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))).check(about('Shown in the console.')),
      }),
      {},
    )
    .check(
      about(
        'The Security Hub custom action people pick to mail findings; its ARN is the only one the action rule matches (plus `filters.customActionArns`).',
      ),
    ),
});

const stackSetSchema = z.strictObject({
  stackSetName: z._default(cfnName(), 'securityhub-email-notifier').check(about('Name of the StackSet.')),
  regions: z
    .array(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/)))
    .check(z.minLength(1), about('Regions to deploy to in every target account.')),
  permissionModel: z
    ._default(z.enum(['SERVICE_MANAGED', 'SELF_MANAGED']), 'SERVICE_MANAGED')
    .check(about('`SERVICE_MANAGED` (AWS Organizations) targets organizational units; `SELF_MANAGED` targets accounts.')),
  organizationalUnitIds: z
    .optional(z.array(z.string().check(z.regex(/^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$/))))
    .check(about('Target organizational units (required with `SERVICE_MANAGED`).')),
  accounts: z.optional(z.array(z.string().check(z.regex(/^\d{12}$/)))).check(about('Target accounts (required with `SELF_MANAGED`).')),
  excludeAccounts: z
    ._default(z.array(z.string().check(z.regex(/^\d{12}$/))), [])
    .check(
      about(
        "`SERVICE_MANAGED`: accounts of those units to leave out, such as the Security Hub administrator account, whose feed already carries its members' findings (they would be mailed twice).",
      ),
    ),
  callAs: z
    ._default(z.enum(['SELF', 'DELEGATED_ADMIN']), 'SELF')
    .check(about('`DELEGATED_ADMIN` when the deploying account is a StackSets delegated administrator.')),
});

export const deployConfigSchema = z.strictObject({
  stackName: z._default(cfnName(), 'SecurityHubEmailNotifier').check(about('Name of the home-Region stack.')),
  operatorEmail: z
    .optional(z.email())
    .check(about('Receives the operational alarms (dead letters, errors, throttles, backlog); confirm the subscription.')),
  tags: z._default(z.record(z.string(), z.string()), {}).check(about('Tags added to every resource.')),
  notifiers: z.array(notifierSchema).check(z.minLength(1), about('One pipeline each (rules, queue, function, alarms).')),
  stackSet: z
    .optional(stackSetSchema)
    .check(about('Deploy per Region through a StackSet instead, for organizations without cross-Region aggregation (see below).')),
});

type RawDeployConfig = z.infer<typeof deployConfigSchema>;
export type StackSetConfig = z.infer<typeof stackSetSchema>;
type NotifierDeployment = Omit<RawDeployConfig['notifiers'][number], 'notifier'> & { readonly notifier: SendingConfig };
export type DeployConfig = Omit<RawDeployConfig, 'notifiers'> & { readonly notifiers: readonly NotifierDeployment[] };

/**
 * Validates a deployment configuration and each notifier configuration in it.
 *
 * @example
 * const config = parseDeployConfig(JSON.parse(readFileSync('infra/notifier.config.json', 'utf8')), 'notifier.config.json');
 * @throws ConfigError naming the setting (a JSON path under `source`) that is missing or wrong.
 */
export function parseDeployConfig(raw: unknown, source = 'deploy'): DeployConfig {
  const result = deployConfigSchema.safeParse(raw ?? {}, DESCRIBED_ISSUES);
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new ConfigError(source, 'invalid deployment configuration');
    throw new ConfigError(jsonPath(issue.path, source), issue.message);
  }
  const { notifiers, ...rest } = result.data;
  const ids = new Set<string>();
  const parsed = notifiers.map((entry, index) => {
    const at = `${source}.notifiers[${index}]`;
    if (ids.has(entry.id)) throw new ConfigError(`${at}.id`, `duplicate id ${JSON.stringify(entry.id)}`);
    ids.add(entry.id);
    return { ...entry, notifier: parseNotifier(entry.notifier, `${at}.notifier`) };
  });
  if (rest.stackSet) {
    checkTargets(rest.stackSet, `${source}.stackSet`);
    checkRouteRegions(parsed, rest.stackSet.regions, source);
  }
  return { ...rest, notifiers: parsed };
}

function parseNotifier(raw: unknown, at: string): SendingConfig {
  const object = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (object.transport === 'sns' && object.sns !== undefined) {
    throw new ConfigError(
      `${at}.sns`,
      'the stack creates the SNS topic; leave out "sns" (subscribers go in "sns.subscriptionEmails" beside "notifier")',
    );
  }
  const withTopic = object.transport === 'sns' ? { ...object, sns: { topicArn: STACK_TOPIC_PLACEHOLDER } } : raw;
  const config = sendingConfig(parseConfig(withTopic, at), at);
  const empty = emptyFilter(config);
  if (empty) throw new ConfigError(`${at}.filters.${empty}`, 'an empty list would match no finding; omit it to allow all');
  return config;
}

/** A StackSet deploys the same routes to every Region: a route topic must be in each, so only one Region can have it. */
function checkRouteRegions(notifiers: readonly NotifierDeployment[], regions: readonly string[], source: string): void {
  notifiers.forEach((entry, n) => {
    entry.notifier.policy.routes.forEach((route, r) => {
      const region = route.snsTopicArn?.split(':')[3];
      const elsewhere = regions.find((target) => region !== undefined && target !== region);
      if (elsewhere) {
        throw new ConfigError(
          `${source}.notifiers[${n}].notifier.policy.routes[${r}].snsTopicArn`,
          `the topic is in ${region}, but the StackSet also deploys to ${elsewhere}; a function publishes only to topics of its own Region`,
        );
      }
    });
  });
}

function checkTargets(stackSet: StackSetConfig, at: string): void {
  if (stackSet.permissionModel === 'SERVICE_MANAGED' && !stackSet.organizationalUnitIds?.length) {
    throw new ConfigError(`${at}.organizationalUnitIds`, 'required with the SERVICE_MANAGED permission model');
  }
  if (stackSet.permissionModel === 'SELF_MANAGED' && !stackSet.accounts?.length) {
    throw new ConfigError(`${at}.accounts`, 'required with the SELF_MANAGED permission model');
  }
}

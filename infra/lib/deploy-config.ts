/**
 * The deployment configuration: the notifier configuration (validated by the project's one
 * `parseConfig`) plus the settings only the infrastructure needs (operator address, queue and
 * function sizing, alarm thresholds, SES identity, SNS subscribers, tags, StackSet targets).
 * Pure: the app reads the JSON file and passes the object in.
 */
import * as z from 'zod/mini';
import { parseConfig, type SendingConfig, sendingConfig } from '../../functions/core/config.js';
import { ConfigError } from '../../functions/core/errors.js';
import { describeIssue, jsonPath } from '../../functions/core/schema-issue.js';
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

const notifierSchema = z.strictObject({
  /** Construct id, also used in resource names: letters and digits. */
  id: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/)),
  /** The notifier configuration (functions/core/config.ts). For SNS, leave out `sns`: the stack creates the topic. */
  notifier: z.unknown(),
  ses: z.prefault(
    z.strictObject({
      /** Send from a verified domain instead of the `ses.from` address. */
      identityDomain: z.optional(z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i))),
      /** Create the identity (SES sends a verification email or needs DNS records) instead of referencing it. */
      createIdentity: z._default(z.boolean(), false),
      /** Create the configuration set named in `notifier.ses.configurationSet` instead of referencing it. */
      createConfigurationSet: z._default(z.boolean(), false),
      /** The account is in the SES sandbox: also grant sending to the (verified) recipient identities. */
      sandbox: z._default(z.boolean(), false),
    }),
    {},
  ),
  sns: z.prefault(
    z.strictObject({
      subscriptionEmails: z._default(z.array(z.email()), []),
      /** KMS keys of encrypted route topics (`policy.routes[].snsTopicArn`): the function may use exactly these. */
      routeTopicKeyArns: z._default(z.array(z.string().check(z.regex(/^arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:key\/[\w-]+$/))), []),
    }),
    {},
  ),
  queue: z.prefault(
    z.strictObject({
      batchSize: z._default(int(1, 10), DEPLOY_DEFAULTS.queue.batchSize),
      maxBatchingWindowSeconds: z._default(int(0, 300), DEPLOY_DEFAULTS.queue.maxBatchingWindowSeconds),
      maxReceiveCount: z._default(int(1, 1000), DEPLOY_DEFAULTS.queue.maxReceiveCount),
      /** The event source's maximum concurrency (2-1000); nothing is reserved, so a new account can deploy it. */
      maxConcurrency: z._default(int(2, 1000), DEPLOY_DEFAULTS.queue.maxConcurrency),
    }),
    {},
  ),
  function: z.prefault(
    z.strictObject({
      memorySize: z._default(int(128, 10240), DEPLOY_DEFAULTS.function.memorySize),
      timeoutSeconds: z._default(int(3, 900), DEPLOY_DEFAULTS.function.timeoutSeconds),
      logRetentionDays: z._default(z.literal(LOG_RETENTION_DAYS), DEPLOY_DEFAULTS.function.logRetentionDays),
      logLevel: z._default(z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']), DEPLOY_DEFAULTS.function.logLevel),
    }),
    {},
  ),
  alarms: z.prefault(
    z.strictObject({ oldestMessageAgeSeconds: z._default(int(60, 1_209_600), DEPLOY_DEFAULTS.alarms.oldestMessageAgeSeconds) }),
    {},
  ),
  /** The Security Hub custom action people pick to mail findings; its ARN is the only one the action rule matches (plus `filters.customActionArns`). */
  customAction: z.prefault(
    z.strictObject({
      /** Create it (Security Hub must be enabled first); false to reference an action made elsewhere by `id`. */
      create: z._default(z.boolean(), true),
      /** Unique in the account and Region; by default derived from the stack and notifier. */
      id: z.optional(z.string().check(z.regex(/^[A-Za-z0-9]{1,20}$/))),
      name: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
      description: z.optional(z.string().check(z.minLength(1), z.maxLength(1000))),
    }),
    {},
  ),
});

const stackSetSchema = z.strictObject({
  stackSetName: z._default(cfnName(), 'securityhub-email-notifier'),
  /** Regions to deploy to in every target account. */
  regions: z.array(z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/))).check(z.minLength(1)),
  /** SERVICE_MANAGED (AWS Organizations) targets organizational units; SELF_MANAGED targets accounts. */
  permissionModel: z._default(z.enum(['SERVICE_MANAGED', 'SELF_MANAGED']), 'SERVICE_MANAGED'),
  organizationalUnitIds: z.optional(z.array(z.string().check(z.regex(/^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$/)))),
  accounts: z.optional(z.array(z.string().check(z.regex(/^\d{12}$/)))),
  /**
   * SERVICE_MANAGED: accounts of those organizational units to leave out, such as the Security Hub
   * administrator account, whose feed already carries its members' findings (they would be mailed twice).
   */
  excludeAccounts: z._default(z.array(z.string().check(z.regex(/^\d{12}$/))), []),
  /** DELEGATED_ADMIN when the deploying account is a StackSets delegated administrator. */
  callAs: z._default(z.enum(['SELF', 'DELEGATED_ADMIN']), 'SELF'),
});

const deploySchema = z.strictObject({
  /** Name of the home-Region stack. */
  stackName: z._default(cfnName(), 'SecurityHubEmailNotifier'),
  /** Who receives the operational alarms (dead letters, errors, throttles, backlog). */
  operatorEmail: z.optional(z.email()),
  tags: z._default(z.record(z.string(), z.string()), {}),
  notifiers: z.array(notifierSchema).check(z.minLength(1)),
  /** Per-Region StackSet deployment, for organizations without cross-Region aggregation. */
  stackSet: z.optional(stackSetSchema),
});

type RawDeployConfig = z.infer<typeof deploySchema>;
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
  const result = deploySchema.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new ConfigError(source, 'invalid deployment configuration');
    throw new ConfigError(jsonPath(issue.path, source), describeIssue(issue));
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

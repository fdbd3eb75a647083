import { Annotations, Duration, Names, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as securityhub from 'aws-cdk-lib/aws-securityhub';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  ACTION_ARN_VARIABLE,
  FLUSH_QUEUE_VARIABLE,
  STATE_TABLE_VARIABLE,
  TOPIC_ARN_VARIABLE,
  WINDOW_TABLE_VARIABLE,
} from '../../functions/adapters/lambda-config.js';
import { METRICS_SERVICE } from '../../functions/adapters/metric-names.js';
import type { SendingConfig } from '../../functions/core/config.js';
import { ConfigError } from '../../functions/core/errors.js';
import { grantDirectoryRead } from './account-directory-access.js';
import { type CustomActionOptions, createCustomAction } from './custom-action.js';
import { DEPLOY_DEFAULTS, VISIBILITY_TIMEOUT_FACTOR } from './defaults.js';
import { DeliveryWindows } from './delivery-windows.js';
import { EncryptedTopic } from './encrypted-topic.js';
import { buildRulePatterns, type EventPatternJson, MAX_PATTERN_LENGTH } from './event-pattern.js';
import { HANDLER } from './function-code.js';
import { type CodePackaging, packageFunction } from './function-package.js';
import { createAlarmTopic, createNotifierAlarms } from './notifier-alarms.js';
import { addNotifierOutputs } from './notifier-outputs.js';
import { createFailedAlarm, createStateTable } from './notifier-state.js';
import { DEFAULT_HANDLER_ENTRY } from './paths.js';
import { checkRouteTopicRegions, grantRouteTopics } from './route-topics.js';
import { createSesFeedback } from './ses-feedback.js';
import { SesSender, type SesSenderProps } from './ses-sender.js';
import { NotifierSummary } from './summary-schedule.js';

export type { CustomActionOptions } from './custom-action.js';
export type { CodePackaging } from './function-package.js';

/** Properties of a {@link SecurityHubEmailNotifier}. */
export interface SecurityHubEmailNotifierProps {
  /**
   * The notifier configuration (`parseConfig`, then `sendingConfig`: `ses` or `sns`). It selects the
   * transport, builds the event pattern and travels with the function's code (`notifier.config.json`).
   * With `transport: 'sns'` the construct creates the topic and gives the function its ARN instead of `sns.topicArn`.
   */
  readonly config: SendingConfig;
  /**
   * SES identity and configuration set settings (used with `transport: 'ses'`).
   * @default - the `ses.from` address identity and configuration set are referenced, not created
   */
  readonly ses?: Omit<SesSenderProps, 'ses' | 'routeRecipients'>;
  /**
   * KMS keys of encrypted route topics (`policy.routes[].snsTopicArn`, transport `sns`): the function
   * gets `kms:Decrypt` and `kms:GenerateDataKey` on exactly these, or SNS refuses its messages.
   * @default - none (the route topics are not encrypted with a customer managed key)
   */
  readonly routeTopicKeyArns?: readonly string[];
  /**
   * Email addresses subscribed to the delivery topic (used with `transport: 'sns'`).
   * @default - none; subscribe later
   */
  readonly subscriptionEmails?: readonly string[];
  /**
   * The custom action this notifier creates and answers to. The action rule matches its ARN (and
   * `config.filters.customActionArns`), never other tools' actions.
   * @default - a "Send by email" action
   */
  readonly customAction?: CustomActionOptions;
  /**
   * Topic the operational alarms go to.
   * @default - a new KMS-encrypted topic, subscribed by `operatorEmail`
   */
  readonly alarmTopic?: sns.ITopic;
  /**
   * Who receives the alarms when the construct creates the alarm topic.
   * @default - no subscription
   */
  readonly operatorEmail?: string;
  /**
   * The handler file (TypeScript, exporting `handler`).
   * @default functions/handler.ts
   */
  readonly entry?: string;
  /**
   * `asset` bundles into a CDK file asset (needs a bootstrapped account); `inline` puts the
   * compressed bundle in the template (StackSets: no asset bucket in member accounts).
   * @default 'asset'
   */
  readonly codePackaging?: CodePackaging;
  /**
   * Memory of the function in MB.
   * @default DEPLOY_DEFAULTS.function.memorySize
   */
  readonly memorySize?: number;
  /**
   * Function timeout. The queues' visibility timeout is `VISIBILITY_TIMEOUT_FACTOR` (6) times this, plus the batching window.
   * @default Duration.seconds(DEPLOY_DEFAULTS.function.timeoutSeconds)
   */
  readonly timeout?: Duration;
  /**
   * The event source's maximum concurrency (2-1000): at most this many invocations at once, which
   * keeps the send rate within SES and SNS limits (SNS email: 10 messages a second per endpoint).
   * Nothing is reserved: a new account has 10 concurrent executions and Lambda keeps 100 unreserved,
   * so any reserved concurrency fails there ("Configuring reserved concurrency",
   * https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html). The event source
   * stops polling at this limit instead of throttling, so no message is lost to a throttle
   * ("Configuring maximum concurrency for Amazon SQS event sources",
   * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html).
   * @default DEPLOY_DEFAULTS.queue.maxConcurrency
   */
  readonly maxConcurrency?: number;
  /**
   * How long the function's logs are kept.
   * @default DEPLOY_DEFAULTS.function.logRetentionDays
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Powertools log level.
   * @default DEPLOY_DEFAULTS.function.logLevel
   */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * Messages per invocation (1-10).
   * @default DEPLOY_DEFAULTS.queue.batchSize
   */
  readonly batchSize?: number;
  /**
   * How long the event source gathers messages before invoking. Short: the delivery windows group
   * findings across invocations, and a lone finding is mailed within a minute (docs/windows.md).
   * @default Duration.seconds(DEPLOY_DEFAULTS.queue.maxBatchingWindowSeconds)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Receives before a message moves to the dead-letter queue (the buffer's and the flush queue's).
   * @default DEPLOY_DEFAULTS.queue.maxReceiveCount
   */
  readonly maxReceiveCount?: number;
  /**
   * What happens to the dedup state table when the stack is deleted. Losing it only means some
   * findings are mailed once more.
   * @default RemovalPolicy.DESTROY
   */
  readonly stateTableRemovalPolicy?: RemovalPolicy;
  /**
   * Age of the oldest buffered message that raises an alarm.
   * @default Duration.seconds(DEPLOY_DEFAULTS.alarms.oldestMessageAgeSeconds)
   */
  readonly oldestMessageAgeThreshold?: Duration;
}

/**
 * Security Hub findings to readable emails: EventBridge rules (filters in the pattern) -> SQS
 * buffer -> Lambda (batch, partial failures) -> SES or SNS; a dead-letter queue for the buffer
 * and one for the rule targets, and alarms on both, on errors, throttles and backlog.
 *
 * @example
 * new SecurityHubEmailNotifier(this, 'Notifier', {
 *   config: sendingConfig(parseConfig({ transport: 'ses', ses: { from: 'alerts@example.com', to: ['team@example.com'] } })),
 *   operatorEmail: 'ops@example.com',
 * });
 */
export class SecurityHubEmailNotifier extends Construct {
  /** One rule per event family (ASFF imported, OCSF imported V2, our custom actions, insight results). */
  readonly rules: readonly events.Rule[];
  /** The "Send by email" custom action, unless `customAction.create` is false. */
  readonly actionTarget?: securityhub.CfnActionTarget;
  /** The ARN of the custom action the action rule matches (created here or not). */
  readonly actionArn: string;
  /** Buffers matched events for the function. */
  readonly queue: sqs.Queue;
  /** Where buffered messages go after `maxReceiveCount` failed receives (14 days). */
  readonly deadLetterQueue: sqs.Queue;
  /** Where EventBridge puts events it could not deliver to the buffer (14 days). */
  readonly targetDeadLetterQueue: sqs.Queue;
  /** The notifier function. */
  readonly function: lambda.Function;
  /** The function's log group. */
  readonly logGroup: logs.LogGroup;
  /** The function's role. */
  readonly role: iam.Role;
  /** The SES sender (identity, configuration set), with `transport: 'ses'`. */
  readonly sesSender?: SesSender;
  /** The KMS-encrypted delivery topic, with `transport: 'sns'`. */
  readonly deliveryTopic?: EncryptedTopic;
  /** The dedup state (per finding: the material state last mailed and when; event-id claims). */
  readonly stateTable: dynamodb.Table;
  /** The summary emails (function and one schedule per route), with `config.summary`. */
  readonly summary?: NotifierSummary;
  /** The delivery windows: window table, flush queue and its dead-letter queue. */
  readonly windows: DeliveryWindows;
  /** Where the alarms go. */
  readonly alarmTopic: sns.ITopic;
  /** Dead letters (buffer and rule target), function errors and throttles, oldest buffered message, failed emails. */
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: SecurityHubEmailNotifierProps) {
    super(scope, id);
    const { config } = props;
    const timeout = props.timeout ?? Duration.seconds(DEPLOY_DEFAULTS.function.timeoutSeconds);
    const window = props.maxBatchingWindow ?? Duration.seconds(DEPLOY_DEFAULTS.queue.maxBatchingWindowSeconds);
    const concurrency = props.maxConcurrency ?? DEPLOY_DEFAULTS.queue.maxConcurrency;
    const maxReceiveCount = props.maxReceiveCount ?? DEPLOY_DEFAULTS.queue.maxReceiveCount;
    if (!Number.isInteger(concurrency) || concurrency < 2 || concurrency > 1000) {
      throw new ConfigError('maxConcurrency', 'an integer from 2 to 1000 (what an SQS event source accepts)');
    }

    const visibilityTimeout = Duration.seconds(timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR + window.toSeconds());
    const queues = this.createQueues(maxReceiveCount, visibilityTimeout);
    this.deadLetterQueue = queues.deadLetterQueue;
    this.targetDeadLetterQueue = queues.targetDeadLetterQueue;
    this.queue = queues.queue;
    const action = createCustomAction(this, props.customAction ?? {}, config.detailTypes.includes('customAction'));
    this.actionArn = action.arn;
    if (action.target) this.actionTarget = action.target;
    this.rules = buildRulePatterns(config, [this.actionArn]).map(({ family, description, pattern, folded }) => {
      const rule = new events.Rule(this, `${family[0]?.toUpperCase()}${family.slice(1)}Rule`, {
        description,
        eventPattern: toCdkPattern(pattern),
        targets: [
          new targets.SqsQueue(this.queue, {
            deadLetterQueue: this.targetDeadLetterQueue,
            retryAttempts: 185,
            maxEventAge: Duration.hours(24),
          }),
        ],
      });
      if (folded.length > 0) {
        Annotations.of(rule).addInfo(
          `${folded.join(', ')} left to the function: the ${family} rule's pattern would pass EventBridge's ${MAX_PATTERN_LENGTH} characters`,
        );
      }
      return rule;
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Security Hub email notifier: read the buffer, write logs, send email',
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? DEPLOY_DEFAULTS.function.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.logGroup.grantWrite(this.role);

    // Deploy-time tokens go in the environment; the rest of the configuration travels with the code.
    const tokens: Record<string, string> = {};
    const { sns: _topic, stateTable: _table, windowTable: _windows, flushQueueUrl: _flushes, ...rest } = config;
    let fileConfig: object = rest;
    /** What sending takes, for this function and the summary's. */
    let grantSend: (role: iam.IRole) => void;
    if (config.transport === 'ses') {
      const routeRecipients = config.policy.routes.flatMap((route) => (route.ses ? [...route.ses.to, ...route.ses.cc] : []));
      // Every notifier sends through a configuration set, whose event destination reports bounces and complaints.
      const configurationSet = config.ses.configurationSet ?? Names.uniqueResourceName(this, { maxLength: 64, separator: '-' });
      const own = config.ses.configurationSet === undefined ? { createConfigurationSet: true } : {};
      const sender = new SesSender(this, 'Ses', { ...props.ses, ...own, ses: { ...config.ses, configurationSet }, routeRecipients });
      this.sesSender = sender;
      grantSend = (role) => sender.grantSend(role);
      fileConfig = { ...fileConfig, ses: { ...config.ses, configurationSet } };
    } else {
      this.deliveryTopic = new EncryptedTopic(this, 'Delivery', {
        displayName: 'Security Hub findings',
        emails: props.subscriptionEmails ?? [],
      });
      const delivery = this.deliveryTopic;
      const routeKeys = props.routeTopicKeyArns ?? [];
      grantSend = (role) => {
        // Exact actions rather than grantPublish's `kms:GenerateDataKey*`.
        iam.Grant.addToPrincipal({ grantee: role, actions: ['sns:Publish'], resourceArns: [delivery.topic.topicArn] });
        delivery.key.grant(role, 'kms:Decrypt', 'kms:GenerateDataKey');
        // Routes may name their own topics (policy.routes[].snsTopicArn): exactly those, with their keys.
        grantRouteTopics(role, config, routeKeys);
      };
      checkRouteTopicRegions(this, config);
      tokens[TOPIC_ARN_VARIABLE] = delivery.topic.topicArn;
    }
    grantSend(this.role);
    grantDirectoryRead(this.role, config);

    this.stateTable = createStateTable(this, this.role, props.stateTableRemovalPolicy ?? RemovalPolicy.DESTROY);
    tokens[STATE_TABLE_VARIABLE] = this.stateTable.tableName;
    if (config.detailTypes.includes('customAction')) tokens[ACTION_ARN_VARIABLE] = this.actionArn;
    this.windows = new DeliveryWindows(this, 'Windows', {
      role: this.role,
      timeout,
      maxReceiveCount,
      removalPolicy: props.stateTableRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    tokens[WINDOW_TABLE_VARIABLE] = this.windows.table.tableName;
    tokens[FLUSH_QUEUE_VARIABLE] = this.windows.flushQueue.queueUrl;

    const code = packageFunction(props.entry ?? DEFAULT_HANDLER_ENTRY, props.codePackaging ?? 'asset', fileConfig);
    this.function = new lambda.Function(this, 'Function', {
      code: code.code,
      handler: HANDLER,
      role: this.role,
      logGroup: this.logGroup,
      architecture: lambda.Architecture.ARM_64,
      runtime: lambda.Runtime.NODEJS_24_X,
      memorySize: props.memorySize ?? DEPLOY_DEFAULTS.function.memorySize,
      timeout,
      description: 'Turns Security Hub findings into readable emails',
      // The one place the function's environment is written.
      environment: {
        ...code.environment,
        ...tokens,
        POWERTOOLS_SERVICE_NAME: METRICS_SERVICE,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? DEPLOY_DEFAULTS.function.logLevel,
      },
    });
    this.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.batchSize ?? DEPLOY_DEFAULTS.queue.batchSize,
        maxBatchingWindow: window,
        maxConcurrency: concurrency,
        reportBatchItemFailures: true,
      }),
    );
    this.windows.addFlushSource(this.function, concurrency);

    if (config.summary) {
      this.summary = new NotifierSummary(this, 'Summary', {
        config,
        fileConfig,
        tokens,
        ...(props.codePackaging ? { codePackaging: props.codePackaging } : {}),
        stateTable: this.stateTable,
        grantSend,
        ...(props.logRetention ? { logRetention: props.logRetention } : {}),
      });
    }

    this.alarmTopic = props.alarmTopic ?? createAlarmTopic(this, 'Alarms', props.operatorEmail).topic;
    const alarms = createNotifierAlarms(this, {
      fn: this.function,
      queue: this.queue,
      deadLetterQueues: { Buffer: this.deadLetterQueue, RuleTarget: this.targetDeadLetterQueue, Flush: this.windows.flushDeadLetterQueue },
      oldestMessageAgeThreshold: props.oldestMessageAgeThreshold ?? Duration.seconds(DEPLOY_DEFAULTS.alarms.oldestMessageAgeSeconds),
      topic: this.alarmTopic,
    });
    const configurationSetName = this.sesSender?.configurationSetName;
    const feedback = configurationSetName
      ? createSesFeedback(
          this,
          this.sesSender?.configurationSet ?? ses.ConfigurationSet.fromConfigurationSetName(this, 'ConfigurationSet', configurationSetName),
          configurationSetName,
          this.alarmTopic,
        )
      : [];
    this.alarms = [...alarms, createFailedAlarm(this, this.alarmTopic), ...feedback];
    addNotifierOutputs(this);
  }

  private createQueues(maxReceiveCount: number, visibilityTimeout: Duration) {
    const common = { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;
    const deadLetters = { ...common, retentionPeriod: Duration.days(14) };
    const deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', deadLetters);
    const targetDeadLetterQueue = new sqs.Queue(this, 'RuleTargetDeadLetterQueue', deadLetters);
    const queue = new sqs.Queue(this, 'Buffer', {
      ...common,
      visibilityTimeout,
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount },
    });
    Validations.of(targetDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue: the EventBridge rule target puts events here it could not deliver to the buffer.',
    });
    return { queue, deadLetterQueue, targetDeadLetterQueue };
  }
}

/** The JSON form (`detail-type`) to the CDK form (`detailType`). */
function toCdkPattern(pattern: EventPatternJson): events.EventPattern {
  return {
    source: [...pattern.source],
    detailType: [...pattern['detail-type']],
    ...(pattern.resources ? { resources: [...pattern.resources] } : {}),
    ...(pattern.detail ? { detail: pattern.detail } : {}),
  };
}

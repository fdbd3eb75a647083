import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_SERVICE } from '../../functions/adapters/metric-names.js';
import type { NotifierConfig } from '../../functions/core/config.js';
import { ConfigError } from '../../functions/core/errors.js';
import { DeliveryWindows } from './delivery-windows.js';
import { EncryptedTopic } from './encrypted-topic.js';
import { buildRulePatterns, type EventPatternJson } from './event-pattern.js';
import { ASSET_BUNDLING, bundleInline, INLINE_HANDLER } from './function-code.js';
import { createAlarmTopic, createNotifierAlarms } from './notifier-alarms.js';
import { createFailedAlarm, createStateTable } from './notifier-state.js';
import { DEFAULT_HANDLER_ENTRY, LOCK_FILE, PROJECT_ROOT } from './paths.js';
import { SesSender, type SesSenderProps } from './ses-sender.js';

/** How the handler code reaches Lambda. */
export type CodePackaging = 'asset' | 'inline';

/** Properties of a {@link SecurityHubEmailNotifier}. */
export interface SecurityHubEmailNotifierProps {
  /**
   * The notifier configuration (`parseConfig`). It selects the transport, builds the event
   * pattern and becomes the function's `NOTIFIER_CONFIG`. With `transport: 'sns'` the
   * construct creates the topic and replaces `sns.topicArn` with its ARN.
   */
  readonly config: NotifierConfig;
  /**
   * SES identity and configuration set settings (used with `transport: 'ses'`).
   * @default - the `ses.from` address identity and configuration set are referenced, not created
   */
  readonly ses?: Omit<SesSenderProps, 'ses' | 'routeRecipients'>;
  /**
   * Email addresses subscribed to the delivery topic (used with `transport: 'sns'`).
   * @default - none; subscribe later
   */
  readonly subscriptionEmails?: readonly string[];
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
   * `asset` bundles with NodejsFunction into a CDK file asset (needs a bootstrapped account);
   * `inline` puts the minified bundle in the template (StackSets: no asset bucket in member accounts).
   * @default 'asset'
   */
  readonly codePackaging?: CodePackaging;
  /**
   * Memory of the function in MB.
   * @default 256
   */
  readonly memorySize?: number;
  /**
   * Function timeout. The queue's visibility timeout is six times this plus the batching window.
   * @default Duration.seconds(60)
   */
  readonly timeout?: Duration;
  /**
   * Reserved concurrency, also the event source's maximum concurrency: keeps the send rate within
   * SES and SNS limits (SNS email: 10 messages a second per endpoint). At least 2.
   * @default 2
   */
  readonly reservedConcurrency?: number;
  /**
   * How long the function's logs are kept.
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Powertools log level.
   * @default 'INFO'
   */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * Messages per invocation (1-10).
   * @default 10
   */
  readonly batchSize?: number;
  /**
   * How long the event source gathers messages before invoking. Short: the delivery windows group
   * findings across invocations, and a lone finding is mailed within a minute (docs/windows.md).
   * @default Duration.seconds(5)
   */
  readonly maxBatchingWindow?: Duration;
  /**
   * Receives before a message moves to the dead-letter queue.
   * @default 5
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
   * @default Duration.minutes(15)
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
 *   config: parseConfig({ transport: 'ses', ses: { from: 'alerts@example.com', to: ['team@example.com'] } }),
 *   operatorEmail: 'ops@example.com',
 * });
 */
export class SecurityHubEmailNotifier extends Construct {
  /** One rule per event family (ASFF imported, OCSF imported V2, custom action and insight results). */
  readonly rules: readonly events.Rule[];
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
  /** The delivery windows: window table, flush queue and its dead-letter queue. */
  readonly windows: DeliveryWindows;
  /** Where the alarms go. */
  readonly alarmTopic: sns.ITopic;
  /** Dead letters (buffer and rule target), function errors and throttles, oldest buffered message, failed emails. */
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: SecurityHubEmailNotifierProps) {
    super(scope, id);
    const { config } = props;
    const timeout = props.timeout ?? Duration.seconds(60);
    const window = props.maxBatchingWindow ?? Duration.seconds(5);
    const concurrency = props.reservedConcurrency ?? 2;
    if (concurrency < 2) throw new ConfigError('reservedConcurrency', 'at least 2 (the least an SQS event source can be limited to)');

    const queues = this.createQueues(props.maxReceiveCount ?? 5, Duration.seconds(timeout.toSeconds() * 6 + window.toSeconds()));
    this.deadLetterQueue = queues.deadLetterQueue;
    this.targetDeadLetterQueue = queues.targetDeadLetterQueue;
    this.queue = queues.queue;
    this.rules = buildRulePatterns(config).map(
      ({ family, description, pattern }) =>
        new events.Rule(this, `${family[0]?.toUpperCase()}${family.slice(1)}Rule`, {
          description,
          eventPattern: toCdkPattern(pattern),
          targets: [
            new targets.SqsQueue(this.queue, {
              deadLetterQueue: this.targetDeadLetterQueue,
              retryAttempts: 185,
              maxEventAge: Duration.hours(24),
            }),
          ],
        }),
    );

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Security Hub email notifier: read the buffer, write logs, send email',
    });
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.logGroup.grantWrite(this.role);

    let environmentConfig: NotifierConfig = config;
    if (config.transport === 'ses') {
      if (!config.ses) throw new ConfigError('config.ses', 'required when transport is "ses"');
      const routeRecipients = config.policy.routes.flatMap((route) => (route.ses ? [...route.ses.to, ...route.ses.cc] : []));
      this.sesSender = new SesSender(this, 'Ses', { ...props.ses, ses: config.ses, routeRecipients });
      this.sesSender.grantSend(this.role);
    } else if (config.transport === 'sns') {
      this.deliveryTopic = new EncryptedTopic(this, 'Delivery', {
        displayName: 'Security Hub findings',
        emails: props.subscriptionEmails ?? [],
      });
      // Exact actions rather than grantPublish's `kms:GenerateDataKey*`.
      // Routes may name their own topics (policy.routes[].snsTopicArn): exactly those ARNs too.
      const routeTopics = config.policy.routes.flatMap((route) => (route.snsTopicArn ? [route.snsTopicArn] : []));
      iam.Grant.addToPrincipal({
        grantee: this.role,
        actions: ['sns:Publish'],
        resourceArns: [this.deliveryTopic.topic.topicArn, ...new Set(routeTopics)],
      });
      this.deliveryTopic.key.grant(this.role, 'kms:Decrypt', 'kms:GenerateDataKey');
      environmentConfig = { ...config, sns: { topicArn: this.deliveryTopic.topic.topicArn } };
    } else {
      throw new ConfigError('config.transport', 'a deployed notifier sends with "ses" or "sns"; "file" is for replay');
    }

    this.stateTable = createStateTable(this, this.role, props.stateTableRemovalPolicy ?? RemovalPolicy.DESTROY);
    this.windows = new DeliveryWindows(this, 'Windows', {
      role: this.role,
      timeout,
      maxReceiveCount: props.maxReceiveCount ?? 5,
      removalPolicy: props.stateTableRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    environmentConfig = {
      ...environmentConfig,
      stateTable: this.stateTable.tableName,
      windowTable: this.windows.table.tableName,
      flushQueueUrl: this.windows.flushQueue.queueUrl,
    };

    const inline = props.codePackaging === 'inline';
    this.function = this.createFunction(props.entry ?? DEFAULT_HANDLER_ENTRY, inline, {
      role: this.role,
      logGroup: this.logGroup,
      architecture: lambda.Architecture.ARM_64,
      runtime: lambda.Runtime.NODEJS_24_X,
      memorySize: props.memorySize ?? 256,
      timeout,
      reservedConcurrentExecutions: concurrency,
      description: 'Turns Security Hub findings into readable emails',
      // The one place the function's environment is written.
      environment: {
        NOTIFIER_CONFIG: Stack.of(this).toJsonString(environmentConfig),
        POWERTOOLS_SERVICE_NAME: METRICS_SERVICE,
        POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
        ...(inline ? {} : { NODE_OPTIONS: '--enable-source-maps' }),
      },
    });
    this.function.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.batchSize ?? 10,
        maxBatchingWindow: window,
        maxConcurrency: concurrency,
        reportBatchItemFailures: true,
      }),
    );
    this.windows.addFlushSource(this.function, concurrency);

    this.alarmTopic = props.alarmTopic ?? createAlarmTopic(this, 'Alarms', props.operatorEmail).topic;
    const alarms = createNotifierAlarms(this, {
      fn: this.function,
      queue: this.queue,
      deadLetterQueues: { Buffer: this.deadLetterQueue, RuleTarget: this.targetDeadLetterQueue, Flush: this.windows.flushDeadLetterQueue },
      oldestMessageAgeThreshold: props.oldestMessageAgeThreshold ?? Duration.minutes(15),
      topic: this.alarmTopic,
    });
    this.alarms = [...alarms, createFailedAlarm(this, this.alarmTopic)];
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

  private createFunction(entry: string, inline: boolean, common: lambda.FunctionOptions & { runtime: lambda.Runtime }): lambda.Function {
    if (inline) {
      return new lambda.Function(this, 'Function', {
        ...common,
        handler: INLINE_HANDLER,
        code: lambda.Code.fromInline(bundleInline(entry)),
      });
    }
    return new nodejs.NodejsFunction(this, 'Function', {
      ...common,
      entry,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: LOCK_FILE,
      bundling: ASSET_BUNDLING,
    });
  }
}

/** The JSON form (`detail-type`) to the CDK form (`detailType`). */
function toCdkPattern(pattern: EventPatternJson): events.EventPattern {
  return {
    source: [...pattern.source],
    detailType: [...pattern['detail-type']],
    ...(pattern.detail ? { detail: pattern.detail } : {}),
  };
}

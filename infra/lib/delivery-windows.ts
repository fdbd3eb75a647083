/**
 * The delivery windows' infrastructure (docs/windows.md): the window table (pending findings per
 * group, window claims, the shared send budget), the flush queue with its dead-letter queue, and
 * the flush queue as a second event source of the same function, with exactly the actions the
 * function uses on them.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { VISIBILITY_TIMEOUT_FACTOR } from './defaults.js';

/** The DynamoDB actions the window adapters call (`functions/adapters/windows/`). */
export const WINDOW_TABLE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
];

export interface DeliveryWindowsProps {
  /** The function's role: granted the window table's actions and `sqs:SendMessage` on the flush queue. */
  readonly role: iam.IRole;
  /** The function timeout: the flush queue's visibility timeout is `VISIBILITY_TIMEOUT_FACTOR` times this (AWS's advice for SQS event sources). */
  readonly timeout: Duration;
  /** Receives before a flush message moves to its dead-letter queue. */
  readonly maxReceiveCount: number;
  /** What happens to the window table when the stack is deleted. @default RemovalPolicy.DESTROY */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * @example
 * const windows = new DeliveryWindows(this, 'Windows', { role, timeout, maxReceiveCount: 5 });
 * windows.addFlushSource(fn, 2);
 */
export class DeliveryWindows extends Construct {
  /** Pending findings per group (`pk` = group, `sk` = `window` or `p#<finding>`), send budgets. */
  readonly table: dynamodb.Table;
  /** Delayed flush messages, one per scheduled flush of a group. */
  readonly flushQueue: sqs.Queue;
  /** Where flush messages go after `maxReceiveCount` receives (14 days); their findings wait in the table. */
  readonly flushDeadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: DeliveryWindowsProps) {
    super(scope, id);
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expiresAt',
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    const common = { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;
    this.flushDeadLetterQueue = new sqs.Queue(this, 'FlushDeadLetterQueue', { ...common, retentionPeriod: Duration.days(14) });
    this.flushQueue = new sqs.Queue(this, 'FlushQueue', {
      ...common,
      visibilityTimeout: Duration.seconds(props.timeout.toSeconds() * VISIBILITY_TIMEOUT_FACTOR),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.flushDeadLetterQueue, maxReceiveCount: props.maxReceiveCount },
    });
    iam.Grant.addToPrincipal({ grantee: props.role, actions: WINDOW_TABLE_ACTIONS, resourceArns: [this.table.tableArn] });
    iam.Grant.addToPrincipal({ grantee: props.role, actions: ['sqs:SendMessage'], resourceArns: [this.flushQueue.queueArn] });
  }

  /**
   * Makes the flush queue an event source of `fn`: batches of up to 10 with no batching window
   * (a flush is due when its message arrives), at most `maxConcurrency` at once.
   */
  addFlushSource(fn: lambda.IFunction, maxConcurrency: number): void {
    fn.addEventSource(new SqsEventSource(this.flushQueue, { batchSize: 10, maxConcurrency, reportBatchItemFailures: true }));
  }
}

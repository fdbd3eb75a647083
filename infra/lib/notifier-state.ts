/**
 * The notifier's dedup state: a DynamoDB table (on demand, TTL `expiresAt`, AWS-managed encryption,
 * point-in-time recovery) with exactly the actions the function uses (`UpdateItem`: the flush's claims on findings), and an alarm on the
 * function's own `Failed` metric (an email not delivered, an input not readable).
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE, METRICS_SERVICE } from '../../functions/adapters/metric-names.js';
import { atLeastOne } from './notifier-alarms.js';

/** The DynamoDB actions the state store calls (`functions/adapters/state/dynamodb-store.ts`). */
export const STATE_TABLE_ACTIONS = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:PutItem',
  'dynamodb:DeleteItem',
  'dynamodb:UpdateItem',
];

/**
 * Creates the state table and grants `role` exactly `STATE_TABLE_ACTIONS` on it. The state is a
 * record of what was mailed: losing it means some findings are mailed once more, so it is
 * destroyed with the stack by default.
 *
 * @example
 * const table = createStateTable(this, role, RemovalPolicy.DESTROY);
 */
export function createStateTable(scope: Construct, role: iam.IRole, removalPolicy: RemovalPolicy): dynamodb.Table {
  const table = new dynamodb.Table(scope, 'StateTable', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    timeToLiveAttribute: 'expiresAt',
    encryption: dynamodb.TableEncryption.AWS_MANAGED,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy,
  });
  iam.Grant.addToPrincipal({ grantee: role, actions: STATE_TABLE_ACTIONS, resourceArns: [table.tableArn] });
  return table;
}

/**
 * An alarm on any `Failed` count (EMF from the function, namespace `SecurityHubEmailNotifier`)
 * within five minutes, to the operator topic.
 */
export function createFailedAlarm(scope: Construct, topic: sns.ITopic): cloudwatch.Alarm {
  const alarm = atLeastOne(
    scope,
    'FailedAlarm',
    'The notifier could not deliver an email or read an input (see the function logs)',
    new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName: METRIC.failed,
      dimensionsMap: { service: METRICS_SERVICE },
      period: Duration.minutes(5),
      statistic: 'Sum',
    }),
  );
  alarm.addAlarmAction(new actions.SnsAction(topic));
  return alarm;
}

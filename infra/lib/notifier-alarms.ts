import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { EncryptedTopic } from './encrypted-topic.js';

/** What the notifier alarms watch, and where they report. */
export interface NotifierAlarmsProps {
  readonly fn: lambda.IFunction;
  readonly queue: sqs.IQueue;
  /** Dead-letter queues by a short name used in the alarm id. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  readonly oldestMessageAgeThreshold: Duration;
  readonly topic: sns.ITopic;
}

/**
 * Alarms for everything that must not end silently: any message in a dead-letter queue, any
 * function error or throttle, and a backlog older than the threshold. Each notifies the topic.
 */
export function createNotifierAlarms(scope: Construct, props: NotifierAlarmsProps): cloudwatch.Alarm[] {
  const minute = Duration.minutes(1);
  const alarms = Object.entries(props.deadLetterQueues).map(([name, queue]) =>
    atLeastOne(
      scope,
      `${name}DeadLettersAlarm`,
      `A message reached the ${name} dead-letter queue`,
      queue.metricApproximateNumberOfMessagesVisible({ period: minute, statistic: 'Maximum' }),
    ),
  );
  alarms.push(
    atLeastOne(
      scope,
      'ErrorsAlarm',
      'The notifier function failed',
      props.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
    ),
    atLeastOne(
      scope,
      'ThrottlesAlarm',
      'The notifier function was throttled',
      props.fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
    ),
    new cloudwatch.Alarm(scope, 'OldestMessageAlarm', {
      alarmDescription: `A buffered finding has waited longer than ${props.oldestMessageAgeThreshold.toHumanString()}`,
      metric: props.queue.metricApproximateAgeOfOldestMessage({ period: minute, statistic: 'Maximum' }),
      threshold: props.oldestMessageAgeThreshold.toSeconds(),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }),
  );
  const action = new actions.SnsAction(props.topic);
  for (const alarm of alarms) alarm.addAlarmAction(action);
  return alarms;
}

/**
 * The operator's alarm topic: KMS-encrypted, published to by this account's CloudWatch alarms,
 * subscribed by `email` when given.
 */
export function createAlarmTopic(scope: Construct, id: string, email?: string): EncryptedTopic {
  return new EncryptedTopic(scope, id, {
    displayName: 'Security Hub notifier alarms',
    emails: email ? [email] : [],
    allowCloudWatchAlarms: true,
  });
}

/** An alarm on the first occurrence: at least 1 in one period; no data is not a breach. */
export function atLeastOne(scope: Construct, id: string, description: string, metric: cloudwatch.IMetric): cloudwatch.Alarm {
  return new cloudwatch.Alarm(scope, id, {
    alarmDescription: description,
    metric,
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
}

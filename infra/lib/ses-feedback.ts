/**
 * Bounces and complaints of a notifier's mail, which nobody would see otherwise: an SES event
 * destination on its configuration set publishes them as CloudWatch metrics (`AWS/SES` `Bounce`
 * and `Complaint`, one dimension per notifier), and an alarm on the first of each tells the
 * operator. A bouncing address or a complaint puts the account's sending at risk ("Monitor email
 * sending using Amazon SES event publishing", https://docs.aws.amazon.com/ses/latest/dg/monitor-using-event-publishing.html).
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as ses from 'aws-cdk-lib/aws-ses';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { atLeastOne } from './notifier-alarms.js';

/** The CloudWatch dimension the event destination writes; its value is the configuration set's name. */
export const SES_FEEDBACK_DIMENSION = 'notifier';

/**
 * Adds the event destination to `configurationSet` (created by the stack or referenced by name)
 * and returns the two alarms, both reporting to `topic`.
 *
 * @example
 * const alarms = createSesFeedback(this, sender.configurationSet ?? ses.ConfigurationSet.fromConfigurationSetName(this, 'Set', name), name, topic);
 */
export function createSesFeedback(
  scope: Construct,
  configurationSet: ses.IConfigurationSet,
  name: string,
  topic: sns.ITopic,
): cloudwatch.Alarm[] {
  new ses.ConfigurationSetEventDestination(scope, 'BouncesAndComplaints', {
    configurationSet,
    destination: ses.EventDestination.cloudWatchDimensions([
      { name: SES_FEEDBACK_DIMENSION, source: ses.CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: name },
    ]),
    events: [ses.EmailSendingEvent.BOUNCE, ses.EmailSendingEvent.COMPLAINT],
  });
  const alarms = (['Bounce', 'Complaint'] as const).map((metricName) =>
    atLeastOne(
      scope,
      `${metricName}Alarm`,
      `An email of this notifier ${metricName === 'Bounce' ? 'bounced' : 'was marked as spam'} (SES configuration set ${name})`,
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { [SES_FEEDBACK_DIMENSION]: name },
        period: Duration.minutes(5),
        statistic: 'Sum',
      }),
    ),
  );
  for (const alarm of alarms) alarm.addAlarmAction(new actions.SnsAction(topic));
  return alarms;
}

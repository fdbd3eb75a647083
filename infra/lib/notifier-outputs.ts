/**
 * The stack outputs of one notifier: what an operator (and `npm run smoke`) needs to find its
 * parts. Names start with the notifier's id, e.g. `FindingsQueueUrl`.
 */
import { CfnOutput } from 'aws-cdk-lib';
import type { SecurityHubEmailNotifier } from './security-hub-email-notifier.js';

/** Output names after the notifier's id, in the order they are added. */
export const OUTPUT_NAMES = [
  'QueueUrl',
  'DeadLetterQueueUrl',
  'RuleTargetDeadLetterQueueUrl',
  'FunctionName',
  'LogGroupName',
  'StateTableName',
  'ActionArn',
  'DeliveryTopicArn',
] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

/**
 * Adds the outputs of `notifier` in its own scope, named `<id><OutputName>`.
 *
 * @example addNotifierOutputs(this); // FindingsQueueUrl, FindingsDeadLetterQueueUrl, ...
 */
export function addNotifierOutputs(notifier: SecurityHubEmailNotifier): void {
  const values: Record<OutputName, [string | undefined, string]> = {
    QueueUrl: [notifier.queue.queueUrl, 'The buffer between the rules and the function'],
    DeadLetterQueueUrl: [notifier.deadLetterQueue.queueUrl, 'Messages the function failed 5 times (replay them, or redrive)'],
    RuleTargetDeadLetterQueueUrl: [notifier.targetDeadLetterQueue.queueUrl, 'Events EventBridge could not put in the buffer'],
    FunctionName: [notifier.function.functionName, 'The notifier function'],
    LogGroupName: [notifier.logGroup.logGroupName, "The function's log group"],
    StateTableName: [notifier.stateTable.tableName, 'The dedup state (what was mailed, and when)'],
    ActionArn: [notifier.actionArn, 'The "Send by email" custom action'],
    DeliveryTopicArn: [notifier.deliveryTopic?.topic.topicArn, 'The SNS topic the emails go through (transport sns)'],
  };
  const prefix = notifier.node.id.replace(/[^A-Za-z0-9]/g, '');
  for (const name of OUTPUT_NAMES) {
    const [value, description] = values[name];
    if (value === undefined) continue;
    new CfnOutput(notifier, `${name}Output`, { value, description }).overrideLogicalId(`${prefix}${name}`);
  }
}

/**
 * The construct on its own, as a user of the library would write it: only `config`, every other
 * prop left to its default. Each default is read from `DEPLOY_DEFAULTS`, the one module the
 * construct and the deployment configuration share, and must land in the template.
 */
import { CfnElement, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnEventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { parseConfig, sendingConfig } from '../../functions/core/config.js';
import { DEPLOY_DEFAULTS, VISIBILITY_TIMEOUT_FACTOR } from '../../infra/lib/defaults.js';
import { SecurityHubEmailNotifier, type SecurityHubEmailNotifierProps } from '../../infra/lib/security-hub-email-notifier.js';
import { FIXTURE_HANDLER, testApp } from './support/synth.js';

const config = sendingConfig(parseConfig({ transport: 'ses', ses: { from: 'alerts@example.com', to: ['team@example.com'] } }));

/** The notifier in a stack of its own, and the properties of the resources the defaults shape. */
function synth(props: SecurityHubEmailNotifierProps) {
  const stack = new Stack(testApp(), 'Construct');
  const notifier = new SecurityHubEmailNotifier(stack, 'Notifier', props);
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, { Properties: Record<string, unknown> }>;
  const logicalId = (construct: IConstruct) => {
    const cfn = construct instanceof CfnElement ? construct : construct.node.defaultChild;
    if (!CfnElement.isCfnElement(cfn)) throw new Error(`${construct.node.path} has no CloudFormation resource`);
    return stack.getLogicalId(cfn);
  };
  const properties = (construct: IConstruct) => resources[logicalId(construct)]?.Properties ?? {};
  const mappings = notifier.node.findAll().filter((c) => c instanceof CfnEventSourceMapping);
  const readerOf = (queue: IConstruct) =>
    properties(mappings.find((m) => JSON.stringify(properties(m).EventSourceArn).includes(logicalId(queue))) ?? notifier);
  return {
    template,
    fn: properties(notifier.function),
    buffer: properties(notifier.queue),
    flush: properties(notifier.windows.flushQueue),
    bufferSource: readerOf(notifier.queue),
    flushSource: readerOf(notifier.windows.flushQueue),
    alarm: (id: string) => properties(notifier.node.findChild(id)),
  };
}

describe('SecurityHubEmailNotifier with no optional props', () => {
  // Prepare, Act: the real handler (the default entry) is bundled once.
  const { template, fn, buffer, flush, bufferSource, flushSource, alarm } = synth({ config });
  const { queue, function: sizing, alarms } = DEPLOY_DEFAULTS;

  it('sizes the function with the default memory, timeout, log level and log retention', () => {
    expect(fn).toMatchObject({ MemorySize: sizing.memorySize, Timeout: sizing.timeoutSeconds });
    expect((fn.Environment as { Variables: Record<string, unknown> }).Variables.POWERTOOLS_LOG_LEVEL).toBe(sizing.logLevel);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: sizing.logRetentionDays });
  });

  it('reads the buffer in default batches, batching window and maximum concurrency; the flush queue with the same concurrency', () => {
    expect(bufferSource).toMatchObject({
      BatchSize: queue.batchSize,
      MaximumBatchingWindowInSeconds: queue.maxBatchingWindowSeconds,
      ScalingConfig: { MaximumConcurrency: queue.maxConcurrency },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    expect(flushSource).toMatchObject({ ScalingConfig: { MaximumConcurrency: queue.maxConcurrency } });
  });

  it('keeps each queue invisible for at least six function timeouts, as AWS asks of an SQS event source', () => {
    // "set the source queue's visibility timeout to at least six times the configuration timeout on
    // your function" (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html).
    const six = 6 * sizing.timeoutSeconds;

    expect(buffer.VisibilityTimeout).toBe(VISIBILITY_TIMEOUT_FACTOR * sizing.timeoutSeconds + queue.maxBatchingWindowSeconds);
    expect(buffer.VisibilityTimeout).toBeGreaterThanOrEqual(six);
    expect(flush.VisibilityTimeout).toBeGreaterThanOrEqual(six);
  });

  it('dead-letters a buffered or flush message after the default number of receives', () => {
    expect(buffer.RedrivePolicy).toMatchObject({ maxReceiveCount: queue.maxReceiveCount });
    expect(flush.RedrivePolicy).toMatchObject({ maxReceiveCount: queue.maxReceiveCount });
  });

  it('alarms at the default age of the oldest buffered message, and on the first dead letter, error and throttle', () => {
    expect(alarm('OldestMessageAlarm')).toMatchObject({
      Threshold: alarms.oldestMessageAgeSeconds,
      MetricName: 'ApproximateAgeOfOldestMessage',
    });
    for (const id of ['BufferDeadLettersAlarm', 'FlushDeadLettersAlarm', 'RuleTargetDeadLettersAlarm', 'ErrorsAlarm', 'ThrottlesAlarm']) {
      expect(alarm(id), id).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    }
  });
});

describe('SecurityHubEmailNotifier with props given', () => {
  const given = {
    memorySize: 512,
    timeout: Duration.seconds(120),
    batchSize: 4,
    maxBatchingWindow: Duration.seconds(20),
    maxConcurrency: 7,
    maxReceiveCount: 9,
    oldestMessageAgeThreshold: Duration.minutes(30),
  };
  const { fn, buffer, flush, bufferSource, flushSource, alarm } = synth({ config, entry: FIXTURE_HANDLER, ...given });

  it('uses each instead of its default, and the visibility timeouts follow the timeout', () => {
    expect(fn).toMatchObject({ MemorySize: 512, Timeout: 120 });
    expect(bufferSource).toMatchObject({ BatchSize: 4, MaximumBatchingWindowInSeconds: 20, ScalingConfig: { MaximumConcurrency: 7 } });
    expect(flushSource).toMatchObject({ ScalingConfig: { MaximumConcurrency: 7 } });
    expect(buffer).toMatchObject({ VisibilityTimeout: 6 * 120 + 20, RedrivePolicy: { maxReceiveCount: 9 } });
    expect(flush).toMatchObject({ VisibilityTimeout: 6 * 120, RedrivePolicy: { maxReceiveCount: 9 } });
    expect(alarm('OldestMessageAlarm')).toMatchObject({ Threshold: 30 * 60 });
  });
});

/** The delivery windows' infrastructure: the window table, the flush queue as a second event source, exact grants. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { WINDOW_TABLE_ACTIONS } from '../../infra/lib/delivery-windows.js';
import { sesDeploy, snsDeploy, synthNotifier } from './support/synth.js';
import { actionsOf, logicalIdOf, roleStatements } from './support/template.js';

describe.each([
  ['SES', sesDeploy],
  ['SNS', snsDeploy],
])('NotifierStack (%s): delivery windows', (_name, deploy) => {
  const { template } = synthNotifier(deploy());
  const table = logicalIdOf(template, 'AWS::DynamoDB::Table', { KeySchema: Match.arrayWith([{ AttributeName: 'sk', KeyType: 'RANGE' }]) });
  const flushQueue = logicalIdOf(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue(), VisibilityTimeout: 6 * 60 });

  it('keeps windows in an on-demand, encrypted table keyed by group and item, with TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('feeds the function from the flush queue without a batching window, at the same maximum concurrency', () => {
    const mappings = template.findResources('AWS::Lambda::EventSourceMapping', {
      Properties: { EventSourceArn: { 'Fn::GetAtt': [flushQueue, 'Arn'] } },
    });
    const [mapping, ...more] = Object.values(mappings);
    expect(more).toHaveLength(0);
    expect(mapping?.Properties).toMatchObject({
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    expect(mapping?.Properties.MaximumBatchingWindowInSeconds).toBeUndefined();
  });

  it('dead-letters flush messages after 5 receives, and alarms on that queue', () => {
    const [queue] = Object.values(template.findResources('AWS::SQS::Queue', { Properties: { VisibilityTimeout: 6 * 60 } }));
    const dlq = queue?.Properties.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0];
    expect(queue?.Properties.RedrivePolicy.maxReceiveCount).toBe(5);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlq, 'QueueName'] } }],
    });
  });

  it('grants exactly the window actions on the window table and SendMessage on the flush queue alone', () => {
    const statements = roleStatements(template);
    const onTable = statements.filter((s) => JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': [table, 'Arn'] }));
    expect(onTable.flatMap(actionsOf).sort()).toEqual([...WINDOW_TABLE_ACTIONS].sort());
    const send = statements.filter((s) => actionsOf(s).includes('sqs:SendMessage'));
    expect(send.map((s) => [actionsOf(s), s.Resource])).toEqual([[['sqs:SendMessage'], { 'Fn::GetAtt': [flushQueue, 'Arn'] }]]);
  });
});

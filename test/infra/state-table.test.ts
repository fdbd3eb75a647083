/** The dedup state table, the function's exact access to it, and the alarm on the Failed metric. */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { STATE_TABLE_ACTIONS } from '../../infra/lib/notifier-state.js';
import { sesDeploy, snsDeploy, synthNotifier } from './support/synth.js';
import { actionsOf, logicalIdOf, roleStatements, type Statement } from './support/template.js';

describe.each([
  ['SES', sesDeploy],
  ['SNS', snsDeploy],
])('NotifierStack (%s): dedup state', (_name, deploy) => {
  const { template } = synthNotifier(deploy());
  const table = logicalIdOf(template, 'AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] });

  it('creates one on-demand, encrypted table keyed by pk with TTL on expiresAt and point-in-time recovery', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
  });

  it('grants exactly BatchGetItem, BatchWriteItem, PutItem, DeleteItem and UpdateItem, on the table alone', () => {
    const onTable = (s: Statement) => JSON.stringify(s.Resource) === JSON.stringify({ 'Fn::GetAtt': [table, 'Arn'] });
    const dynamo = roleStatements(template).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')) && onTable(s));
    expect(dynamo).toHaveLength(1);
    expect(dynamo.flatMap(actionsOf).sort()).toEqual([...STATE_TABLE_ACTIONS].sort());
    expect(dynamo[0]?.Resource).toEqual({ 'Fn::GetAtt': [table, 'Arn'] });
  });

  it("passes the table's name to the function in NOTIFIER_STATE_TABLE", () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ NOTIFIER_STATE_TABLE: { Ref: table } }) },
    });
  });

  it('alarms on any Failed count of the notifier metrics, to the operator topic', () => {
    const topic = logicalIdOf(template, 'AWS::SNS::Topic', { DisplayName: 'Security Hub notifier alarms' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'SecurityHubEmailNotifier',
      MetricName: 'Failed',
      Dimensions: [{ Name: 'service', Value: 'securityhub-email-notifier' }],
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: topic }],
    });
  });
});

/** The dedup state table, the function's exact access to it, and the alarm on the Failed metric. */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { NotifierStack } from '../../infra/lib/notifier-stack.js';
import { STATE_TABLE_ACTIONS } from '../../infra/lib/notifier-state.js';
import { FIXTURE_HANDLER, sesDeploy, snsDeploy, testApp } from './support/synth.js';

type Statement = { Action: string | string[]; Resource: unknown };

function synth(deploy = sesDeploy()) {
  return Template.fromStack(new NotifierStack(testApp(), 'Notifier', { deploy, entry: FIXTURE_HANDLER }));
}

function only(template: Template, type: string, props: Record<string, unknown> = {}): string {
  const ids = Object.keys(template.findResources(type, { Properties: props }));
  expect(ids).toHaveLength(1);
  return ids[0] ?? '';
}

describe.each([
  ['SES', sesDeploy],
  ['SNS', snsDeploy],
])('NotifierStack (%s): dedup state', (_name, deploy) => {
  const template = synth(deploy());
  const table = only(template, 'AWS::DynamoDB::Table');

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

  it('grants exactly BatchGetItem, BatchWriteItem, PutItem and DeleteItem, on the table alone', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (r) => r.Properties.PolicyDocument.Statement as Statement[],
    );
    const dynamo = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect([dynamo[0]?.Action].flat().sort()).toEqual([...STATE_TABLE_ACTIONS].sort());
    expect(dynamo[0]?.Resource).toEqual({ 'Fn::GetAtt': [table, 'Arn'] });
  });

  it("passes the table's name to the function in NOTIFIER_CONFIG", () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          NOTIFIER_CONFIG: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('"stateTable":"$'), { Ref: table }])] },
        }),
      },
    });
  });

  it('alarms on any Failed count of the notifier metrics, to the operator topic', () => {
    const topic = only(template, 'AWS::SNS::Topic', { DisplayName: 'Security Hub notifier alarms' });
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

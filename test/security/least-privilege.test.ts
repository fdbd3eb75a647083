/**
 * Least privilege, read off the synthesized stacks: every permission the function's role gets is
 * on an allowlist of what the notifier does, no action is a wildcard, and only the actions AWS
 * cannot scope (metrics) use `Resource: "*"`. The configuration in the function's environment
 * holds no secret.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { NotifierStack } from '../../infra/lib/notifier-stack.js';
import { FIXTURE_HANDLER, sesDeploy, snsDeploy, testApp } from '../infra/support/synth.js';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

/** What the notifier may do: send, read its queues, schedule flushes, use its tables, encrypt for its topic, log and count. */
const ALLOWED = new Set([
  'ses:SendEmail',
  'ses:SendRawEmail',
  'sns:Publish',
  'kms:Decrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKey*',
  'kms:Encrypt',
  'kms:ReEncrypt*',
  'kms:DescribeKey',
  'sqs:ReceiveMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueUrl',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:SendMessage',
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:PutItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:Query',
  'dynamodb:DescribeTable',
  'cloudwatch:PutMetricData',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'logs:CreateLogGroup',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
]);
/** Actions AWS does not scope to a resource. */
const UNSCOPED = new Set(['cloudwatch:PutMetricData', 'xray:PutTraceSegments', 'xray:PutTelemetryRecords']);

const actions = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
const resources = (s: Statement) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]);

describe.each([
  ['SES', sesDeploy],
  ['SNS', snsDeploy],
])('least privilege of the %s notifier', (_name, deploy) => {
  const template = Template.fromStack(new NotifierStack(testApp(), 'Notifier', { deploy: deploy(), entry: FIXTURE_HANDLER }));
  const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => policy.Properties.PolicyDocument.Statement as Statement[],
  );
  const allowed = statements.filter((s) => s.Effect === 'Allow');

  it('grants only what the notifier does, never a wildcard action', () => {
    expect(allowed.length).toBeGreaterThan(0);
    for (const action of allowed.flatMap(actions)) {
      expect(action, action).not.toMatch(/^\*$|:\*$/);
      expect(ALLOWED.has(action), `unexpected permission ${action}`).toBe(true);
    }
  });

  it('scopes every grant to a resource, except the actions AWS cannot scope', () => {
    for (const statement of allowed) {
      const scoped = actions(statement).filter((action) => !UNSCOPED.has(action));
      if (scoped.length === 0) continue;
      for (const resource of resources(statement)) {
        const text = JSON.stringify(resource);
        expect(text, `${scoped.join(', ')} on ${text}`).not.toMatch(/^"\*"$|\/\*"/);
        // Only log streams are addressed as `<log group ARN>:*`.
        if (/:\*"/.test(text))
          expect(
            scoped.every((action) => action.startsWith('logs:')),
            `${scoped.join(', ')} on ${text}`,
          ).toBe(true);
      }
    }
  });

  it('gives the function no IAM, Security Hub write or data-reading permission', () => {
    const all = allowed.flatMap(actions).join(' ');
    expect(all).not.toMatch(/\biam:|securityhub:(BatchUpdate|Update|BatchImport)|s3:GetObject|secretsmanager:|ssm:GetParameter/);
  });

  it('puts no credential into the function environment', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const env = JSON.stringify(functions.map((f) => f.Properties.Environment ?? {}));
    expect(env).not.toMatch(/AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|AKIA[0-9A-Z]{16}|password|secret/i);
  });
});

/** Route topics (`policy.routes[].snsTopicArn`): publish, their KMS keys, and only in the function's Region. */
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/lib/deploy-config.js';
import { NotifierStack } from '../../infra/lib/notifier-stack.js';
import { FIXTURE_HANDLER, testApp } from './support/synth.js';
import { actionsOf, roleStatements } from './support/template.js';

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:payments-alerts';
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function raw(extra: Record<string, unknown> = {}) {
  return {
    notifiers: [
      {
        id: 'Topic',
        notifier: {
          transport: 'sns',
          policy: { routes: [{ name: 'payments', match: { accounts: ['444455556666'] }, snsTopicArn: TOPIC }] },
        },
        sns: { routeTopicKeyArns: [KEY] },
      },
    ],
    ...extra,
  };
}

describe('route topics', () => {
  it('may be published to, with exactly their KMS keys', () => {
    const stack = new NotifierStack(testApp(), 'Routes', { deploy: parseDeployConfig(raw()), entry: FIXTURE_HANDLER });
    const statements = roleStatements(Template.fromStack(stack));

    expect(statements).toContainEqual(expect.objectContaining({ Action: 'sns:Publish', Resource: TOPIC }));
    const kms = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')) && JSON.stringify(s.Resource).includes(KEY));
    expect(kms.flatMap(actionsOf).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(kms[0]?.Resource).toBe(KEY);
  });

  it('must be in the Region the stack deploys to: a rule checks it before anything is created', () => {
    const stack = new NotifierStack(testApp(), 'Routes', { deploy: parseDeployConfig(raw()), entry: FIXTURE_HANDLER });
    const rules = Template.fromStack(stack).toJSON().Rules as Record<
      string,
      { Assertions: { Assert: unknown; AssertDescription: string }[] }
    >;
    const assertions = Object.values(rules).flatMap((rule) => rule.Assertions);

    expect(assertions).toContainEqual({
      Assert: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] },
      AssertDescription: expect.stringContaining('deploy this notifier in us-east-1'),
    });
  });

  it('of another Region than a stack with a known Region fail the synth, naming the route', () => {
    const synth = () =>
      new NotifierStack(testApp(), 'Routes', {
        deploy: parseDeployConfig(raw()),
        entry: FIXTURE_HANDLER,
        env: { account: '111122223333', region: 'eu-west-1' },
      });

    expect(synth).toThrow(expect.objectContaining({ name: 'ConfigError', setting: 'config.policy.routes[0].snsTopicArn' }));
  });

  it('cannot go to a StackSet that deploys to other Regions too', () => {
    const stackSet = { regions: ['us-east-1', 'eu-west-1'], organizationalUnitIds: ['ou-abcd-11111111'] };
    const parse = () => parseDeployConfig(raw({ stackSet }));

    expect(parse).toThrow(expect.objectContaining({ setting: 'deploy.notifiers[0].notifier.policy.routes[0].snsTopicArn' }));
    expect(parse).toThrow(/also deploys to eu-west-1/);
  });
});

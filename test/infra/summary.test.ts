/** The summary infrastructure: a schedule per route in its time zone, the summary function, read-only permissions. */
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { NotifierStack } from '../../infra/lib/notifier-stack.js';
import { FIXTURE_HANDLER, sesDeploy, testApp } from './support/synth.js';
import { actionsOf, nagViolations, roleStatements } from './support/template.js';

const NOTIFIER = {
  summary: { schedule: 'cron(0 8 ? * MON *)', timeZone: 'Asia/Tokyo' },
  accounts: {},
  policy: {
    routes: [
      {
        name: 'payments',
        match: { accountTags: { team: 'payments' } },
        owner: {},
        summary: { schedule: 'cron(0 9 * * ? *)', timeZone: 'Europe/Paris' },
      },
      { name: 'quiet', match: { accounts: ['444455556666'] }, summary: { enabled: false } },
    ],
  },
};

function synth(notifier: Record<string, unknown> = NOTIFIER) {
  const stack = new NotifierStack(testApp(), 'Summary', { deploy: sesDeploy(notifier), entry: FIXTURE_HANDLER });
  return { stack, template: Template.fromStack(stack) };
}

describe('summary infrastructure', () => {
  const { stack, template } = synth();

  it('schedules each route with a summary in its own time zone, invoking the summary function with the route', () => {
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')).map((r) => r.Properties);
    expect(schedules.map((s) => [s.ScheduleExpression, s.ScheduleExpressionTimezone])).toEqual([
      ['cron(0 9 * * ? *)', 'Europe/Paris'],
      ['cron(0 8 ? * MON *)', 'Asia/Tokyo'],
    ]);
    expect(schedules.map((s) => JSON.parse(s.Target.Input))).toEqual([{ route: 'payments' }, { route: 'default' }]);
    // Every schedule puts what it could not deliver in the summary's own dead-letter queue.
    const queues = schedules.map((s) => s.Target.DeadLetterConfig?.Arn?.['Fn::GetAtt']?.[0]);
    expect(new Set(queues).size).toBe(1);
    expect(Object.keys(template.findResources('AWS::SQS::Queue'))).toContain(queues[0]);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Sends the Security Hub summary email of a route',
      Runtime: 'nodejs24.x',
    });
  });

  it('grants reads only: findings of this hub, SECURITY contacts, account names and tags', () => {
    const statements = roleStatements(template);
    const findings = statements.find((s) => actionsOf(s).includes('securityhub:GetFindings'));
    expect(actionsOf(findings ?? { Action: [], Resource: '', Effect: '' })).toEqual([
      'securityhub:GetFindings',
      'securityhub:GetFindingsV2',
    ]);
    expect(JSON.stringify(findings?.Resource)).toMatch(/:hub\/default/);
    const contact = statements.filter((s) => actionsOf(s).includes('account:GetAlternateContact'));
    // The alert function (owner routes) and the summary function.
    expect(contact).toHaveLength(2);
    for (const s of contact)
      expect(s).toMatchObject({ Condition: { 'ForAllValues:StringEquals': { 'account:AlternateContactTypes': ['SECURITY'] } } });
    const orgs = statements.filter((s) => actionsOf(s).includes('organizations:DescribeAccount'));
    for (const s of orgs) {
      expect(actionsOf(s)).toEqual(['organizations:DescribeAccount', 'organizations:ListTagsForResource']);
      expect(JSON.stringify(s.Resource)).toMatch(/:organizations::\*:account\/o-\*\/\*/);
    }
    const every = statements.flatMap(actionsOf);
    expect(every.filter((a) => /^(securityhub|organizations|account):/.test(a)).every((a) => /:(Get|Describe|List)/.test(a))).toBe(true);
  });

  it('assumes only the configured role when the directory is read through one', () => {
    const roleArn = 'arn:aws:iam::999999999999:role/DirectoryReader';
    const { template: viaRole } = synth({ ...NOTIFIER, accounts: { roleArn } });
    const statements = roleStatements(viaRole);
    expect(statements.flatMap(actionsOf)).not.toContain('organizations:DescribeAccount');
    const assume = statements.filter((s) => actionsOf(s).includes('sts:AssumeRole'));
    expect(assume.map((s) => s.Resource)).toEqual([roleArn, roleArn]);
  });

  it('creates nothing for summaries without `summary` in the configuration', () => {
    const { template: plain } = synth({});
    plain.resourceCountIs('AWS::Scheduler::Schedule', 0);
    expect(roleStatements(plain).flatMap(actionsOf)).not.toContain('securityhub:GetFindings');
  });

  it('is cdk-nag clean', () => {
    expect(nagViolations(stack)).toEqual([]);
  });
});

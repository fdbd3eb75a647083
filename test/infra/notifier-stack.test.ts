import { Match } from 'aws-cdk-lib/assertions';
import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/lib/deploy-config.js';
import { sesDeploy, snsDeploy, synthNotifier as synth } from './support/synth.js';
import { actionsOf, logicalIdOf, roleStatements, type Statement } from './support/template.js';

function ref(logicalId: string) {
  return { 'Fn::GetAtt': [logicalId, 'Arn'] };
}

/** The logical id inside `{ 'Fn::GetAtt': [id, 'Arn'] }`. */
function getAttId(value: unknown): string {
  const id = (value as { 'Fn::GetAtt'?: unknown[] } | undefined)?.['Fn::GetAtt']?.[0];
  if (typeof id !== 'string') throw new Error(`not a Fn::GetAtt: ${JSON.stringify(value)}`);
  return id;
}

/** A string, or an `Fn::Join` of strings and `{ Ref }`s written as `<Ref id>`. */
function joined(value: unknown): string {
  if (typeof value === 'string') return value;
  const [, parts] = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  return parts.map((part) => (typeof part === 'string' ? part : `<Ref ${(part as { Ref: string }).Ref}>`)).join('');
}

describe('NotifierStack: the path from Security Hub to the function', () => {
  const { template } = synth(sesDeploy({ filters: { severities: ['HIGH', 'CRITICAL'], accountIds: ['111122223333'] } }));
  // The buffer's visibility timeout: six function timeouts plus the batching window (the flush queue's has no window).
  const buffer = logicalIdOf(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue(), VisibilityTimeout: 6 * 60 + 5 });
  const flushQueue = logicalIdOf(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue(), VisibilityTimeout: 6 * 60 });
  const dlq = getAttId(template.findResources('AWS::SQS::Queue')[buffer]?.Properties.RedrivePolicy.deadLetterTargetArn);

  it('matches Security Hub imported findings with the configured filters in the event pattern', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.securityhub'],
        'detail-type': ['Security Hub Findings - Imported'],
        detail: {
          findings: Match.objectLike({
            Severity: { Label: ['HIGH', 'CRITICAL'] },
            RecordState: ['ACTIVE'],
            AwsAccountId: ['111122223333'],
            Compliance: { $or: [{ Status: ['WARNING', 'FAILED', 'NOT_AVAILABLE'] }, { Status: [{ exists: false }] }] },
          }),
        },
      },
    });
  });

  it('sends custom actions and insight results unfiltered, and OCSF findings filtered', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.securityhub'],
        'detail-type': ['Security Hub Findings - Custom Action', 'Security Hub Insight Results'],
      },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        'detail-type': ['Findings Imported V2'],
        detail: { findings: Match.objectLike({ severity: ['High', 'Critical', 'Fatal'] }) },
      }),
    });
  });

  it('targets every rule at the buffer queue, with its own dead-letter queue and a 24-hour retry policy', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule'));
    expect(rules, 'ASFF, OCSF and manual rules').toHaveLength(3);
    for (const rule of rules) {
      expect(rule.Properties.Targets).toEqual([
        expect.objectContaining({
          Arn: ref(buffer),
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.not.stringMatching(`^${dlq}$`), 'Arn'] } },
          RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
        }),
      ]);
    }
  });

  it('redrives the buffer to a 14-day dead-letter queue after 5 receives, with a visibility timeout of 6x the function timeout', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: ref(dlq), maxReceiveCount: 5 },
      VisibilityTimeout: 6 * 60 + 5,
      SqsManagedSseEnabled: true,
    });
    template.hasResourceProperties('AWS::SQS::Queue', { MessageRetentionPeriod: 14 * 24 * 3600 });
    // The dead-letter queues (the buffer's, the flush queue's and the rule target's) keep messages 14 days.
    const queues = Object.entries(template.findResources('AWS::SQS::Queue'));
    expect(queues).toHaveLength(5);
    for (const [id, queue] of queues) {
      if (id !== buffer && id !== flushQueue) expect(queue.Properties.MessageRetentionPeriod, id).toBe(14 * 24 * 3600);
    }
  });

  it('feeds the function from the buffer in batches with ReportBatchItemFailures, limited to the reserved concurrency', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: ref(buffer),
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('runs on nodejs24.x arm64 with the sized memory, timeout and reserved concurrency, and an explicit log group', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 60,
      ReservedConcurrentExecutions: 2,
      LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('writes the parsed notifier configuration into NOTIFIER_CONFIG', () => {
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
    const variables = fn?.Properties.Environment.Variables as Record<string, unknown>;
    // The state table's name is a token: NOTIFIER_CONFIG is an Fn::Join around its Ref.
    const config = JSON.parse(joined(variables.NOTIFIER_CONFIG));

    expect(config).toMatchObject({ transport: 'ses', ses: { from: 'alerts@example.com', to: ['team@example.com'] } });
    expect(config.filters.severities).toEqual(['HIGH', 'CRITICAL']);
    expect(config.stateTable).toBe(
      `<Ref ${logicalIdOf(template, 'AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] })}>`,
    );
    expect(config.windowTable).toBe(
      `<Ref ${logicalIdOf(template, 'AWS::DynamoDB::Table', { KeySchema: Match.arrayWith([{ AttributeName: 'sk', KeyType: 'RANGE' }]) })}>`,
    );
    expect(config.flushQueueUrl).toBe(`<Ref ${flushQueue}>`);
    expect(Object.keys(variables).sort()).toEqual(['NODE_OPTIONS', 'NOTIFIER_CONFIG', 'POWERTOOLS_LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME']);
    expect(variables.NODE_OPTIONS, 'the asset carries a source map').toBe('--enable-source-maps');
    expect(variables.POWERTOOLS_SERVICE_NAME, 'the service dimension the Failed alarm watches').toBe('securityhub-email-notifier');
  });

  it('encrypts every queue and denies access without TLS', () => {
    const queues = Object.values(template.findResources('AWS::SQS::Queue'));
    expect(queues, 'buffer, flush queue and three dead-letter queues').toHaveLength(5);
    for (const queue of queues) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy'));
    expect(policies).toHaveLength(Object.keys(template.findResources('AWS::SQS::Queue')).length);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('alarms on dead letters (buffer, flush queue and rule target), errors, throttles and the oldest buffered message, to the operator topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const metrics = alarms.map((a) => `${a.Namespace}/${a.MetricName}`).sort();

    expect(metrics).toEqual([
      'AWS/Lambda/Errors',
      'AWS/Lambda/Throttles',
      'AWS/SQS/ApproximateAgeOfOldestMessage',
      'AWS/SQS/ApproximateNumberOfMessagesVisible',
      'AWS/SQS/ApproximateNumberOfMessagesVisible',
      'AWS/SQS/ApproximateNumberOfMessagesVisible',
      'SecurityHubEmailNotifier/Failed',
    ]);
    const topic = logicalIdOf(template, 'AWS::SNS::Topic', { DisplayName: 'Security Hub notifier alarms' });
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topic }]);
    template.hasResourceProperties('AWS::SNS::Subscription', { TopicArn: { Ref: topic }, Protocol: 'email', Endpoint: 'ops@example.com' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 900 });
  });

  it('tags every taggable resource with the project and the configured tags', () => {
    // The CDK writes tags sorted by key, and arrayWith matches in order.
    const tags = Match.arrayWith([
      { Key: 'Owner', Value: 'security' },
      { Key: 'Project', Value: 'securityhub-email-notifier' },
    ]);
    const types = ['AWS::Lambda::Function', 'AWS::Events::Rule', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::KMS::Key', 'AWS::IAM::Role'];
    for (const type of types) {
      expect(Object.keys(template.findResources(type)).length, type).toBeGreaterThan(0);
      template.allResourcesProperties(type, { Tags: tags });
    }
  });
});

describe('NotifierStack: SES delivery', () => {
  it('grants ses:SendEmail on exactly the sender identity and the configuration set', () => {
    const { template } = synth(
      sesDeploy({ ses: { from: 'alerts@example.com', to: ['team@example.com'], configurationSet: 'notifier-events' } }),
    );
    const ses = roleStatements(template).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));

    expect(ses).toHaveLength(1);
    expect(actionsOf(ses[0] as Statement)).toEqual(['ses:SendEmail']);
    expect(JSON.stringify(ses[0]?.Resource)).toMatch(/:identity\/alerts@example\.com"/);
    expect(JSON.stringify(ses[0]?.Resource)).toMatch(/:configuration-set\/notifier-events"/);
    expect(JSON.stringify(ses[0]?.Resource)).not.toMatch(/team@example\.com/);
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
  });

  it('creates a domain identity and the configuration set when asked, and grants the sandbox recipients', () => {
    const { template } = synth(
      sesDeploy(
        { ses: { from: 'alerts@example.com', to: ['team@example.com'], cc: ['lead@example.com'], configurationSet: 'notifier-events' } },
        { ses: { identityDomain: 'example.com', createIdentity: true, createConfigurationSet: true, sandbox: true } },
      ),
    );
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'example.com' });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: 'notifier-events' });
    const resources = JSON.stringify(roleStatements(template).find((s) => actionsOf(s).includes('ses:SendEmail'))?.Resource);

    for (const name of [
      'identity/example.com',
      'identity/team@example.com',
      'identity/lead@example.com',
      'configuration-set/notifier-events',
    ]) {
      expect(resources).toContain(name);
    }
  });

  it('creates no SNS delivery topic', () => {
    const { template } = synth();
    template.resourcePropertiesCountIs('AWS::SNS::Topic', { DisplayName: 'Security Hub findings' }, 0);
  });
});

describe('NotifierStack: SNS delivery', () => {
  const { template } = synth(snsDeploy());
  const topic = logicalIdOf(template, 'AWS::SNS::Topic', { DisplayName: 'Security Hub findings' });
  const key = getAttId(template.findResources('AWS::SNS::Topic')[topic]?.Properties.KmsMasterKeyId);

  it('encrypts the delivery topic with its own rotating KMS key', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { DisplayName: 'Security Hub findings', KmsMasterKeyId: ref(key) });
    template.hasResource('AWS::KMS::Key', { Properties: { EnableKeyRotation: true } });
  });

  it('subscribes every configured address by email', () => {
    for (const address of ['a@example.com', 'b@example.com']) {
      template.hasResourceProperties('AWS::SNS::Subscription', { TopicArn: { Ref: topic }, Protocol: 'email', Endpoint: address });
    }
  });

  it('grants sns:Publish on the topic and exact KMS actions on its key to the function alone', () => {
    const statements = roleStatements(template);

    expect(statements).toContainEqual(expect.objectContaining({ Action: 'sns:Publish', Effect: 'Allow', Resource: { Ref: topic } }));
    expect(statements).toContainEqual(
      expect.objectContaining({ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Effect: 'Allow', Resource: ref(key) }),
    );
    expect(Object.keys(template.findResources('AWS::IAM::Role'))).toHaveLength(1);
  });

  it('gives nothing to anyone in the topic policy: it only denies publishing without TLS', () => {
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy')).filter((p) =>
      JSON.stringify(p.Properties.Topics).includes(topic),
    );
    expect(policies).toHaveLength(1);
    const statements = policies[0]?.Properties.PolicyDocument.Statement as Statement[];
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) expect(statement.Effect).toBe('Deny');
  });

  it("writes the topic's ARN into NOTIFIER_CONFIG", () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ NOTIFIER_CONFIG: { 'Fn::Join': ['', Match.arrayWith([{ Ref: topic }])] } }),
      },
    });
  });
});

describe('NotifierStack: SES and SNS notifiers side by side', () => {
  const deploy = parseDeployConfig({
    operatorEmail: 'ops@example.com',
    notifiers: [
      { id: 'Mail', notifier: { transport: 'ses', ses: { from: 'alerts@example.com', to: ['team@example.com'] } } },
      {
        id: 'Pager',
        notifier: { transport: 'sns', filters: { severities: ['CRITICAL'] } },
        sns: { subscriptionEmails: ['oncall@example.com'] },
      },
    ],
  });
  const { stack, template } = synth(deploy);

  it('gives each function only its own transport permission', () => {
    const [mail, pager] = stack.notifiers;
    const policyOf = (roleId: string) =>
      Object.values(template.findResources('AWS::IAM::Policy')).find((p) => JSON.stringify(p.Properties.Roles).includes(roleId));
    const mailRole = stack.getLogicalId(mail?.role.node.defaultChild as never);
    const pagerRole = stack.getLogicalId(pager?.role.node.defaultChild as never);
    const mailActions = ((policyOf(mailRole)?.Properties.PolicyDocument.Statement ?? []) as Statement[]).flatMap(actionsOf);
    const pagerActions = ((policyOf(pagerRole)?.Properties.PolicyDocument.Statement ?? []) as Statement[]).flatMap(actionsOf);

    expect(mailActions).toContain('ses:SendEmail');
    expect(mailActions).not.toContain('sns:Publish');
    expect(pagerActions).toContain('sns:Publish');
    expect(pagerActions).not.toContain('ses:SendEmail');
  });

  it('builds each pattern from its own filters and shares one operator topic for the alarms', () => {
    const [mail, pager] = stack.notifiers;
    const asffPattern = (rules: readonly Construct[] | undefined) => {
      const resources = template.findResources('AWS::Events::Rule');
      const ids = (rules ?? []).map((rule) => stack.getLogicalId(rule.node.defaultChild as never));
      const patterns = ids.map((id) => resources[id]?.Properties.EventPattern);
      return patterns.find((p) => JSON.stringify(p['detail-type']).includes('Security Hub Findings - Imported'));
    };
    expect(asffPattern(pager?.rules)?.detail.findings.Severity).toEqual({ Label: ['CRITICAL'] });
    expect(asffPattern(mail?.rules)).toBeDefined();
    expect(asffPattern(mail?.rules)?.detail?.findings, "the SES notifier's own (default) filters").toMatchObject({
      RecordState: ['ACTIVE'],
    });
    expect(asffPattern(mail?.rules)?.detail?.findings?.Severity).toBeUndefined();
    template.resourcePropertiesCountIs('AWS::SNS::Topic', { DisplayName: 'Security Hub notifier alarms' }, 1);
  });
});

describe('NotifierStack: IAM', () => {
  it.each([
    [
      'SES',
      sesDeploy({ ses: { from: 'alerts@example.com', to: ['team@example.com'], configurationSet: 'set' } }, { ses: { sandbox: true } }),
    ],
    ['SNS', snsDeploy()],
  ])('grants no SES, SNS or KMS action on a wildcard resource (%s)', (_name, deploy) => {
    const { template } = synth(deploy);
    const delivery = roleStatements(template).filter((s) => actionsOf(s).some((a) => /^(ses|sns|kms):/.test(a)));

    expect(delivery.length).toBeGreaterThan(0);
    for (const statement of delivery) {
      expect(JSON.stringify(statement.Resource)).not.toMatch(/"\*"|\/\*"|:\*"/);
      for (const action of actionsOf(statement)) expect(action).not.toContain('*');
    }
  });
});

import { Match } from 'aws-cdk-lib/assertions';
import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/lib/deploy-config.js';
import { shippedConfig } from './support/function-config.js';
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

describe('NotifierStack: the path from Security Hub to the function', () => {
  const { outdir, template } = synth(sesDeploy({ filters: { severities: ['HIGH', 'CRITICAL'], accountIds: ['111122223333'] } }));
  // The buffer's visibility timeout: six function timeouts plus the batching window (the flush queue's has no window).
  const buffer = logicalIdOf(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue(), VisibilityTimeout: 6 * 60 + 5 });
  const flushQueue = logicalIdOf(template, 'AWS::SQS::Queue', { RedrivePolicy: Match.anyValue(), VisibilityTimeout: 6 * 60 });
  const dlq = getAttId(template.findResources('AWS::SQS::Queue')[buffer]?.Properties.RedrivePolicy.deadLetterTargetArn);

  it('matches Security Hub imported findings with the configured filters in the event pattern', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.securityhub'],
        'detail-type': ['Security Hub Findings - Imported', 'Security Hub Findings'],
        detail: {
          findings: Match.objectLike({
            Severity: { Label: ['HIGH', 'CRITICAL', { exists: false }] },
            RecordState: ['ACTIVE', { exists: false }],
            AwsAccountId: ['111122223333'],
            Compliance: { Status: ['FAILED', 'WARNING', 'NOT_AVAILABLE', { exists: false }] },
          }),
        },
      },
    });
  });

  it('creates a "Send by email" custom action and matches only its ARN; insight results unfiltered, OCSF filtered', () => {
    const [action] = Object.values(template.findResources('AWS::SecurityHub::ActionTarget'));
    expect(action?.Properties).toMatchObject({ Name: 'Send by email', Id: expect.stringMatching(/^[A-Za-z0-9]{1,20}$/) });
    const arn = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':securityhub:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          `:action/custom/${action?.Properties.Id}`,
        ],
      ],
    };
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.securityhub'], 'detail-type': ['Security Hub Findings - Custom Action'], resources: [arn] },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ NOTIFIER_ACTION_ARN: arn }) } });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.securityhub'], 'detail-type': ['Security Hub Insight Results'] },
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        'detail-type': ['Findings Imported V2'],
        detail: { findings: Match.objectLike({ severity_id: [4, 5, 6, { 'anything-but': [1, 2, 3, 4, 5, 6] }, { exists: false }] }) },
      }),
    });
  });

  it('targets every rule at the buffer queue, with its own dead-letter queue and a 24-hour retry policy', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule'));
    expect(rules, 'ASFF, OCSF, action and insight rules').toHaveLength(4);
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

  it('feeds the function from the buffer in batches with ReportBatchItemFailures, limited by the event source alone', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: ref(buffer),
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('runs on nodejs24.x arm64 with the sized memory and timeout, no reserved concurrency, and an explicit log group', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 60,
      LoggingConfig: { LogGroup: { Ref: Match.anyValue() } },
    });
    // A new account has 10 concurrent executions and must keep 100 unreserved: any reservation fails there.
    template.allResourcesProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: Match.absent() });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('ships the parsed notifier configuration in the code asset, and only deploy-time names as tokens', () => {
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
    const variables = fn?.Properties.Environment.Variables as Record<string, unknown>;
    const config = shippedConfig(fn, outdir);

    expect(fn?.Properties.Handler).toBe('index.handler');
    expect(config).toMatchObject({ transport: 'ses', ses: { from: 'alerts@example.com', to: ['team@example.com'] } });
    expect(config.filters).toMatchObject({ severities: ['HIGH', 'CRITICAL'] });
    for (const token of ['stateTable', 'windowTable', 'flushQueueUrl']) expect(config).not.toHaveProperty(token);
    expect(variables.NOTIFIER_STATE_TABLE).toEqual({
      Ref: logicalIdOf(template, 'AWS::DynamoDB::Table', { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }),
    });
    expect(variables.NOTIFIER_WINDOW_TABLE).toEqual({
      Ref: logicalIdOf(template, 'AWS::DynamoDB::Table', { KeySchema: Match.arrayWith([{ AttributeName: 'sk', KeyType: 'RANGE' }]) }),
    });
    expect(variables.NOTIFIER_FLUSH_QUEUE_URL).toEqual({ Ref: flushQueue });
    expect(variables.NOTIFIER_CONFIG_FILE).toBe('notifier.config.json');
    expect(Object.keys(variables).sort()).toEqual([
      'NODE_OPTIONS',
      'NOTIFIER_ACTION_ARN',
      'NOTIFIER_CONFIG_FILE',
      'NOTIFIER_FLUSH_QUEUE_URL',
      'NOTIFIER_STATE_TABLE',
      'NOTIFIER_WINDOW_TABLE',
      'POWERTOOLS_LOG_LEVEL',
      'POWERTOOLS_SERVICE_NAME',
    ]);
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
      'AWS/SES/Bounce',
      'AWS/SES/Complaint',
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

  it('sends through a configuration set of its own whose bounces and complaints feed two alarms', () => {
    const [set] = Object.values(template.findResources('AWS::SES::ConfigurationSet'));
    const name = set?.Properties.Name as string;
    expect(name).toMatch(/^[A-Za-z0-9-]{1,64}$/);
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: Match.anyValue() },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        CloudWatchDestination: {
          DimensionConfigurations: [{ DimensionName: 'notifier', DimensionValueSource: 'messageTag', DefaultDimensionValue: name }],
        },
      },
    });
    for (const metric of ['Bounce', 'Complaint']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SES',
        MetricName: metric,
        Dimensions: [{ Name: 'notifier', Value: name }],
        Threshold: 1,
      });
    }
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(shippedConfig(fn, outdir).ses).toMatchObject({ configurationSet: name });
  });

  it('outputs the queue, both dead-letter queues, the function, its log group, the table and the action ARN', () => {
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs).sort()).toEqual(
      ['ActionArn', 'DeadLetterQueueUrl', 'FunctionName', 'LogGroupName', 'QueueUrl', 'RuleTargetDeadLetterQueueUrl', 'StateTableName']
        .map((name) => `Mail${name}`)
        .sort(),
    );
    expect(outputs.MailQueueUrl?.Value).toEqual({ Ref: buffer });
    expect(outputs.MailDeadLetterQueueUrl?.Value).toEqual({ Ref: dlq });
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

  it("gives the function the topic's ARN in NOTIFIER_TOPIC_ARN", () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ NOTIFIER_TOPIC_ARN: { Ref: topic } }) },
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

  it('creates no custom action for a notifier that does not read Custom Action events', () => {
    const { template: other } = synth(sesDeploy({ detailTypes: ['imported'] }));
    other.resourceCountIs('AWS::SecurityHub::ActionTarget', 0);
  });

  it('creates one custom action per notifier, each with its own id and named after its notifier', () => {
    const actions = Object.values(template.findResources('AWS::SecurityHub::ActionTarget')).map((a) => a.Properties);
    expect(actions.map((a) => a.Name).sort()).toEqual(['Email Mail', 'Email Pager']);
    expect(new Set(actions.map((a) => a.Id)).size).toBe(2);
  });

  it('builds each pattern from its own filters and shares one operator topic for the alarms', () => {
    const [mail, pager] = stack.notifiers;
    const asffPattern = (rules: readonly Construct[] | undefined) => {
      const resources = template.findResources('AWS::Events::Rule');
      const ids = (rules ?? []).map((rule) => stack.getLogicalId(rule.node.defaultChild as never));
      const patterns = ids.map((id) => resources[id]?.Properties.EventPattern);
      return patterns.find((p) => JSON.stringify(p['detail-type']).includes('Security Hub Findings - Imported'));
    };
    expect(asffPattern(pager?.rules)?.detail.findings.Severity).toEqual({ Label: ['CRITICAL', { exists: false }] });
    expect(asffPattern(mail?.rules)).toBeDefined();
    expect(asffPattern(mail?.rules)?.detail?.findings, "the SES notifier's own (default) filters").toMatchObject({
      RecordState: ['ACTIVE', { exists: false }],
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

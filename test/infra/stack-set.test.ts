import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/lib/deploy-config.js';
import { loadDeployConfig } from '../../infra/lib/load-deploy-config.js';
import { createMemberStack, synthesizeMemberTemplate } from '../../infra/lib/member-template.js';
import { addNotifierStacks } from '../../infra/lib/notifier-app.js';
import { PROJECT_ROOT } from '../../infra/lib/paths.js';
import { StackSetStack } from '../../infra/lib/stack-set-stack.js';
import { shippedConfig } from './support/function-config.js';
import { FIXTURE_HANDLER, testApp } from './support/synth.js';
import { nagViolations } from './support/template.js';

const deploy = loadDeployConfig('infra/stackset.config.json');
const rawStackSetConfig = JSON.parse(readFileSync(join(PROJECT_ROOT, 'infra/stackset.config.json'), 'utf8'));

describe('StackSet member template', () => {
  const file = synthesizeMemberTemplate(deploy, { outdir: testApp().outdir, entry: FIXTURE_HANDLER });
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const template = Template.fromJSON(json);

  it('carries the function code inline, so member accounts need no CDK asset bucket', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Code: { ZipFile: Match.stringLikeRegexp('brotliDecompressSync') },
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
    });
    expect(JSON.stringify(json)).not.toMatch(/cdk-hnb659fds|S3Bucket|S3Key/);
    // No source map goes inline, so none is enabled; the configuration is unpacked with the code.
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(fn?.Properties.Environment.Variables).toMatchObject({
      NOTIFIER_CONFIG_FILE: '/tmp/securityhub-email-notifier/notifier.config.json',
    });
    expect(fn?.Properties.Environment.Variables).not.toHaveProperty('NODE_OPTIONS');
    expect(shippedConfig(fn, '')).toMatchObject({ transport: 'sns', filters: { severities: ['HIGH', 'CRITICAL'] } });
  });

  it('needs no CDK bootstrap in the target accounts and Regions', () => {
    expect(json.Parameters ?? {}).not.toHaveProperty('BootstrapVersion');
    expect(json.Rules ?? {}).not.toHaveProperty('CheckBootstrapVersion');
  });

  it("keeps the seed's NotificationEmail parameter: an extra subscriber to the delivery topic when given", () => {
    template.hasParameter('NotificationEmail', { Type: 'String', Default: '' });
    template.hasResource('AWS::SNS::Subscription', {
      Condition: 'HasNotificationEmail',
      Properties: { Protocol: 'email', Endpoint: { Ref: 'NotificationEmail' } },
    });
  });

  it('stays within the 1 MB a StackSet template may have', () => {
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
  });

  it('passes AwsSolutionsChecks', () => {
    const member = createMemberStack(testApp(), deploy, FIXTURE_HANDLER);

    expect(nagViolations(member)).toEqual([]);
  });
});

describe('StackSet member template of 10 notifiers, with the real handler', () => {
  const ten = parseDeployConfig({
    ...rawStackSetConfig,
    notifiers: Array.from({ length: 10 }, (_, i) => ({
      id: `Team${i}`,
      notifier: { transport: 'sns', filters: { accountIds: [`${100000000000 + i}`] } },
      sns: { subscriptionEmails: [`team${i}@example.com`] },
    })),
  });
  const file = synthesizeMemberTemplate(ten, { outdir: testApp().outdir });
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const functions = Object.values(Template.fromJSON(json).findResources('AWS::Lambda::Function'));

  it('stays under the 1 MB CloudFormation takes from S3: the bundle goes in compressed', () => {
    expect(functions).toHaveLength(10);
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
  });

  it('unpacks and runs: the inline code of a notifier loads the real handler with its own configuration', () => {
    const fn = functions[3];
    expect(shippedConfig(fn, '').filters).toMatchObject({ accountIds: ['100000000003'] });
    const dir = mkdtempSync(join(tmpdir(), 'inline-'));
    writeFileSync(join(dir, 'index.js'), String(fn?.Properties.Code.ZipFile));
    const script = `require(${JSON.stringify(join(dir, 'index.js'))}).handler({ Records: [] }).then((r) => console.log(JSON.stringify(r)))`;
    const env = {
      PATH: process.env.PATH ?? '',
      // The Lambda runtime provides the AWS SDK; here the project's copy stands in for it.
      NODE_PATH: join(PROJECT_ROOT, 'node_modules'),
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_METRICS_DISABLED: 'true',
      NOTIFIER_CONFIG_FILE: fn?.Properties.Environment.Variables.NOTIFIER_CONFIG_FILE,
      NOTIFIER_TOPIC_ARN: 'arn:aws:sns:us-east-1:111122223333:Delivery',
      NOTIFIER_STATE_TABLE: 'Notifier-StateTable',
    };
    const out = execFileSync(process.execPath, ['-e', script], { env, cwd: PROJECT_ROOT, encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });

    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '')).toEqual({ batchItemFailures: [] });
  });
});

describe('StackSetStack', () => {
  const app = testApp();
  const stack = addNotifierStacks(app, deploy, { entry: FIXTURE_HANDLER });
  const template = Template.fromStack(stack);

  it('is the only stack the StackSet configuration adds', () => {
    expect(stack).toBeInstanceOf(StackSetStack);
    expect(app.node.children.filter((c) => c !== stack && 'templateFile' in c)).toEqual([]);
  });

  it('deploys the member template from its asset to the configured organizational units and Regions', () => {
    template.hasResourceProperties('AWS::CloudFormation::StackSet', {
      StackSetName: 'securityhub-email-notifier',
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      Capabilities: ['CAPABILITY_IAM'],
      TemplateURL: Match.anyValue(),
      StackInstancesGroup: [
        {
          DeploymentTargets: { OrganizationalUnitIds: ['ou-abcd-11111111'] },
          Regions: ['us-east-1', 'eu-west-1', 'ap-northeast-1'],
        },
      ],
    });
    // The URL is the member template's own asset (its content hash), not any file.
    const stackSet = Object.values(template.findResources('AWS::CloudFormation::StackSet'))[0];
    expect(JSON.stringify(stackSet?.Properties.TemplateURL)).toContain(`${(stack as StackSetStack).template.assetHash}.json`);
  });

  it('passes AwsSolutionsChecks', () => {
    expect(nagViolations(stack)).toEqual([]);
  });

  it('leaves out excluded accounts (the Security Hub administrator, whose feed already has its members findings)', () => {
    const excluding = parseDeployConfig({
      ...rawStackSetConfig,
      stackSet: { ...rawStackSetConfig.stackSet, excludeAccounts: ['222233334444'] },
    });
    const other = Template.fromStack(addNotifierStacks(testApp(), excluding, { entry: FIXTURE_HANDLER }));

    other.hasResourceProperties('AWS::CloudFormation::StackSet', {
      StackInstancesGroup: [
        {
          DeploymentTargets: { OrganizationalUnitIds: ['ou-abcd-11111111'], AccountFilterType: 'DIFFERENCE', Accounts: ['222233334444'] },
          Regions: Match.anyValue(),
        },
      ],
    });
  });
});

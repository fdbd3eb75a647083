import { readFileSync, statSync } from 'node:fs';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { loadDeployConfig } from '../../infra/lib/load-deploy-config.js';
import { createMemberStack, synthesizeMemberTemplate } from '../../infra/lib/member-template.js';
import { addNotifierStacks } from '../../infra/lib/notifier-app.js';
import { StackSetStack } from '../../infra/lib/stack-set-stack.js';
import { FIXTURE_HANDLER, testApp } from './support/synth.js';
import { nagViolations } from './support/template.js';

const deploy = loadDeployConfig('infra/stackset.config.json');

describe('StackSet member template', () => {
  const file = synthesizeMemberTemplate(deploy, { outdir: testApp().outdir, entry: FIXTURE_HANDLER });
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const template = Template.fromJSON(json);

  it('carries the function code inline, so member accounts need no CDK asset bucket', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Code: { ZipFile: Match.stringLikeRegexp('handler') },
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
    });
    expect(JSON.stringify(json)).not.toMatch(/cdk-hnb659fds|S3Bucket|S3Key/);
    // No source map goes inline, so none is enabled.
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(fn?.Properties.Environment.Variables).toHaveProperty('NOTIFIER_CONFIG');
    expect(fn?.Properties.Environment.Variables).not.toHaveProperty('NODE_OPTIONS');
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
});

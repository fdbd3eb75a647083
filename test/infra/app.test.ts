import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { loadDeployConfig } from '../../infra/lib/load-deploy-config.js';
import { addNotifierStacks } from '../../infra/lib/notifier-app.js';
import { DEFAULT_HANDLER_ENTRY, PROJECT_ROOT } from '../../infra/lib/paths.js';
import { testApp } from './support/synth.js';

describe('the CDK app with the real handler and the example configuration', () => {
  it('bundles functions/handler.ts (templates built by pretest) into a stack that passes AwsSolutionsChecks', () => {
    expect(existsSync(DEFAULT_HANDLER_ENTRY)).toBe(true);
    expect(existsSync(join(PROJECT_ROOT, 'functions/core/render/generated/templates.ts'))).toBe(true);

    const stack = addNotifierStacks(testApp(), loadDeployConfig());
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    expect(new AwsSolutionsChecks().validateScope(stack).violations).toEqual([]);
  });
});

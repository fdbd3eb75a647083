import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { loadDeployConfig } from '../../infra/lib/load-deploy-config.js';
import { addNotifierStacks } from '../../infra/lib/notifier-app.js';
import { DEFAULT_HANDLER_ENTRY, PROJECT_ROOT } from '../../infra/lib/paths.js';
import { testApp } from './support/synth.js';
import { nagViolations } from './support/template.js';

describe('the CDK app with the real handler and the example configuration', () => {
  it('bundles functions/handler.ts (templates built by pretest) into a stack that passes AwsSolutionsChecks', () => {
    expect(existsSync(DEFAULT_HANDLER_ENTRY)).toBe(true);
    expect(existsSync(join(PROJECT_ROOT, 'functions/core/render/generated/templates.ts'))).toBe(true);

    const app = testApp();
    const stack = addNotifierStacks(app, loadDeployConfig());
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    // The function's asset is the real handler's bundle (the stand-in used elsewhere has none of this).
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function'));
    const key = String(fn?.Properties.Code.S3Key);
    const bundle = readFileSync(join(app.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.js'), 'utf8');
    expect(bundle.includes('Security Hub Findings - Imported'), 'reads Security Hub events').toBe(true);
    expect(bundle.includes('NOTIFIER_CONFIG'), 'reads its configuration').toBe(true);
    expect(bundle.includes('validationLevel'), 'carries no MJML compiler').toBe(false);
    expect(nagViolations(stack)).toEqual([]);
  });
});

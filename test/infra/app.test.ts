import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
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

    // The asset runs as Lambda runs it: its own notifier.config.json under LAMBDA_TASK_ROOT, the tokens in the environment.
    const root = join(app.outdir, `asset.${key.replace(/\.zip$/, '')}`);
    const variables = fn?.Properties.Environment.Variables as Record<string, unknown>;
    const env = {
      PATH: process.env.PATH ?? '',
      NODE_PATH: join(PROJECT_ROOT, 'node_modules'),
      LAMBDA_TASK_ROOT: root,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_METRICS_DISABLED: 'true',
      NOTIFIER_CONFIG_FILE: String(variables.NOTIFIER_CONFIG_FILE),
      NOTIFIER_STATE_TABLE: 'Notifier-StateTable',
      NOTIFIER_ACTION_ARN: 'arn:aws:securityhub:us-east-1:111122223333:action/custom/SendByEmail',
    };
    const script = `require(${JSON.stringify(join(root, 'index.js'))}).handler({ Records: [] }).then((r) => console.log(JSON.stringify(r)))`;
    const run = spawnSync(process.execPath, ['-e', script], { env, cwd: root, encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/configuration error/);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '')).toEqual({ batchItemFailures: [] });
  });
});

describe('the CDK app with a wrong deployment configuration', () => {
  it('prints one line naming the setting, no stack trace, and exits 1', () => {
    const dir = mkdtempSync(join(PROJECT_ROOT, '.tmp-config-'));
    const file = join(dir, 'bad.config.json');
    writeFileSync(
      file,
      JSON.stringify({ notifiers: [{ id: 'Mail', notifier: { transport: 'ses', ses: { from: 'nobody', to: ['a@example.com'] } } }] }),
    );
    const outdir = mkdtempSync(join(tmpdir(), 'notifier-app-'));
    const name = relative(PROJECT_ROOT, file);
    // As `cdk synth -c config=FILE` runs it: the context and output folder in the environment.
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'infra/bin/app.ts')], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify({ config: name }), CDK_OUTDIR: outdir },
      encoding: 'utf8',
    });
    rmSync(dir, { recursive: true, force: true });
    rmSync(outdir, { recursive: true, force: true });

    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([`error: ${name}.notifiers[0].notifier.ses.from: not a valid email`]);
  });
});

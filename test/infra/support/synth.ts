/** Builds stacks for the infrastructure tests in a temporary cloud assembly that is removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { type DeployConfig, parseDeployConfig } from '../../../infra/lib/deploy-config.js';
import { NotifierStack } from '../../../infra/lib/notifier-stack.js';

/** The stand-in handler: infra tests do not depend on the real one (one test bundles the real one). */
export const FIXTURE_HANDLER = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'handler.ts');

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fast App (no built-in CloudFormation validation) writing to a temp dir removed after the file's tests. */
export function testApp(): App {
  const outdir = mkdtempSync(join(tmpdir(), 'notifier-infra-'));
  outdirs.push(outdir);
  return new App({ outdir, builtinCloudFormationValidation: false });
}

/** A {@link NotifierStack} with the stand-in handler, its template, and where its assets are. */
export function synthNotifier(deploy: DeployConfig = sesDeploy()): { stack: NotifierStack; template: Template; outdir: string } {
  const app = testApp();
  const stack = new NotifierStack(app, 'Notifier', { deploy, entry: FIXTURE_HANDLER });
  return { stack, template: Template.fromStack(stack), outdir: app.outdir };
}

/** One SES notifier with the given overrides of the notifier config. */
export function sesDeploy(notifier: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): DeployConfig {
  return parseDeployConfig({
    operatorEmail: 'ops@example.com',
    tags: { Owner: 'security' },
    notifiers: [
      {
        id: 'Mail',
        notifier: { transport: 'ses', ses: { from: 'alerts@example.com', to: ['team@example.com'] }, ...notifier },
        ...extra,
      },
    ],
  });
}

/** One SNS notifier subscribed by two addresses. */
export function snsDeploy(notifier: Record<string, unknown> = {}): DeployConfig {
  return parseDeployConfig({
    operatorEmail: 'ops@example.com',
    notifiers: [
      { id: 'Topic', notifier: { transport: 'sns', ...notifier }, sns: { subscriptionEmails: ['a@example.com', 'b@example.com'] } },
    ],
  });
}

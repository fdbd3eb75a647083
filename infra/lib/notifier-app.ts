import { join } from 'node:path';
import type { App } from 'aws-cdk-lib';
import type { DeployConfig } from './deploy-config.js';
import { synthesizeMemberTemplate } from './member-template.js';
import { NotifierStack } from './notifier-stack.js';
import { StackSetStack } from './stack-set-stack.js';

/** Options of {@link addNotifierStacks}. */
export interface NotifierAppOptions {
  /**
   * Handler file.
   * @default functions/handler.ts
   */
  readonly entry?: string;
}

/**
 * Adds the deployment the configuration asks for: the home-Region {@link NotifierStack}, or, with
 * a `stackSet` section, the {@link StackSetStack} that deploys the notifier to every target account
 * and Region (and no home-Region stack: one configuration, one deployment).
 */
export function addNotifierStacks(app: App, deploy: DeployConfig, options: NotifierAppOptions = {}): NotifierStack | StackSetStack {
  const entry = options.entry ? { entry: options.entry } : {};
  if (!deploy.stackSet) return new NotifierStack(app, deploy.stackName, { deploy, ...entry });
  const templateFile = synthesizeMemberTemplate(deploy, { outdir: join(app.outdir, 'stackset-member'), ...entry });
  return new StackSetStack(app, `${deploy.stackName}-StackSet`, { templateFile, stackSet: deploy.stackSet });
}

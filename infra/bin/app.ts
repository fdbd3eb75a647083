#!/usr/bin/env node
/**
 * The CDK app. `npx cdk synth` (or `npm run synth`) reads the deployment configuration from
 * infra/notifier.config.json, or from the file given with `-c config=<path>`. A wrong setting
 * prints one line naming it (`error: infra/x.json.notifiers[0].notifier.ses.from: ...`) and exits 1.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError } from '../../functions/core/errors.js';
import { loadDeployConfig } from '../lib/load-deploy-config.js';
import { addNotifierStacks } from '../lib/notifier-app.js';

const app = new App();
const path: unknown = app.node.tryGetContext('config');
try {
  addNotifierStacks(app, loadDeployConfig(typeof path === 'string' ? path : undefined));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(1);
}
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

#!/usr/bin/env node
/**
 * The CDK app. `npx cdk synth` (or `npm run synth`) reads the deployment configuration from
 * infra/notifier.config.json, or from the file given with `-c config=<path>`.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadDeployConfig } from '../lib/load-deploy-config.js';
import { addNotifierStacks } from '../lib/notifier-app.js';

const app = new App();
const path: unknown = app.node.tryGetContext('config');
addNotifierStacks(app, loadDeployConfig(typeof path === 'string' ? path : undefined));
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

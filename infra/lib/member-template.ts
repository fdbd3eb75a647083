import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { App, BootstraplessSynthesizer, type IStackSynthesizer, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError } from '../../functions/core/errors.js';
import type { DeployConfig } from './deploy-config.js';
import { NotifierStack } from './notifier-stack.js';

/** Id of the member stack inside its own cloud assembly. */
const MEMBER_STACK_ID = 'SecurityHubEmailNotifierMember';

/**
 * The largest template CloudFormation reads from S3, as a StackSet's `TemplateURL`: 1 MB
 * ("CloudFormation quotas", https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html).
 */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** Options of {@link synthesizeMemberTemplate}. */
export interface MemberTemplateOptions {
  /** Where the member's cloud assembly is written. */
  readonly outdir: string;
  /**
   * Handler file.
   * @default functions/handler.ts
   */
  readonly entry?: string;
}

/**
 * Synthesizes the StackSet member template: the {@link NotifierStack} with the code inline, the
 * seed's `NotificationEmail` parameter, and the {@link BootstraplessSynthesizer}, which refuses any
 * asset and adds no bootstrap version check, so the template deploys in accounts and Regions that
 * were never bootstrapped.
 *
 * @returns the path of the template file.
 * @throws ConfigError naming `notifiers` when the template passes the 1 MB CloudFormation accepts.
 */
export function synthesizeMemberTemplate(deploy: DeployConfig, options: MemberTemplateOptions): string {
  const app = new App({ outdir: options.outdir });
  // The member is synthesized in an app of its own: cdk-nag must check it here too, as it does the home app.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  createMemberStack(app, deploy, options.entry);
  const file = app.synth().getStackByName(MEMBER_STACK_ID).templateFullPath;
  // Written without indentation: CloudFormation counts the template's bytes, and the inline code of
  // every notifier (its bundle, compressed) takes most of them.
  writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
  const size = statSync(file).size;
  if (size > MAX_TEMPLATE_BYTES) {
    throw new ConfigError(
      'notifiers',
      `${deploy.notifiers.length} notifiers make a StackSet member template of ${size} bytes, over the ${MAX_TEMPLATE_BYTES} CloudFormation accepts; split them over two deployment configurations`,
    );
  }
  return file;
}

/** The member stack itself (inline code, no assets, `NotificationEmail` parameter), in the given app. */
export function createMemberStack(app: App, deploy: DeployConfig, entry?: string): NotifierStack {
  return new NotifierStack(app, MEMBER_STACK_ID, {
    deploy,
    // The cast only bridges exactOptionalPropertyTypes and the library's declarations.
    synthesizer: new BootstraplessSynthesizer() as IStackSynthesizer,
    codePackaging: 'inline',
    notificationEmailParameter: true,
    ...(entry ? { entry } : {}),
  });
}

/**
 * The notifier's own Security Hub custom action ("Send by email"): people select findings in the
 * console and pick it; the action rule matches its ARN in `resources`, as Security Hub's docs filter
 * Custom Action events ("Creating a custom action", https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-cwe-custom-actions.html),
 * so other tools' actions never reach the function.
 */
import { ArnFormat, Names, Stack } from 'aws-cdk-lib';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import type { Construct } from 'constructs';
import { ConfigError } from '../../functions/core/errors.js';

/** The Security Hub custom action people pick to mail findings ("Send by email"). */
export interface CustomActionOptions {
  /**
   * Create the action. Security Hub must be enabled in the account and Region first.
   * @default true
   */
  readonly create?: boolean | undefined;
  /**
   * Its id, unique in the account and Region: up to 20 letters and digits.
   * @default - derived from the construct's path, so two notifiers never collide
   */
  readonly id?: string | undefined;
  /**
   * Its name in the console's Actions menu (up to 20 characters).
   * @default 'Send by email'
   */
  readonly name?: string | undefined;
  /**
   * Its description.
   * @default 'Mails the selected findings to the notifier's recipients'
   */
  readonly description?: string | undefined;
}

/**
 * Creates the action (unless `create` is false or the notifier reads no Custom Action events) and
 * returns its ARN, built from its id so the rule and the function know it either way.
 *
 * @example const { arn, target } = createCustomAction(this, { name: 'Send by email' }, true);
 * @throws ConfigError naming `customAction.id` when it is not up to 20 letters and digits.
 */
export function createCustomAction(
  scope: Construct,
  options: CustomActionOptions,
  answered: boolean,
): { readonly arn: string; readonly target?: securityhub.CfnActionTarget } {
  const id = options.id ?? Names.uniqueResourceName(scope, { maxLength: 20, separator: '' });
  if (!/^[A-Za-z0-9]{1,20}$/.test(id)) throw new ConfigError('customAction.id', 'up to 20 letters and digits');
  const arn = Stack.of(scope).formatArn({
    service: 'securityhub',
    resource: 'action/custom',
    resourceName: id,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
  if (!(options.create ?? true) || !answered) return { arn };
  const target = new securityhub.CfnActionTarget(scope, 'SendByEmail', {
    id,
    name: options.name ?? 'Send by email',
    description: options.description ?? "Mails the selected findings to the notifier's recipients",
  });
  return { arn, target };
}

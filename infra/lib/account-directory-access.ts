/**
 * Read access to the account directory, as tightly as the APIs allow (Service Authorization
 * Reference: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsorganizations.html,
 * list_awsaccountmanagement.html):
 *
 * - `organizations:DescribeAccount` and `organizations:ListTagsForResource` on member accounts
 *   (`arn:<partition>:organizations::<management account>:account/o-<org id>/<account id>`; the
 *   management account and organization id are not known at deploy time, so they are wildcards);
 * - `account:GetAlternateContact` on member accounts (`arn:<partition>:account::<this account>:account/o-*` + `/*`),
 *   only for the SECURITY contact (condition key `account:AlternateContactTypes`).
 *
 * With `accounts.roleArn`, the function reads through that role instead: only `sts:AssumeRole` on it.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NotifierConfig } from '../../functions/core/config.js';

/**
 * Grants `role` what the account directory reads, when the configuration turns it on.
 *
 * @example grantDirectoryRead(this.role, config);
 */
export function grantDirectoryRead(role: iam.IRole, config: NotifierConfig): void {
  const accounts = config.accounts;
  if (!accounts) return;
  if (accounts.roleArn) {
    iam.Grant.addToPrincipal({ grantee: role, actions: ['sts:AssumeRole'], resourceArns: [accounts.roleArn] });
    return;
  }
  const { partition, account } = Stack.of(role);
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['organizations:DescribeAccount', 'organizations:ListTagsForResource'],
      resources: [`arn:${partition}:organizations::*:account/o-*/*`],
    }),
  );
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['account:GetAlternateContact'],
      resources: [`arn:${partition}:account::${account}:account/o-*/*`],
      conditions: { 'ForAllValues:StringEquals': { 'account:AlternateContactTypes': ['SECURITY'] } },
    }),
  );
  const reason =
    'Member accounts are named by the organization id and management account, which are not known at deploy time; ' +
    'the actions are reads of one account each, and GetAlternateContact is limited to the SECURITY contact.';
  for (const resource of [
    'arn:<AWS::Partition>:organizations::*:account/o-*/*',
    'arn:<AWS::Partition>:account::<AWS::AccountId>:account/o-*/*',
  ]) {
    Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason });
  }
}

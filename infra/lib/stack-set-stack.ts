import { Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudformation from 'aws-cdk-lib/aws-cloudformation';
import * as assets from 'aws-cdk-lib/aws-s3-assets';
import type { Construct } from 'constructs';
import type { StackSetConfig } from './deploy-config.js';

/** Properties of a {@link StackSetStack}. */
export interface StackSetStackProps extends StackProps {
  /** The synthesized member template (a {@link NotifierStack} with inline code and no assets). */
  readonly templateFile: string;
  /** Targets and permission model. */
  readonly stackSet: StackSetConfig;
}

/**
 * Deploys the notifier to every target account and Region through a CloudFormation StackSet.
 * The member template carries its code inline and needs no CDK bootstrap in the targets; only this
 * administrator stack uses an asset (the member template itself, read once by StackSets from S3,
 * because a template with code is larger than the 51,200 bytes `TemplateBody` allows).
 */
export class StackSetStack extends Stack {
  /** The StackSet. */
  readonly stackSet: cloudformation.CfnStackSet;
  /** The member template, uploaded as an asset. */
  readonly template: assets.Asset;

  constructor(scope: Construct, id: string, props: StackSetStackProps) {
    super(scope, id, { description: 'StackSet of the Security Hub email notifier, one stack per account and Region', ...props });
    const { stackSet } = props;
    this.template = new assets.Asset(this, 'MemberTemplate', { path: props.templateFile });
    const serviceManaged = stackSet.permissionModel === 'SERVICE_MANAGED';
    this.stackSet = new cloudformation.CfnStackSet(this, 'StackSet', {
      stackSetName: stackSet.stackSetName,
      description: 'Security Hub findings to readable emails, per Region',
      permissionModel: stackSet.permissionModel,
      ...(serviceManaged ? { autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false }, callAs: stackSet.callAs } : {}),
      capabilities: ['CAPABILITY_IAM'],
      templateUrl: this.template.httpUrl,
      managedExecution: { Active: true },
      operationPreferences: { regionConcurrencyType: 'PARALLEL', failureToleranceCount: 0, maxConcurrentCount: 1 },
      stackInstancesGroup: [
        {
          regions: [...stackSet.regions],
          deploymentTargets: serviceManaged
            ? {
                organizationalUnitIds: [...(stackSet.organizationalUnitIds ?? [])],
                // Every account of the units except these ("DeploymentTargets", AccountFilterType DIFFERENCE).
                ...(stackSet.excludeAccounts.length > 0
                  ? { accountFilterType: 'DIFFERENCE', accounts: [...stackSet.excludeAccounts] }
                  : {}),
              }
            : { accounts: [...(stackSet.accounts ?? [])] },
        },
      ],
    });
  }
}

/**
 * The SNS topics routes name (`policy.routes[].snsTopicArn`): the function may publish to exactly
 * those, with the KMS keys that encrypt them, and only in its own Region. The function's SNS client
 * is regional and SNS refuses a topic of another Region, so such a route would fail at the first
 * finding; the stack refuses it at synth (known Region) or before creating anything (CloudFormation
 * rule, when the Region is only known at deploy).
 */
import { Aws, CfnRule, Fn, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { NotifierConfig } from '../../functions/core/config.js';
import { ConfigError } from '../../functions/core/errors.js';

/**
 * Grants `sns:Publish` on the route topics and `kms:Decrypt` and `kms:GenerateDataKey` on `keyArns`
 * (the customer managed keys of encrypted route topics). Call `checkRouteTopicRegions` once per notifier.
 */
export function grantRouteTopics(role: iam.IGrantable, config: NotifierConfig, keyArns: readonly string[]): void {
  const arns = routeTopics(config).map((r) => r.arn);
  if (arns.length > 0) iam.Grant.addToPrincipal({ grantee: role, actions: ['sns:Publish'], resourceArns: [...new Set(arns)] });
  if (keyArns.length > 0) {
    iam.Grant.addToPrincipal({ grantee: role, actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resourceArns: [...new Set(keyArns)] });
  }
}

/**
 * Checks every route topic's Region: at synth when the stack's Region is known, else with a
 * CloudFormation rule that stops the deploy before anything is created.
 *
 * @throws ConfigError naming the route whose topic is in another Region than a stack with a known Region.
 */
export function checkRouteTopicRegions(scope: Construct, config: NotifierConfig): void {
  const routes = routeTopics(config);
  const stackRegion = Stack.of(scope).region;
  const regions = new Set(routes.map((r) => regionOf(r.arn)));
  if (!Token.isUnresolved(stackRegion)) {
    const foreign = routes.find((r) => regionOf(r.arn) !== stackRegion);
    if (foreign) {
      throw new ConfigError(
        `config.policy.routes[${foreign.index}].snsTopicArn`,
        `the topic is in ${regionOf(foreign.arn)}, the function in ${stackRegion}; it can publish only to topics of its own Region`,
      );
    }
    return;
  }
  if (regions.size === 0) return;
  new CfnRule(scope, 'RouteTopicsInThisRegion', {
    assertions: [...regions].map((region) => ({
      assert: Fn.conditionEquals(Aws.REGION, region),
      assertDescription: `policy.routes[].snsTopicArn names a topic in ${region}: deploy this notifier in ${region}, or use a topic of this Region`,
    })),
  });
}

function routeTopics(config: NotifierConfig): { index: number; arn: string }[] {
  return config.policy.routes.flatMap((route, index) => (route.snsTopicArn ? [{ index, arn: route.snsTopicArn }] : []));
}

function regionOf(arn: string): string {
  return arn.split(':')[3] ?? '';
}

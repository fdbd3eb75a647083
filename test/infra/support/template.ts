/** Reading synthesized templates in the infrastructure tests. */
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** An IAM policy statement as it appears in a template. */
export type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Principal?: unknown };

/** Every statement of the identity policies (`AWS::IAM::Policy`) in the template. */
export function roleStatements(template: Template): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy')).flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
}

/** A statement's actions, always as a list. */
export function actionsOf(statement: Statement): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/** The logical id of the one resource of `type` with these properties; throws unless there is exactly one. */
export function logicalIdOf(template: Template, type: string, props: Record<string, unknown> = {}): string {
  const [id, ...more] = Object.keys(template.findResources(type, { Properties: props }));
  if (!id || more.length > 0) throw new Error(`expected exactly one ${type} with ${JSON.stringify(props)}`);
  return id;
}

/** cdk-nag's AwsSolutions violations in `scope`, as `rule: construct paths` lines (empty when it passes). */
export function nagViolations(scope: IConstruct): string[] {
  return new AwsSolutionsChecks()
    .validateScope(scope)
    .violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
}

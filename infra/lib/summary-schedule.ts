/**
 * The summary emails: a function (the same bundle's `summary-handler.ts`) and one EventBridge
 * Scheduler schedule per route, in the route's time zone, invoking it with `{"route": "<name>"}`.
 * Read-only permissions: `securityhub:GetFindings` (and `GetFindingsV2`) on this account's hub, the
 * last-summary and directory-cache items of the state table, and the account directory.
 */
import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { NotifierConfig } from '../../functions/core/config.js';
import { summaryRoutes } from '../../functions/core/summary/route-summaries.js';
import { grantDirectoryRead } from './account-directory-access.js';
import { HANDLER } from './function-code.js';
import { type CodePackaging, packageFunction } from './function-package.js';
import { PROJECT_ROOT } from './paths.js';

/** The summary handler, next to the alert handler. */
export const SUMMARY_HANDLER_ENTRY = `${PROJECT_ROOT}/functions/summary-handler.ts`;

/** The state table actions the summary uses: last summary (GetItem, PutItem), directory cache (batch). */
const SUMMARY_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem'];

export interface NotifierSummaryProps {
  /** The notifier's configuration (the routes and their schedules). */
  readonly config: NotifierConfig;
  /** What the function's code carries: the configuration without deploy-time values (see `packageFunction`). */
  readonly fileConfig: unknown;
  /** The deploy-time values (state table, topic), as the alert function gets them. */
  readonly tokens: Readonly<Record<string, string>>;
  /** @default 'asset' */
  readonly codePackaging?: CodePackaging;
  readonly stateTable: dynamodb.Table;
  /** Grants the function's role what sending takes (the same as the alert function's). */
  readonly grantSend: (role: iam.IRole) => void;
  /** @default logs.RetentionDays.THREE_MONTHS */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Reading every open finding (up to 20,000 a query, 3 requests a second) takes time.
   * @default Duration.minutes(5)
   */
  readonly timeout?: Duration;
}

/**
 * @example
 * new NotifierSummary(this, 'Summary', { config, stateTable, grantSend: (role) => sender.grantSend(role) });
 */
export class NotifierSummary extends Construct {
  readonly function: lambda.Function;
  readonly role: iam.Role;
  /** One per route with a summary (the fallback route `default` included). */
  readonly schedules: readonly scheduler.Schedule[];
  /** Where the scheduler puts invocations it could not deliver. */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: NotifierSummaryProps) {
    super(scope, id);
    const { config } = props;
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Security Hub email notifier summary: read findings and accounts, send the summary',
    });
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention ?? logs.RetentionDays.THREE_MONTHS });
    logGroup.grantWrite(this.role);
    props.grantSend(this.role);
    iam.Grant.addToPrincipal({ grantee: this.role, actions: SUMMARY_TABLE_ACTIONS, resourceArns: [props.stateTable.tableArn] });
    const { partition, region, account } = Stack.of(this);
    // GetFindingsV2 is authorized by securityhub:GetFindings (API reference, GetFindingsV2); the
    // V2 action is listed as well for accounts whose policies name it. Resource: this account's hub.
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['securityhub:GetFindings', 'securityhub:GetFindingsV2'],
        resources: [`arn:${partition}:securityhub:${region}:${account}:hub/default`],
      }),
    );
    grantDirectoryRead(this.role, config);

    const code = packageFunction(SUMMARY_HANDLER_ENTRY, props.codePackaging ?? 'asset', props.fileConfig);
    this.function = new lambda.Function(this, 'Function', {
      code: code.code,
      handler: HANDLER,
      role: this.role,
      logGroup,
      architecture: lambda.Architecture.ARM_64,
      runtime: lambda.Runtime.NODEJS_24_X,
      memorySize: 512,
      timeout: props.timeout ?? Duration.minutes(5),
      description: 'Sends the Security Hub summary email of a route',
      environment: { ...code.environment, ...props.tokens },
    });

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue: the scheduler puts summary invocations here it could not deliver.',
    });
    // The scheduler's role: LambdaInvoke grants it invoke on the function and its versions (`<arn>:*`).
    const schedulerRole = new iam.Role(this, 'SchedulerRole', { assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com') });
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.function.node.defaultChild as lambda.CfnFunction)}.Arn>:*]`,
      reason: 'lambda:InvokeFunction on the summary function and its versions, as the scheduler target grants it; nothing else.',
    });
    this.schedules = summaryRoutes(config).map((route, index) => {
      const schedule = route.summary ?? config.summary;
      return new scheduler.Schedule(this, `Schedule${index}`, {
        description: `Security Hub summary of route ${route.name}`,
        schedule: scheduler.ScheduleExpression.expression(
          schedule?.schedule ?? 'cron(0 8 ? * MON *)',
          TimeZone.of(schedule?.timeZone ?? config.timeZone),
        ),
        target: new schedulerTargets.LambdaInvoke(this.function, {
          input: scheduler.ScheduleTargetInput.fromObject({ route: route.name }),
          deadLetterQueue: this.deadLetterQueue,
          role: schedulerRole,
          retryAttempts: 3,
          maxEventAge: Duration.hours(1),
        }),
      });
    });
  }
}

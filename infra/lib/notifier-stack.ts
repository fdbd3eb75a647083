import { CfnCondition, CfnParameter, Duration, Fn, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { DeployConfig } from './deploy-config.js';
import type { EncryptedTopic } from './encrypted-topic.js';
import { createAlarmTopic } from './notifier-alarms.js';
import { type CodePackaging, SecurityHubEmailNotifier } from './security-hub-email-notifier.js';

/** Tag every resource carries, whatever the configuration adds. */
const PROJECT_TAG = { key: 'Project', value: 'securityhub-email-notifier' } as const;

/** Properties of a {@link NotifierStack}. */
export interface NotifierStackProps extends StackProps {
  /** The validated deployment configuration (`parseDeployConfig`). */
  readonly deploy: DeployConfig;
  /**
   * Handler file for every notifier (tests point this at a fixture).
   * @default functions/handler.ts
   */
  readonly entry?: string;
  /**
   * How the handler code reaches Lambda; `inline` for StackSets.
   * @default 'asset'
   */
  readonly codePackaging?: CodePackaging;
  /**
   * Add the seed's `NotificationEmail` parameter: when set, that address is subscribed to every SNS
   * delivery topic (StackSet parameter overrides per account or Region).
   * @default false
   */
  readonly notificationEmailParameter?: boolean;
}

/**
 * The deployable unit: one alarm topic for the operator and one {@link SecurityHubEmailNotifier}
 * per configured notifier, everything tagged.
 */
export class NotifierStack extends Stack {
  /** The notifiers, in configuration order. */
  readonly notifiers: readonly SecurityHubEmailNotifier[];
  /** Where every notifier's alarms go. */
  readonly alarmTopic: EncryptedTopic;

  constructor(scope: Construct, id: string, props: NotifierStackProps) {
    super(scope, id, {
      description: 'Security Hub findings to readable emails (securityhub-email-notifier)',
      ...props,
    });
    const { deploy } = props;
    this.alarmTopic = createAlarmTopic(this, 'OperatorAlarms', deploy.operatorEmail);
    this.notifiers = deploy.notifiers.map(
      (entry) =>
        new SecurityHubEmailNotifier(this, entry.id, {
          config: entry.notifier,
          ses: {
            createIdentity: entry.ses.createIdentity,
            createConfigurationSet: entry.ses.createConfigurationSet,
            sandbox: entry.ses.sandbox,
            ...(entry.ses.identityDomain ? { identityDomain: entry.ses.identityDomain } : {}),
          },
          subscriptionEmails: entry.sns.subscriptionEmails,
          routeTopicKeyArns: entry.sns.routeTopicKeyArns,
          // Several notifiers, several actions: each named after its notifier, so people can tell them apart.
          customAction: {
            ...entry.customAction,
            name: entry.customAction.name ?? (deploy.notifiers.length > 1 ? `Email ${entry.id}`.slice(0, 20) : undefined),
          },
          alarmTopic: this.alarmTopic.topic,
          ...(props.entry ? { entry: props.entry } : {}),
          ...(props.codePackaging ? { codePackaging: props.codePackaging } : {}),
          memorySize: entry.function.memorySize,
          timeout: Duration.seconds(entry.function.timeoutSeconds),
          maxConcurrency: entry.queue.maxConcurrency,
          logRetention: entry.function.logRetentionDays as logs.RetentionDays,
          logLevel: entry.function.logLevel,
          batchSize: entry.queue.batchSize,
          maxBatchingWindow: Duration.seconds(entry.queue.maxBatchingWindowSeconds),
          maxReceiveCount: entry.queue.maxReceiveCount,
          oldestMessageAgeThreshold: Duration.seconds(entry.alarms.oldestMessageAgeSeconds),
        }),
    );
    if (props.notificationEmailParameter) this.addNotificationEmailParameter();
    Tags.of(this).add(PROJECT_TAG.key, PROJECT_TAG.value);
    for (const [key, value] of Object.entries(deploy.tags)) Tags.of(this).add(key, value);
  }

  private addNotificationEmailParameter(): void {
    const email = new CfnParameter(this, 'NotificationEmail', {
      type: 'String',
      default: '',
      description: 'An extra address subscribed to the SNS delivery topics (empty: none)',
      allowedPattern: '^$|^[^@\\s]+@[^@\\s]+$',
    });
    const given = new CfnCondition(this, 'HasNotificationEmail', {
      expression: Fn.conditionNot(Fn.conditionEquals(email.valueAsString, '')),
    });
    for (const notifier of this.notifiers) {
      if (!notifier.deliveryTopic) continue;
      const subscription = new sns.CfnSubscription(notifier, 'NotificationEmailSubscription', {
        topicArn: notifier.deliveryTopic.topic.topicArn,
        protocol: 'email',
        endpoint: email.valueAsString,
      });
      subscription.cfnOptions.condition = given;
    }
  }
}

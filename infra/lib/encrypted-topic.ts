import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Properties of an {@link EncryptedTopic}. */
export interface EncryptedTopicProps {
  /** Shown as the sender name of SNS emails. */
  readonly displayName: string;
  /**
   * Email addresses subscribed to the topic. Each receives a confirmation email first.
   * @default - no subscription
   */
  readonly emails?: readonly string[];
  /**
   * Let CloudWatch alarms in this account publish (topic policy and key policy).
   * @default false - the topic policy only denies publishing without TLS
   */
  readonly allowCloudWatchAlarms?: boolean;
}

/**
 * An SNS topic encrypted with its own rotating KMS key, publishing allowed over TLS only. The
 * topic policy grants nothing (unless `allowCloudWatchAlarms`); publishers get access through their own
 * IAM policy, with `kms:GenerateDataKey` and `kms:Decrypt` on {@link EncryptedTopic.key}.
 */
export class EncryptedTopic extends Construct {
  /** The topic. */
  readonly topic: sns.Topic;
  /** The customer managed key the topic is encrypted with. */
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: EncryptedTopicProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts the ${props.displayName} SNS topic`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.topic = new sns.Topic(this, 'Topic', { displayName: props.displayName, masterKey: this.key, enforceSSL: true });
    for (const email of props.emails ?? []) this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    if (props.allowCloudWatchAlarms) this.allowCloudWatchAlarms();
  }

  private allowCloudWatchAlarms(): void {
    const { account, partition, region } = this.topic.stack;
    const cloudwatch = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
    const fromThisAccount = {
      StringEquals: { 'aws:SourceAccount': account },
      ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
    };
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [cloudwatch],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: fromThisAccount,
      }),
    );
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToPublishEncrypted',
        principals: [cloudwatch],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: fromThisAccount,
      }),
    );
  }
}

/**
 * The simulation's mail side: the SES v2 stand-in, or the SNS stand-in with an HTTP subscriber on
 * a topic it creates, plus the DynamoDB tables as the construct creates them (dynalite).
 */
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  createSubscribedTopic,
  DUMMY_CREDENTIALS,
  LOCAL_REGION,
  startHttpSubscriber,
  startSes,
  startSns,
} from '../../test/support/stand-ins.js';
import type { SendingConfig } from '../core/config.js';

export interface DeliveryStandIn {
  /** The configuration with the stand-in's topic (SNS). */
  readonly config: SendingConfig;
  /** Where emails go by default, as the result names it. */
  readonly destination: string;
  /** Every email the stand-in received: subject and text body. */
  delivered(): Promise<{ subject: string; text: string }[]>;
  stop(): Promise<void>;
}

/**
 * Starts the stand-in for `config.transport` and points the SDK at it (`AWS_ENDPOINT_URL_*`).
 *
 * @example const delivery = await startDelivery(config); ... await delivery.delivered();
 */
export async function startDelivery(config: SendingConfig): Promise<DeliveryStandIn> {
  process.env.AWS_REGION = LOCAL_REGION;
  process.env.AWS_ACCESS_KEY_ID = DUMMY_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = DUMMY_CREDENTIALS.secretAccessKey;
  if (config.transport === 'sns') {
    const [sns, subscriber] = await Promise.all([startSns(), startHttpSubscriber()]);
    process.env.AWS_ENDPOINT_URL_SNS = sns.endpoint;
    const topicArn = await createSubscribedTopic(sns, 'simulated-findings', subscriber);
    return {
      config: { ...config, sns: { topicArn } },
      destination: topicArn,
      async delivered() {
        return subscriber.received
          .map((d) => JSON.parse(d.body) as { Subject?: string; Message?: string })
          .map((n) => ({ subject: n.Subject ?? '', text: n.Message ?? '' }));
      },
      stop: async () => {
        await Promise.all([sns.stop(), subscriber.stop()]);
      },
    };
  }
  const ses = await startSes();
  // aws-ses-v2-local keeps one store per process: start from an empty one.
  await ses.clear();
  process.env.AWS_ENDPOINT_URL_SESV2 = ses.endpoint;
  return {
    config,
    destination: [...config.ses.to, ...config.ses.cc].join(', '),
    async delivered() {
      return (await ses.emails()).map((e) => ({ subject: e.subject, text: e.body.text ?? '' }));
    },
    stop: () => ses.stop(),
  };
}

/** The state table (`pk`) and the window table (`pk`, `sk`), as the construct creates them (minus TTL, which dynalite lacks). */
export async function createTables(client: DynamoDBClient, stateTable: string, windowTable: string): Promise<void> {
  const key = (name: string, type: 'HASH' | 'RANGE') => ({ AttributeName: name, KeyType: type });
  const attribute = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });
  await client.send(
    new CreateTableCommand({
      TableName: stateTable,
      AttributeDefinitions: [attribute('pk')],
      KeySchema: [key('pk', 'HASH')],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await client.send(
    new CreateTableCommand({
      TableName: windowTable,
      AttributeDefinitions: [attribute('pk'), attribute('sk')],
      KeySchema: [key('pk', 'HASH'), key('sk', 'RANGE')],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

/**
 * One send budget per destination for every invocation at once: a virtual schedule kept in one
 * DynamoDB item per destination (`pk = budget#<destination>`), `nextFreeAt` (epoch ms). A sender
 * takes the next slot with a conditional update and sleeps until it; consecutive slots are
 * `units * 1000 / rate` ms apart, so no one-second span holds more than `rate` units, however many
 * invocations send. Limits (checked December 2026):
 * - SNS: more than 10 messages a second to one email subscription suspends it (Amazon SNS Developer
 *   Guide, "Email notifications"): one unit per email, per topic.
 * - SES: the account's maximum send rate counts recipients, not messages (Amazon SES Developer Guide,
 *   "Managing your Amazon SES sending limits"); the sandbox allows 1 a second.
 */
import { ConditionalCheckFailedException, type DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';

export interface SendBudget {
  /**
   * Reserves `units` for `destination`; resolves with the epoch ms of the slot, or `undefined`
   * when the next free slot starts after `latestStart` (defer: nothing is reserved).
   */
  reserve(destination: string, units: number, nowMs: number, latestStart: number): Promise<number | undefined>;
}

/**
 * @example
 * const budget = createSendBudget(client, 'notifier-windows', 10);
 * const slot = await budget.reserve('arn:aws:sns:...:alerts', 1, Date.now(), deadline - 5000);
 */
export function createSendBudget(client: DynamoDBClient, tableName: string, perSecond: number): SendBudget {
  const n = (value: number) => ({ N: String(value) });
  const key = (destination: string) => ({ pk: { S: `budget#${destination}` }, sk: { S: 'budget' } });

  async function update(input: ConstructorParameters<typeof UpdateItemCommand>[0]): Promise<number | undefined> {
    try {
      const out = await client.send(new UpdateItemCommand({ ...input, ReturnValues: 'UPDATED_NEW' }));
      return Number(out.Attributes?.nextFreeAt?.N);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  return {
    async reserve(destination, units, nowMs, latestStart) {
      const cost = Math.ceil((units * 1000) / perSecond);
      for (let attempt = 0; attempt < 4; attempt++) {
        // Busy: append to the schedule, unless the slot would start too late.
        const appended = await update({
          TableName: tableName,
          Key: key(destination),
          UpdateExpression: 'SET nextFreeAt = nextFreeAt + :cost',
          ConditionExpression: 'nextFreeAt >= :now AND nextFreeAt <= :latest',
          ExpressionAttributeValues: { ':cost': n(cost), ':now': n(nowMs), ':latest': n(latestStart) },
        });
        if (appended !== undefined) return appended - cost;
        // Idle: the schedule starts again now.
        const fresh = await update({
          TableName: tableName,
          Key: key(destination),
          UpdateExpression: 'SET nextFreeAt = :next',
          ConditionExpression: 'attribute_not_exists(nextFreeAt) OR nextFreeAt < :now',
          ExpressionAttributeValues: { ':next': n(nowMs + cost), ':now': n(nowMs) },
        });
        if (fresh !== undefined) return nowMs;
        const out = await client.send(new GetItemCommand({ TableName: tableName, Key: key(destination), ConsistentRead: true }));
        if (Number(out.Item?.nextFreeAt?.N) > latestStart) return undefined;
      }
      return undefined;
    },
  };
}

/**
 * Dedup that is safe under concurrency: before an email goes out, each of its findings' state
 * records (the state table, `finding#<key>`) is claimed with a conditional write that holds only
 * if the record is still what the flush planned against and no live claim holds it. The winner
 * sends; the "done" record (`StateStore.putMany`, which replaces the item) ends the claim. A claim
 * lapses at its invocation's deadline, so a crash means a later flush mails the finding again.
 */
import { ConditionalCheckFailedException, type DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { StoredState } from '../../core/policy/state.js';
import { findingPk } from '../state/dynamodb-item.js';

export interface FindingClaims {
  /** `true` when this flush now holds the finding's material change until `deadline`. */
  claim(key: string, prior: StoredState | undefined, nowMs: number, deadline: number): Promise<boolean>;
  /** Gives a claim back (the email was not sent). */
  release(key: string, deadline: number): Promise<void>;
}

/** @example const claims = createFindingClaims(client, 'notifier-state'); */
export function createFindingClaims(client: DynamoDBClient, stateTable: string): FindingClaims {
  const n = (value: number) => ({ N: String(value) });
  return {
    async claim(key, prior, nowMs, deadline) {
      // The record is the one planned against (same last mail), or there was none (or only an expired one).
      const unchanged = prior ? 'notifiedAt = :notified' : '(attribute_not_exists(notifiedAt) OR expiresAt <= :nowSec)';
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: stateTable,
            Key: { pk: { S: findingPk(key) } },
            UpdateExpression: 'SET claimUntil = :deadline, expiresAt = if_not_exists(expiresAt, :ttl)',
            ConditionExpression: `${unchanged} AND (attribute_not_exists(claimUntil) OR claimUntil < :now)`,
            ExpressionAttributeValues: {
              ':deadline': n(deadline),
              ':now': n(nowMs),
              ':ttl': n(Math.ceil(deadline / 1000) + 86_400),
              ...(prior ? { ':notified': { S: prior.notifiedAt } } : { ':nowSec': n(Math.floor(nowMs / 1000)) }),
            },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    async release(key, deadline) {
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: stateTable,
            Key: { pk: { S: findingPk(key) } },
            UpdateExpression: 'REMOVE claimUntil',
            ConditionExpression: 'claimUntil = :deadline',
            ExpressionAttributeValues: { ':deadline': n(deadline) },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}

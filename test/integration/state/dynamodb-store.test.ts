import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoStateStore, withFallback } from '../../../functions/adapters/state/index.js';
import { StateStoreError } from '../../../functions/core/policy/state.js';
import { createStateTable, type Dynalite, localClient, startDynalite } from './dynalite.js';
import { aState, describeStoreContract, T0 } from './store-contract.js';

let server: Dynalite;
let tables = 0;

beforeAll(async () => {
  server = await startDynalite();
});
afterAll(async () => {
  await server.stop();
});

describeStoreContract('DynamoDB (dynalite)', async (clock) => {
  const client = server.client();
  const tableName = `state-${++tables}`;
  await createStateTable(client, tableName);
  return createDynamoStateStore({ client, tableName, now: () => clock.now });
});

describe('DynamoDB store when the table cannot be reached', () => {
  it('throws a StateStoreError naming the operation, with the SDK error as cause', async () => {
    const store = createDynamoStateStore({ client: server.client({ maxAttempts: 1 }), tableName: 'no-such-table' });
    const error = await store.getMany(['a']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateStoreError);
    expect(error).toMatchObject({ name: 'StateStoreError', operation: 'getMany', cause: { name: 'ResourceNotFoundException' } });
    await expect(store.putMany([aState('a')])).rejects.toMatchObject({ operation: 'putMany' });
    await expect(store.claimEvent('e')).rejects.toMatchObject({ operation: 'claimEvent' });
  });

  it('throws a StateStoreError when nothing listens', async () => {
    const store = createDynamoStateStore({ client: localClient('http://127.0.0.1:1', 1), tableName: 'state' });
    await expect(store.getMany(['a'])).rejects.toBeInstanceOf(StateStoreError);
  });

  it('sends anyway behind withFallback: nothing known, nothing seen, the error reported', async () => {
    const errors: StateStoreError[] = [];
    const store = withFallback(
      createDynamoStateStore({ client: localClient('http://127.0.0.1:1', 1), tableName: 'state', now: () => T0 }),
      (e) => errors.push(e),
    );
    expect((await store.getMany(['a'])).size).toBe(0);
    expect(await store.claimEvent('e')).toBe(false);
    await store.putMany([aState('a')]);
    await store.releaseEvent('e');
    expect(errors.map((e) => e.operation)).toEqual(['getMany', 'claimEvent', 'putMany', 'releaseEvent']);
  });
});

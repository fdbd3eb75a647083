/** The account directory adapters against loopback stand-ins: Organizations + Account (wire protocols), the cache in dynalite. */
import { AccountClient } from '@aws-sdk/client-account';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCachedDirectory } from '../../../functions/adapters/directory/cached-directory.js';
import { createOrganizationsDirectory } from '../../../functions/adapters/directory/organizations-directory.js';
import { type ReadStandIn, startReadStandIn } from '../../support/aws-read-stand-in.js';
import { DUMMY_CREDENTIALS, LOCAL_REGION } from '../../support/stand-ins.js';
import { createStateTable, type Dynalite, localClient, startDynalite } from '../state/dynalite.js';

const clientOptions = (endpoint: string) => ({ endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 2 });

function directoryAt(endpoint: string) {
  return createOrganizationsDirectory({
    organizations: new OrganizationsClient(clientOptions(endpoint)),
    account: new AccountClient(clientOptions(endpoint)),
  });
}

describe('Organizations + Account directory', () => {
  let aws: ReadStandIn;
  beforeAll(async () => {
    aws = await startReadStandIn();
  });
  afterAll(() => aws.stop());
  beforeEach(() => {
    aws.data.accounts = {
      '111122223333': {
        name: 'payments-prod',
        tags: { env: 'prod', team: 'payments', owner: 'pay@example.com' },
        securityEmail: 'sec@example.com',
      },
      '444455556666': { name: 'data-dev', tags: {} },
    };
    aws.data.throttled.clear();
    aws.calls.length = 0;
  });

  it('reads names, every page of tags and the SECURITY contact; no contact is not a problem', async () => {
    const { accounts, problems } = await directoryAt(aws.endpoint).lookup(['111122223333', '444455556666']);
    expect(problems).toEqual([]);
    expect(accounts.get('111122223333')).toEqual({
      id: '111122223333',
      name: 'payments-prod',
      tags: { env: 'prod', team: 'payments', owner: 'pay@example.com' },
      securityContact: 'sec@example.com',
    });
    expect(accounts.get('444455556666')).toEqual({ id: '444455556666', name: 'data-dev', tags: {} });
    // Three tags, one a page.
    expect(aws.calls.filter((c) => c === 'ListTagsForResource')).toHaveLength(4);
  });

  it('names what it could not read: an unknown account, a throttled API', async () => {
    aws.data.throttled.add('DescribeAccount');
    const { accounts, problems } = await directoryAt(aws.endpoint).lookup(['111122223333', '999999999999']);
    expect(accounts.get('111122223333')?.securityContact).toBe('sec@example.com');
    expect(accounts.get('111122223333')?.name).toBeUndefined();
    expect(problems).toContainEqual(expect.stringMatching(/^account 111122223333: DescribeAccount: TooManyRequestsException/));
    expect(problems).toContainEqual(expect.stringMatching(/^account 999999999999: ListTagsForResource: TargetNotFoundException/));
  });

  it('an unreachable endpoint: no accounts, one problem per call, nothing thrown', async () => {
    const { accounts, problems } = await directoryAt('http://127.0.0.1:9').lookup(['111122223333']);
    expect(accounts.size).toBe(0);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^account 111122223333: DescribeAccount: /);
  });

  describe('cached in the state table', () => {
    let dynamo: Dynalite;
    beforeAll(async () => {
      dynamo = await startDynalite();
      await createStateTable(dynamo.client(), 'notifier-state');
    });
    afterAll(() => dynamo.stop());

    it('asks Organizations once per TTL, never caches a partial read, and works without the table', async () => {
      let now = new Date('2026-03-31T00:00:00Z');
      const warnings: unknown[] = [];
      const cached = (endpoint: string) =>
        createCachedDirectory({
          source: directoryAt(aws.endpoint),
          client: localClient(endpoint, 1),
          tableName: 'notifier-state',
          ttlHours: 24,
          now: () => now,
          log: { warn: (message) => void warnings.push(message) },
        });
      const directory = cached(dynamo.endpoint);

      aws.data.throttled.add('GetAlternateContact');
      await directory.lookup(['111122223333', '444455556666']);
      aws.data.throttled.clear();
      aws.calls.length = 0;
      const second = await directory.lookup(['111122223333', '444455556666']);
      // Both were read in part (no contact could be read): neither was cached, both are asked again.
      expect(aws.calls.filter((c) => c === 'DescribeAccount')).toHaveLength(2);
      expect(second.accounts.get('444455556666')?.name).toBe('data-dev');
      expect(second.accounts.get('111122223333')?.securityContact).toBe('sec@example.com');

      aws.calls.length = 0;
      await directory.lookup(['111122223333']);
      expect(aws.calls).toEqual([]);
      now = new Date('2026-04-01T01:00:00Z');
      await directory.lookup(['111122223333']);
      expect(aws.calls.filter((c) => c === 'DescribeAccount')).toHaveLength(1);

      // A warm function remembers what it read: no table request until the entry expires.
      const client = localClient(dynamo.endpoint, 1);
      const tableCalls = vi.spyOn(client, 'send');
      const warm = createCachedDirectory({
        source: directoryAt(aws.endpoint),
        client,
        tableName: 'notifier-state',
        ttlHours: 24,
        now: () => now,
        log: { warn() {} },
      });
      await warm.lookup(['111122223333']);
      const afterFirst = tableCalls.mock.calls.length;
      const again = await warm.lookup(['111122223333']);
      expect(afterFirst).toBeGreaterThan(0);
      expect(tableCalls.mock.calls.length).toBe(afterFirst);
      expect(again.accounts.get('111122223333')?.name).toBe('payments-prod');

      const offline = await cached('http://127.0.0.1:9').lookup(['111122223333']);
      expect(offline.accounts.get('111122223333')?.name).toBe('payments-prod');
      expect(warnings).toContain('account directory cache not read; asking Organizations');
    });
  });
});

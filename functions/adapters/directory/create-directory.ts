/**
 * The Lambda's account directory (once per cold start): Organizations and the Account API, in the
 * function's own account (the delegated administrator) or through `accounts.roleArn`, cached in the
 * state table when there is one. `undefined` without `accounts` in the configuration.
 */
import type { NotifierConfig } from '../../core/config.js';
import type { Log } from '../../notifier/notifier-log.js';
import { STATE_CLIENT_OPTIONS } from '../create-state-store.js';
import { SDK_CLIENT_OPTIONS } from '../create-transport.js';
import type { DirectorySource } from './directory-source.js';

/** Reads that are not on the send path still must not hold a batch up: few attempts, short timeouts. */
const DIRECTORY_CLIENT_OPTIONS = { ...SDK_CLIENT_OPTIONS, maxAttempts: 3 } as const;

/**
 * @example const directory = await createLambdaDirectory(config, logger);
 */
export async function createLambdaDirectory(config: NotifierConfig, log: Log): Promise<DirectorySource | undefined> {
  if (!config.accounts) return undefined;
  const { AccountClient, OrganizationsClient, createOrganizationsDirectory } = await import('./organizations-directory.js');
  const credentials = config.accounts.roleArn ? await assumedRole(config.accounts.roleArn) : undefined;
  const options = { ...DIRECTORY_CLIENT_OPTIONS, ...(credentials ? { credentials } : {}) };
  const source = createOrganizationsDirectory({ organizations: new OrganizationsClient(options), account: new AccountClient(options) });
  if (!config.stateTable) return source;
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { createCachedDirectory } = await import('./cached-directory.js');
  return createCachedDirectory({
    source,
    client: new DynamoDBClient(STATE_CLIENT_OPTIONS),
    tableName: config.stateTable,
    ttlHours: config.accounts.cacheTtlHours,
    now: () => new Date(),
    log,
  });
}

/** Temporary credentials of `roleArn` (sts:AssumeRole), refreshed by the SDK when they expire. */
async function assumedRole(roleArn: string) {
  const { AssumeRoleCommand, STSClient } = await import('@aws-sdk/client-sts');
  const sts = new STSClient(DIRECTORY_CLIENT_OPTIONS);
  return async () => {
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'securityhub-email-notifier' }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`AssumeRole ${roleArn} returned no credentials`);
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  };
}

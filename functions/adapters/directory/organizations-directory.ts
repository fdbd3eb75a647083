/**
 * The account directory from AWS Organizations (`DescribeAccount`, `ListTagsForResource`) and the
 * Account API (`GetAlternateContact`, SECURITY). Called from the management account or a delegated
 * administrator (https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeAccount.html,
 * https://docs.aws.amazon.com/accounts/latest/reference/API_GetAlternateContact.html). Never throws:
 * an account or a call that fails is left out and named in `problems`.
 */
import { type AccountClient, GetAlternateContactCommand } from '@aws-sdk/client-account';
import { DescribeAccountCommand, ListTagsForResourceCommand, type OrganizationsClient } from '@aws-sdk/client-organizations';
import type { AccountDirectory, AccountInfo } from '../../core/accounts/directory.js';
import { describe } from '../findings/security-hub-findings.js';
import type { DirectorySource } from './directory-source.js';

export { AccountClient } from '@aws-sdk/client-account';
export { OrganizationsClient } from '@aws-sdk/client-organizations';

export interface OrganizationsDirectoryOptions {
  readonly organizations: OrganizationsClient;
  readonly account: AccountClient;
  /** Accounts looked up at once (Organizations throttles per account: a few requests a second). @default 4 */
  readonly concurrency?: number;
}

/**
 * @example
 * const source = createOrganizationsDirectory({ organizations: new OrganizationsClient({}), account: new AccountClient({}) });
 * const { accounts, problems } = await source.lookup(['111122223333']);
 */
export function createOrganizationsDirectory(options: OrganizationsDirectoryOptions): DirectorySource {
  return {
    async lookup(ids) {
      const accounts = new Map<string, AccountInfo>();
      const problems: string[] = [];
      const queue = [...new Set(ids)];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          const read = await readAccount(options, id);
          if (read.info) accounts.set(id, read.info);
          problems.push(...read.problems);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
      return { accounts, problems } satisfies AccountDirectory;
    },
  };
}

/** One account: what could be read of it (name, tags, contact), and each call that failed. */
async function readAccount(options: OrganizationsDirectoryOptions, id: string): Promise<{ info?: AccountInfo; problems: string[] }> {
  const [name, tags, contact] = await Promise.allSettled([
    options.organizations.send(new DescribeAccountCommand({ AccountId: id })).then((out) => out.Account?.Name),
    listTags(options.organizations, id),
    options.account
      .send(new GetAlternateContactCommand({ AccountId: id, AlternateContactType: 'SECURITY' }))
      .then((out) => out.AlternateContact?.EmailAddress)
      // No SECURITY contact set: not a problem, the account simply has none.
      .catch((error: unknown) =>
        error instanceof Error && error.name === 'ResourceNotFoundException' ? undefined : Promise.reject(error),
      ),
  ]);
  const problems = [
    ...(name.status === 'rejected' ? [`account ${id}: DescribeAccount: ${describe(name.reason)}`] : []),
    ...(tags.status === 'rejected' ? [`account ${id}: ListTagsForResource: ${describe(tags.reason)}`] : []),
    ...(contact.status === 'rejected' ? [`account ${id}: GetAlternateContact: ${describe(contact.reason)}`] : []),
  ];
  if (problems.length === 3) return { problems };
  const value = <T>(result: PromiseSettledResult<T>) => (result.status === 'fulfilled' ? result.value : undefined);
  const accountName = value(name);
  const email = value(contact);
  return {
    info: { id, tags: value(tags) ?? {}, ...(accountName ? { name: accountName } : {}), ...(email ? { securityContact: email } : {}) },
    problems,
  };
}

async function listTags(client: OrganizationsClient, id: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let token: string | undefined;
  do {
    const out = await client.send(new ListTagsForResourceCommand({ ResourceId: id, ...(token ? { NextToken: token } : {}) }));
    for (const tag of out.Tags ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
    token = out.NextToken;
  } while (token);
  return tags;
}

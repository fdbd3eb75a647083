/**
 * The account directory where a window is planned and delivered: names and tags filled into the
 * reads (routes match on account tags), and each email's destination (the account's owner where
 * the route sends to owners, else the route's own recipients). Never fails: what the directory could
 * not read is logged, and the findings go on with what they carry.
 */
import { EMPTY_DIRECTORY } from '../../core/accounts/directory.js';
import { accountIdsOf, readsWithAccounts } from '../../core/accounts/with-accounts.js';
import type { BatchEmail, InputRead } from '../../core/pipeline/pipeline.js';
import type { Log } from '../../notifier/notifier-log.js';
import type { Destination } from '../transport.js';
import type { DirectorySource } from './directory-source.js';
import { ownerDestination } from './owner-destination.js';

export interface WithDirectory {
  readonly reads: InputRead[];
  readonly destinationFor: (item: BatchEmail) => Destination | undefined;
}

/**
 * @example
 * const { reads, destinationFor } = await applyDirectory(directory, pipelineReads, logger);
 * await deliverEmails(emails, { transport, perSecond, destinationFor });
 */
export async function applyDirectory(
  directory: DirectorySource | undefined,
  reads: readonly InputRead[],
  log: Pick<Log, 'warn'>,
): Promise<WithDirectory> {
  const found = directory ? await directory.lookup(accountIdsOf(reads)) : EMPTY_DIRECTORY;
  for (const problem of found.problems) log.warn('account directory not read', { problem });
  return { reads: readsWithAccounts(reads, found), destinationFor: (item) => ownerDestination(item, found, log) };
}

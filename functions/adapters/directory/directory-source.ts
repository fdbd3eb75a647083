/** Where the account directory comes from: Organizations + the Account API (Lambda), a file (CLIs). */
import type { AccountDirectory } from '../../core/accounts/directory.js';

export interface DirectorySource {
  /**
   * What is known about these accounts. Never throws: what could not be read is left out and
   * named in `problems`, so no email is ever held back by the directory.
   */
  lookup(accountIds: readonly string[]): Promise<AccountDirectory>;
}

/**
 * A fixed directory (`--accounts FILE`).
 *
 * @example staticDirectory(parseAccountsFile(json, 'accounts.json'))
 */
export function staticDirectory(directory: AccountDirectory): DirectorySource {
  return { lookup: async () => directory };
}

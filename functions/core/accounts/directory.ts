/**
 * The account directory: what Organizations and the Account API (or an `--accounts` file) say
 * about each AWS account: its name, its tags and its SECURITY alternate contact. Pure data.
 */

export interface AccountInfo {
  readonly id: string;
  readonly name?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** The email address of the account's SECURITY alternate contact. */
  readonly securityContact?: string;
}

export interface AccountDirectory {
  readonly accounts: ReadonlyMap<string, AccountInfo>;
  /** What could not be read, one line each (e.g. `111122223333: tags: throttled`); shown in summaries. */
  readonly problems: readonly string[];
}

export const EMPTY_DIRECTORY: AccountDirectory = { accounts: new Map(), problems: [] };

/**
 * How an email names an account: `name (id)` when the name is known, else the id.
 *
 * @example accountLabel('111122223333', 'payments-prod') // 'payments-prod (111122223333)'
 */
export function accountLabel(id: string, name: string | undefined): string {
  return name ? `${name} (${id})` : id;
}

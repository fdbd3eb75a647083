/** `--accounts FILE` for replay and summary: the account directory from a JSON file. */
import { readFile } from 'node:fs/promises';
import { parseAccountsFile } from '../core/accounts/accounts-file.js';
import { type AccountDirectory, EMPTY_DIRECTORY } from '../core/accounts/directory.js';
import { ConfigError } from '../core/errors.js';

/**
 * The directory in `file`, or an empty one when no file is given.
 *
 * @throws ConfigError naming `--accounts` (unreadable, not JSON) or the JSON path of a bad entry.
 */
export async function loadAccounts(file: string | undefined): Promise<AccountDirectory> {
  if (file === undefined) return EMPTY_DIRECTORY;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ConfigError('--accounts', `cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? cause}`, { cause });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError('--accounts', `${file} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  return parseAccountsFile(json, file);
}

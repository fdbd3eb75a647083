/**
 * The `--accounts FILE` format, which stands in for Organizations and the Account API offline:
 * `{"111122223333": {"name": "payments-prod", "tags": {"team": "payments"},
 *   "alternateContacts": {"SECURITY": {"email": "sec@example.com"}}}}`.
 */
import * as z from 'zod/mini';
import { ConfigError } from '../errors.js';
import { describeIssue, jsonPath } from '../schema-issue.js';
import type { AccountDirectory, AccountInfo } from './directory.js';

const contact = z.object({ email: z.optional(z.email()), name: z.optional(z.string()) });

const accountSchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1))),
  tags: z._default(z.record(z.string(), z.string()), {}),
  alternateContacts: z.optional(z.object({ SECURITY: z.optional(contact) })),
});

const fileSchema = z.record(z.string(), accountSchema);
const ACCOUNT_ID = /^\d{12}$/;

/**
 * Validates an accounts file's parsed JSON into a directory.
 *
 * @example parseAccountsFile({ '111122223333': { name: 'payments-prod' } }, 'accounts.json').accounts.get('111122223333')?.name
 * @throws ConfigError naming the file and the JSON path of the first problem.
 */
export function parseAccountsFile(raw: unknown, source: string): AccountDirectory {
  const result = fileSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(issue ? jsonPath(issue.path, source) : source, issue ? describeIssue(issue) : 'invalid accounts file');
  }
  const accounts = new Map<string, AccountInfo>();
  for (const [id, entry] of Object.entries(result.data)) {
    if (!ACCOUNT_ID.test(id)) throw new ConfigError(jsonPath([id], source), 'expected a 12-digit account id as the key');
    const email = entry.alternateContacts?.SECURITY?.email;
    accounts.set(id, { id, tags: entry.tags, ...(entry.name ? { name: entry.name } : {}), ...(email ? { securityContact: email } : {}) });
  }
  return { accounts, problems: [] };
}

/**
 * The destination of one email of a window: the account owner's address when the route sends to
 * owners and one is found (pure: `ownerOfAll`), else the route's own recipients (`destinationOf`).
 */
import type { AccountDirectory } from '../../core/accounts/directory.js';
import { ownerOfAll } from '../../core/accounts/owner.js';
import type { BatchEmail } from '../../core/pipeline/pipeline.js';
import type { Route } from '../../core/policy/policy-config.js';
import { destinationOf } from '../../notifier/deliver-emails.js';
import type { Log } from '../../notifier/notifier-log.js';
import type { Destination } from '../transport.js';

/**
 * @example
 * deliverEmails(emails, { transport, perSecond, destinationFor: (item) => ownerDestination(item, directory, logger) });
 */
export function ownerDestination(item: BatchEmail, directory: AccountDirectory, log: Pick<Log, 'warn'>): Destination | undefined {
  const { route } = item;
  const owner = ownerOfAll(
    route,
    item.findings.map((f) => f.finding),
    directory,
  );
  if (owner && 'to' in owner) return ownerRecipients(route, owner.to);
  if (owner) log.warn('no account owner found; sending to the route recipients', { route: route.name, reason: owner.fallback });
  return destinationOf(route);
}

/**
 * An owner's email: To the owner, Cc the route's `ses.cc`.
 *
 * @example ownerRecipients(route, 'sec@example.com') // { to: ['sec@example.com'], cc: ['soc@example.com'] }
 */
export function ownerRecipients(route: Route, owner: string): Destination {
  return { to: [owner], cc: route.ses?.cc ?? [] };
}

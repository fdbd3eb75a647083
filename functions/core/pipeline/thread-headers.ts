/**
 * Email threading: every email about one finding belongs to one thread, keyed by a stable
 * synthetic id derived from the finding's identity. Pure: `now` is passed in.
 */
import { createHash } from 'node:crypto';
import type { StoredState } from '../policy/state.js';

const DOMAIN = 'securityhub-email-notifier';

/**
 * The stable thread id of a finding: `<sha256(Finding.key)@securityhub-email-notifier>`.
 *
 * @example
 * threadId('arn:aws:securityhub:...') // '<3f1c...e2@securityhub-email-notifier>'
 */
function threadId(findingKey: string): string {
  return `<${sha256(findingKey)}@${DOMAIN}>`;
}

/**
 * RFC 5322 threading headers for one email about one finding. The first email (nothing recorded
 * before) takes the thread id as its `Message-ID`; later ones get their own `Message-ID` and point
 * at the thread id with `In-Reply-To` and `References`, so a mail client shows one thread per finding.
 * (SES replaces any `Message-ID` with its own: its transport keeps the thread id in `References`.)
 *
 * @example
 * threadHeaders(finding.key, previous, now) // { 'Message-ID': '<...>', 'In-Reply-To': '<...>', References: '<...>' }
 */
export function threadHeaders(findingKey: string, previous: StoredState | undefined, now: Date): Record<string, string> {
  const root = threadId(findingKey);
  if (!previous) return { 'Message-ID': root };
  const own = `<${sha256(`${findingKey}\u0000${now.toISOString()}`).slice(0, 40)}.${now.getTime().toString(36)}@${DOMAIN}>`;
  return { 'Message-ID': own, 'In-Reply-To': root, References: root };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

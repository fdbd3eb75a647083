import type { Finding, InsightResult, Trigger } from '../finding/model.js';
import type { Summary } from '../summary/summary.js';

/** What one email is about. The policy decides these; the renderer turns each into an `Email`. */
export type Notification =
  /** One finding, one email (the default). */
  | { readonly kind: 'finding'; readonly finding: Finding; readonly trigger: Trigger }
  /** Several findings in one email: a Custom Action selection or a flood digest. */
  | { readonly kind: 'digest'; readonly findings: readonly Finding[]; readonly trigger: Trigger }
  /** A Security Hub Insight Results event. */
  | { readonly kind: 'insight'; readonly insight: InsightResult; readonly trigger: Trigger }
  /** A route's scheduled summary of its open findings. */
  | { readonly kind: 'summary'; readonly summary: Summary; readonly trigger: Trigger };

/** A rendered email, ready for any transport. Pure data. */
export interface Email {
  /** One line, no control characters; transports shorten further where they must (SNS: 100). */
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** Headers a mail filter can use, e.g. `X-SecurityHub-Severity`. ASCII values only. */
  readonly headers: Readonly<Record<string, string>>;
  /** What the email is about, for structured subscribers (SNS sqs/lambda/https) and logs. */
  readonly notification: Notification;
}

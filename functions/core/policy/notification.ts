/**
 * The policy's output: what one email is about. The policy (and the summary planner) decide these;
 * the renderer turns each into an `Email`.
 */
import type { Finding, InsightResult, Trigger } from '../finding/model.js';
import type { Summary } from '../summary/summary.js';

export type Notification =
  /** One finding, one email (the default). */
  | { readonly kind: 'finding'; readonly finding: Finding; readonly trigger: Trigger }
  /** Several findings in one email: a Custom Action selection or a flood digest. */
  | { readonly kind: 'digest'; readonly findings: readonly Finding[]; readonly trigger: Trigger }
  /** A Security Hub Insight Results event. */
  | { readonly kind: 'insight'; readonly insight: InsightResult; readonly trigger: Trigger }
  /** A route's scheduled summary of its open findings. */
  | { readonly kind: 'summary'; readonly summary: Summary; readonly trigger: Trigger };

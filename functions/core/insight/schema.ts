/**
 * The `detail` of a `Security Hub Insight Results` event (Security Hub CSPM), as documented in
 * "EventBridge event formats for Security Hub CSPM": the action a person pressed, the insight, the
 * attribute its results are grouped by, and up to 100 `{ "<value>": <count> }` rows.
 */
import * as z from 'zod/mini';

/** One result row: exactly one key (the grouped value) with its finding count. */
const insightRowSchema = z.record(z.string(), z.number().check(z.int(), z.gte(0)));

export const insightDetailSchema = z.looseObject({
  actionName: z.optional(z.string()),
  actionDescription: z.optional(z.string()),
  /** Checked to be a Security Hub ARN by `readInsight` (a regex check would only say "not a valid regex"). */
  insightArn: z.string(),
  insightName: z.string(),
  resultType: z.string(),
  /** The documentation shows it as a string; accepted either way and not used (rows are counted). */
  'number of results': z.optional(z.union([z.number(), z.string()])),
  insightResults: z.array(insightRowSchema),
});

export type InsightDetail = z.infer<typeof insightDetailSchema>;

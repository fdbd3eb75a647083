/** Reads a `Security Hub Insight Results` event (a person sent an insight's results with a custom action). */
import { InvalidEventError } from '../errors.js';
import { isRegionName, parseArn } from '../finding/arn.js';
import type { InsightResult } from '../finding/model.js';
import { field } from '../finding/object.js';
import { clipLine } from '../finding/text.js';
import type { SecurityHubEvent } from '../input/event.js';
import { schemaError } from '../schema-issue.js';
import { insightConsoleUrl } from './console-link.js';
import { insightDetailSchema } from './schema.js';

type Row = InsightResult['rows'][number];

/**
 * Maps the event to an `InsightResult`: rows `value -> count`, most findings first (ties by value).
 * Region and partition come from the insight ARN when it names them (managed insights have no
 * Region in their ARN), else from the event. Throws `InvalidEventError` with the JSON path, e.g.
 * `detail.insightResults[2]`.
 *
 * @example readInsight(event, 'insight.json').rows[0] // { value: 'i-0abc...', count: 12 }
 */
export function readInsight(event: SecurityHubEvent, input: string): InsightResult {
  const parsed = insightDetailSchema.safeParse(event.detail, { reportInput: true });
  if (!parsed.success) throw schemaError(input, 'detail', parsed.error, 'not an Insight Results detail');
  const detail = parsed.data;
  const rows = detail.insightResults.map((row, index): Row => {
    const entries = Object.entries(row);
    const [entry] = entries;
    if (entries.length !== 1 || entry === undefined) {
      throw new InvalidEventError(
        input,
        `detail.insightResults[${index}]`,
        `expected one {"<value>": <count>} pair, got ${entries.length} keys`,
      );
    }
    return { value: entry[0], count: entry[1] };
  });
  rows.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const arn = parseArn(detail.insightArn);
  if (arn?.service !== 'securityhub') {
    throw new InvalidEventError(
      input,
      'detail.insightArn',
      `expected a Security Hub insight ARN, got ${JSON.stringify(clipLine(detail.insightArn, 120))}`,
    );
  }
  const region = isRegionName(arn.region) ? arn.region : event.region;
  const partition = arn.partition;
  return {
    arn: detail.insightArn,
    name: detail.insightName,
    resultType: detail.resultType,
    rows,
    region,
    accountId: event.account,
    partition,
    ...field('consoleUrl', insightConsoleUrl(partition, region, detail.insightArn)),
  };
}

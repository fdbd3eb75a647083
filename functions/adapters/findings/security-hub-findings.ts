/**
 * Reads findings for a summary from Security Hub: the open ones, and those closed since the last
 * summary. `GetFindings` (Security Hub CSPM, ASFF) and `GetFindingsV2` (the new Security Hub, OCSF),
 * both paginated. A query that fails stops there: what was read is kept, and the problem is named.
 *
 * Limits (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_GetFindings.html,
 * API_GetFindingsV2.html): at most 100 findings a page; GetFindings is throttled at 3 requests a
 * second (burst 6), which the SDK's adaptive retry absorbs.
 */
import {
  type AwsSecurityFindingFilters,
  GetFindingsCommand,
  GetFindingsV2Command,
  type OcsfFindingFilters,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';

export { SecurityHubClient } from '@aws-sdk/client-securityhub';

export type FindingSource = 'GetFindings' | 'GetFindingsV2';

export interface FindingsRead {
  /** Raw findings (ASFF objects and OCSF documents), for `pipeline.read`. */
  readonly findings: readonly unknown[];
  /** What could not be read, one line each. */
  readonly problems: readonly string[];
}

export interface ReadOptions {
  readonly sources: readonly FindingSource[];
  /** The last summary's time: closed findings updated since then count as resolved. */
  readonly since: Date;
  readonly now: Date;
  /** Stop a query after this many findings and say so. @default 20000 */
  readonly maxPerQuery?: number;
}

const PAGE_SIZE = 100;

/**
 * @example
 * const { findings, problems } = await readSecurityHubFindings(new SecurityHubClient({}), { sources: ['GetFindings'], since, now });
 */
export async function readSecurityHubFindings(client: SecurityHubClient, options: ReadOptions): Promise<FindingsRead> {
  const max = options.maxPerQuery ?? 20_000;
  const findings: unknown[] = [];
  const problems: string[] = [];
  const run = async (name: string, page: (token: string | undefined) => Promise<{ items: unknown[]; next?: string | undefined }>) => {
    let token: string | undefined;
    let count = 0;
    try {
      do {
        const { items, next } = await page(token);
        findings.push(...items);
        count += items.length;
        token = next;
      } while (token && count < max);
      if (token) problems.push(`${name}: stopped after ${count} findings`);
    } catch (error) {
      problems.push(`${name}: ${describe(error)}${count > 0 ? ` (after ${count} findings)` : ''}`);
    }
  };
  const range = { Start: options.since.toISOString(), End: options.now.toISOString() };
  if (options.sources.includes('GetFindings')) {
    const queries: [string, AwsSecurityFindingFilters][] = [
      ['GetFindings open', { RecordState: eq('ACTIVE'), WorkflowStatus: [...eq('NEW'), ...eq('NOTIFIED')] }],
      ['GetFindings resolved', { WorkflowStatus: [...eq('RESOLVED'), ...eq('SUPPRESSED')], UpdatedAt: [range] }],
      ['GetFindings archived', { RecordState: eq('ARCHIVED'), UpdatedAt: [range] }],
    ];
    for (const [name, Filters] of queries) {
      await run(name, async (NextToken) => {
        const out = await client.send(new GetFindingsCommand({ Filters, MaxResults: PAGE_SIZE, ...(NextToken ? { NextToken } : {}) }));
        return { items: out.Findings ?? [], next: out.NextToken };
      });
    }
  }
  if (options.sources.includes('GetFindingsV2')) {
    const queries: [string, OcsfFindingFilters][] = [
      ['GetFindingsV2 open', { CompositeFilters: [{ StringFilters: [status('New'), status('In Progress')], Operator: 'OR' }] }],
      [
        'GetFindingsV2 resolved',
        {
          CompositeFilters: [
            {
              StringFilters: [status('Resolved'), status('Suppressed')],
              Operator: 'OR',
            },
            { DateFilters: [{ FieldName: 'finding_info.modified_time_dt', Filter: range }] },
          ],
          CompositeOperator: 'AND',
        },
      ],
    ];
    for (const [name, Filters] of queries) {
      await run(name, async (NextToken) => {
        const out = await client.send(new GetFindingsV2Command({ Filters, MaxResults: PAGE_SIZE, ...(NextToken ? { NextToken } : {}) }));
        return { items: out.Findings ?? [], next: out.NextToken };
      });
    }
  }
  return { findings, problems };
}

function eq(Value: string) {
  return [{ Value, Comparison: 'EQUALS' as const }];
}

function status(Value: string) {
  return { FieldName: 'status' as const, Filter: { Value, Comparison: 'EQUALS' as const } };
}

/** An SDK error as a short line (name and message; never credentials or request bodies). */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  return `${error.name}: ${error.message}`.replace(/\s+/g, ' ').slice(0, 200);
}

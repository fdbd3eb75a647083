/** Reading findings for a summary from the Security Hub stand-in: counted pages, empty, capped, unreachable. */
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readSecurityHubFindings } from '../../../functions/adapters/findings/security-hub-findings.js';
import { type ReadStandIn, startReadStandIn } from '../../support/aws-read-stand-in.js';
import { DUMMY_CREDENTIALS, LOCAL_REGION } from '../../support/stand-ins.js';
import { summaryExport } from '../../support/summary-export.js';

const now = new Date('2026-03-31T08:00:00Z');
const since = new Date('2026-03-24T08:00:00Z');
const client = (endpoint: string) =>
  new SecurityHubClient({ endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 });

describe('readSecurityHubFindings', () => {
  let aws: ReadStandIn;
  beforeAll(async () => {
    aws = await startReadStandIn();
  });
  afterAll(() => aws.stop());
  beforeEach(() => {
    aws.calls.length = 0;
    aws.data.pageSize = 7;
    aws.data.ocsf = [];
  });

  it('follows NextToken through every page; resolved findings of the period come from their own query', async () => {
    aws.data.asff = summaryExport({ count: 30, resolvedEvery: 10 }).Findings;
    const { findings, problems } = await readSecurityHubFindings(client(aws.endpoint), { sources: ['GetFindings'], since, now });
    expect(problems).toEqual([]);
    // 27 open in ceil(27 / 7) = 4 pages, 3 resolved in 1, no archived in 1.
    expect(findings).toHaveLength(30);
    expect(aws.calls).toEqual(Array(6).fill('GetFindings'));
  });

  it('an empty hub: no findings, no problems, one call per query', async () => {
    aws.data.asff = [];
    const { findings, problems } = await readSecurityHubFindings(client(aws.endpoint), {
      sources: ['GetFindings', 'GetFindingsV2'],
      since,
      now,
    });
    expect(findings).toEqual([]);
    expect(problems).toEqual([]);
    expect(aws.calls).toEqual(['GetFindings', 'GetFindings', 'GetFindings', 'GetFindingsV2', 'GetFindingsV2']);
  });

  it('stops a query at the cap and says so; an unreachable endpoint is a problem per query', async () => {
    aws.data.asff = summaryExport({ count: 30 }).Findings;
    const capped = await readSecurityHubFindings(client(aws.endpoint), { sources: ['GetFindings'], since, now, maxPerQuery: 10 });
    expect(capped.findings).toHaveLength(14);
    expect(capped.problems).toEqual(['GetFindings open: stopped after 14 findings']);
    const down = await readSecurityHubFindings(client('http://127.0.0.1:9'), { sources: ['GetFindings'], since, now });
    expect(down.findings).toEqual([]);
    expect(down.problems).toHaveLength(3);
    expect(down.problems[0]).toMatch(/^GetFindings open: /);
  });
});

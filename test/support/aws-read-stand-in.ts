/**
 * One loopback server that speaks the wire protocols of the read APIs the summary and the account
 * directory use, as the AWS SDK calls them:
 *
 * - Security Hub (REST-JSON): `POST /findings` (GetFindings) and `POST /findingsv2` (GetFindingsV2),
 *   paginated with `NextToken`, filtering on the fields the notifier asks for;
 * - Organizations (JSON 1.1, `X-Amz-Target: AWSOrganizationsV20161128.<Operation>`): DescribeAccount,
 *   ListTagsForResource (paginated);
 * - Account (REST-JSON): `POST /getAlternateContact`.
 *
 * Response shapes follow the published API references and their examples
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_DescribeAccount.html,
 * API_ListTagsForResource.html; https://docs.aws.amazon.com/accounts/latest/reference/API_GetAlternateContact.html;
 * https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_GetFindings.html, API_GetFindingsV2.html).
 * Errors: JSON 1.1 as `{"__type", "message"}` with 400; REST-JSON with `x-amzn-ErrorType`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StandIn } from './stand-ins.js';

export interface StandInAccount {
  readonly name: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly securityEmail?: string;
}

export interface ReadStandInData {
  /** ASFF findings GetFindings serves. */
  asff: Record<string, unknown>[];
  /** OCSF findings GetFindingsV2 serves. */
  ocsf: Record<string, unknown>[];
  accounts: Record<string, StandInAccount>;
  /** Operations answered with a throttling error every time (e.g. `DescribeAccount`, `GetFindings`). */
  throttled: Set<string>;
  /** Page size the stand-in uses when MaxResults asks for more (to test pagination with few findings). */
  pageSize: number;
}

export interface ReadStandIn extends StandIn {
  readonly data: ReadStandInData;
  /** Every call, as `Operation` names, in order. */
  readonly calls: string[];
}

const ORG_PREFIX = 'AWSOrganizationsV20161128.';

export async function startReadStandIn(): Promise<ReadStandIn> {
  const data: ReadStandInData = { asff: [], ocsf: [], accounts: {}, throttled: new Set(), pageSize: 100 };
  const calls: string[] = [];
  const server = createServer((request, response) => {
    void body(request).then((input) => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const operation = target.startsWith(ORG_PREFIX)
        ? target.slice(ORG_PREFIX.length)
        : ({ '/findings': 'GetFindings', '/findingsv2': 'GetFindingsV2', '/getAlternateContact': 'GetAlternateContact' }[
            request.url ?? ''
          ] ?? 'Unknown');
      calls.push(operation);
      const json1_1 = target.startsWith(ORG_PREFIX);
      if (data.throttled.has(operation)) {
        // Organizations: 400 TooManyRequestsException (JSON 1.1); Security Hub and Account: 429 (REST-JSON).
        return fail(response, json1_1, json1_1 ? 400 : 429, 'TooManyRequestsException', 'Rate exceeded');
      }
      switch (operation) {
        case 'GetFindings':
          return send(
            response,
            'application/json',
            page(
              data.asff.filter((f) => asffMatches(f, input.Filters)),
              input,
              data.pageSize,
            ),
          );
        case 'GetFindingsV2':
          return send(
            response,
            'application/json',
            page(
              data.ocsf.filter((f) => ocsfMatches(f, input.Filters)),
              input,
              data.pageSize,
            ),
          );
        case 'DescribeAccount': {
          const account = data.accounts[String(input.AccountId)];
          if (!account) return fail(response, true, 400, 'AccountNotFoundException', "You specified an account that doesn't exist.");
          return send(response, 'application/x-amz-json-1.1', {
            Account: {
              Id: input.AccountId,
              Arn: `arn:aws:organizations::111111111111:account/o-exampleorgid/${input.AccountId}`,
              Email: `root+${input.AccountId}@example.com`,
              Name: account.name,
              Status: 'ACTIVE',
              State: 'ACTIVE',
              JoinedMethod: 'INVITED',
              JoinedTimestamp: 1481835795.536,
            },
          });
        }
        case 'ListTagsForResource': {
          const account = data.accounts[String(input.ResourceId)];
          if (!account) return fail(response, true, 400, 'TargetNotFoundException', "We can't find a resource that you specified.");
          // One tag a page: the client must follow NextToken.
          const tags = Object.entries(account.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
          const start = Number(input.NextToken ?? 0);
          const next = start + 1 < tags.length ? { NextToken: String(start + 1) } : {};
          return send(response, 'application/x-amz-json-1.1', { Tags: tags.slice(start, start + 1), ...next });
        }
        case 'GetAlternateContact': {
          const email = data.accounts[String(input.AccountId)]?.securityEmail;
          if (input.AlternateContactType !== 'SECURITY') return fail(response, false, 400, 'ValidationException', 'bad type');
          if (!email)
            return fail(response, false, 404, 'ResourceNotFoundException', 'No contact of the inputted alternate contact type found.');
          return send(response, 'application/json', {
            AlternateContact: {
              AlternateContactType: 'SECURITY',
              EmailAddress: email,
              Name: 'Security team',
              PhoneNumber: '+1(206)555-0100',
              Title: 'CISO',
            },
          });
        }
        default:
          return fail(response, json1_1, 400, 'UnknownOperationException', `unknown operation ${target || request.url}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    data,
    calls,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Json = Record<string, unknown>;

async function body(request: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Json) : {};
}

function send(response: ServerResponse, type: string, json: unknown): void {
  response.writeHead(200, { 'content-type': type, 'x-amzn-requestid': 'stand-in' });
  response.end(JSON.stringify(json));
}

function fail(response: ServerResponse, json1_1: boolean, status: number, type: string, message: string): void {
  const headers: Record<string, string> = {
    'content-type': json1_1 ? 'application/x-amz-json-1.1' : 'application/json',
    'x-amzn-requestid': 'stand-in',
  };
  if (!json1_1) headers['x-amzn-errortype'] = type;
  response.writeHead(status, headers);
  response.end(JSON.stringify(json1_1 ? { __type: type, message } : { message }));
}

/** A page of `items` after `NextToken` (an offset here; opaque to the client). */
function page(items: readonly unknown[], input: Json, pageSize: number): Json {
  const size = Math.min(Number(input.MaxResults ?? 100), pageSize);
  const start = Number(input.NextToken ?? 0);
  const next = start + size < items.length ? { NextToken: String(start + size) } : {};
  return { Findings: items.slice(start, start + size), ...next };
}

type StringFilter = { Value?: string; Comparison?: string };
type DateFilter = { Start?: string; End?: string };

/** The GetFindings filters the notifier sends: RecordState, WorkflowStatus (EQUALS, OR within a field), UpdatedAt. */
function asffMatches(finding: Json, filters: unknown): boolean {
  const f = (filters ?? {}) as Record<string, (StringFilter & DateFilter)[]>;
  const anyOf = (value: unknown, list: StringFilter[] | undefined) => list === undefined || list.some((x) => x.Value === value);
  const inRange = (value: unknown, list: DateFilter[] | undefined) =>
    list === undefined || list.every((r) => String(value) >= String(r.Start) && String(value) <= String(r.End));
  return (
    anyOf(finding.RecordState, f.RecordState) &&
    anyOf((finding.Workflow as Json | undefined)?.Status ?? 'NEW', f.WorkflowStatus) &&
    inRange(finding.UpdatedAt, f.UpdatedAt)
  );
}

/** The GetFindingsV2 filters the notifier sends: `status` (OR) and `finding_info.modified_time_dt` ranges, joined with AND. */
function ocsfMatches(finding: Json, filters: unknown): boolean {
  const composite = ((filters ?? {}) as { CompositeFilters?: Json[] }).CompositeFilters ?? [];
  return composite.every((c) => {
    const strings = (c.StringFilters ?? []) as { FieldName: string; Filter: StringFilter }[];
    const dates = (c.DateFilters ?? []) as { FieldName: string; Filter: DateFilter }[];
    const stringOk = strings.length === 0 || strings.some((s) => s.FieldName === 'status' && finding.status === s.Filter.Value);
    const modified = (finding.finding_info as Json | undefined)?.modified_time_dt;
    const dateOk = dates.every((d) => String(modified) >= String(d.Filter.Start) && String(modified) <= String(d.Filter.End));
    return stringOk && dateOk;
  });
}

/**
 * Wraps a replayed bare finding in the event Security Hub would have sent for it: one
 * `Security Hub Findings - Imported` (ASFF) or `Findings Imported V2` (OCSF) event per finding.
 */
import { arnRegion } from '../finding/arn.js';
import { nonEmpty } from '../finding/text.js';
import { DETAIL_TYPES, EVENT_SOURCE, type SecurityHubEvent } from './event.js';
import type { FindingShape } from './finding-shape.js';
import { isRecord } from './finding-shape.js';

/**
 * A deterministic event id: `replay-<input base name>-<index>`. The base name keeps only
 * `[A-Za-z0-9._-]`; an input with none of them is named by a short hash instead.
 *
 * @example syntheticEventId('fixtures/real/x.json', 2) // 'replay-x-2'
 */
function syntheticEventId(input: string, index: number): string {
  const base = (input.split(/[\\/]/).pop() ?? '')
    .replace(/\.json$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `replay-${base === '' ? hash(input) : base}-${index}`;
}

/**
 * The synthetic event for one finding at `path` in the original input. Account, Region and time
 * come from the finding when it has them (ASFF `AwsAccountId`/`Region`/`UpdatedAt`, else the
 * ProductArn's Region; OCSF `cloud.account.uid`/`cloud.region`/`time_dt`), else they are empty.
 */
export function syntheticEvent(finding: unknown, shape: FindingShape, path: string, index: number, input: string): SecurityHubEvent {
  const facts = shape === 'asff' ? asffFacts(finding) : ocsfFacts(finding);
  return {
    id: syntheticEventId(input, index),
    detailType: shape === 'asff' ? DETAIL_TYPES.imported : DETAIL_TYPES.importedV2,
    source: EVENT_SOURCE,
    account: facts.account ?? '',
    region: facts.region ?? '',
    time: facts.time ?? '',
    detail: { findings: [finding] },
    findingPath: path,
  };
}

interface Facts {
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly time: string | undefined;
}

function asffFacts(finding: unknown): Facts {
  const f = isRecord(finding) ? finding : {};
  return {
    account: nonEmpty(f.AwsAccountId),
    region: nonEmpty(f.Region) ?? arnRegion(f.ProductArn) ?? arnRegion(f.Id),
    time: nonEmpty(f.UpdatedAt) ?? nonEmpty(f.CreatedAt),
  };
}

function ocsfFacts(finding: unknown): Facts {
  const f = isRecord(finding) ? finding : {};
  const cloud = isRecord(f.cloud) ? f.cloud : {};
  const account = isRecord(cloud.account) ? cloud.account : {};
  return { account: nonEmpty(account.uid), region: nonEmpty(cloud.region), time: nonEmpty(f.time_dt) };
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable name, not a security measure. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The EventBridge JSON of an event (what the rule matches and the buffer queue carries), with
 * `fallback` for the account, Region and time a synthetic event may lack.
 *
 * @example eventBridgeJson(decodeInput(bareFinding, 'x.json')[0], { account: '123456789012', region: 'us-east-1', time: '2025-06-01T12:00:00Z' })
 */
export function eventBridgeJson(
  event: SecurityHubEvent,
  fallback: { readonly account?: string; readonly region?: string; readonly time?: string } = {},
): Record<string, unknown> {
  return {
    version: '0',
    id: event.id,
    'detail-type': event.detailType,
    source: event.source,
    account: event.account || (fallback.account ?? ''),
    time: event.time || (fallback.time ?? ''),
    region: event.region || (fallback.region ?? ''),
    resources: [...(event.resources ?? [])],
    detail: event.detail,
  };
}

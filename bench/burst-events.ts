/**
 * The burst: 10,000+ SQS message bodies, each one `Security Hub Findings - Imported` (ASFF) or
 * `Findings Imported V2` (OCSF) EventBridge event carrying one finding taken from the fixtures,
 * with ids varied so no two are the same finding. Only findings the default configuration
 * would email are used: every body then runs every stage (decode, parse, model, policy,
 * render, deliver), the costly path.
 */
import { parseConfig } from '../functions/core/config.js';
import { decodeInput } from '../functions/core/input/decode.js';
import { DETAIL_TYPES, EVENT_SOURCE } from '../functions/core/input/event.js';
import { findingShape, isRecord } from '../functions/core/input/finding-shape.js';
import { createPipeline } from '../functions/core/pipeline/pipeline.js';
import type { Renderer } from '../functions/core/render/renderer.js';
import { BURST_CONFIG_RAW } from './burst-config.js';
import type { Fixture } from './fixtures.js';

export interface BurstSource {
  /** One raw finding per entry, in the fixture's own format. */
  readonly findings: readonly { readonly raw: Record<string, unknown>; readonly shape: 'asff' | 'ocsf'; readonly fixture: string }[];
  /** Fixtures that yielded no emailable finding (PASSED, archived, insight, bad input). */
  readonly unused: readonly string[];
}

/** Every finding in the fixtures that, sent alone in an Imported event, becomes an email under the default filters. */
export function burstSource(fixtures: readonly Fixture[], renderer: Renderer): BurstSource {
  const pipeline = createPipeline(parseConfig(BURST_CONFIG_RAW), renderer);
  const findings: BurstSource['findings'][number][] = [];
  const unused: string[] = [];
  for (const fixture of fixtures) {
    const before = findings.length;
    for (const raw of rawFindings(fixture)) {
      const shape = findingShape(raw);
      if (!shape || !isRecord(raw)) continue;
      const body = wrap(raw, shape, 0);
      if (pipeline.plan(body, fixture.name).some((o) => o.kind === 'email')) findings.push({ raw, shape, fixture: fixture.name });
    }
    if (findings.length === before) unused.push(fixture.name);
  }
  return { findings, unused };
}

function rawFindings(fixture: Fixture): unknown[] {
  try {
    return decodeInput(fixture.json, fixture.name).flatMap((event) => {
      if (event.detailType === DETAIL_TYPES.insightResults) return [];
      const list = isRecord(event.detail) ? event.detail.findings : undefined;
      return Array.isArray(list) ? list : [];
    });
  } catch {
    return [];
  }
}

/** `count` SQS bodies cycling through the source findings; finding ids and event ids are unique. */
export function burstBodies(source: BurstSource, count: number): string[] {
  if (source.findings.length === 0) throw new Error('no fixture finding becomes an email: cannot build the burst');
  const bodies: string[] = [];
  for (let n = 0; n < count; n++) {
    const item = source.findings[n % source.findings.length];
    if (item) bodies.push(JSON.stringify(wrap(item.raw, item.shape, n)));
  }
  return bodies;
}

function wrap(raw: Record<string, unknown>, shape: 'asff' | 'ocsf', n: number): Record<string, unknown> {
  const finding = shape === 'asff' ? varyAsff(raw, n) : varyOcsf(raw, n);
  const asff = shape === 'asff';
  const time = new Date(Date.UTC(2025, 0, 1, 0, 0, n % 86_400)).toISOString();
  return {
    version: '0',
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    'detail-type': asff ? DETAIL_TYPES.imported : DETAIL_TYPES.importedV2,
    source: EVENT_SOURCE,
    account: str(asff ? raw.AwsAccountId : undefined) ?? '111122223333',
    time,
    region: str(asff ? raw.Region : undefined) ?? 'us-east-1',
    resources: [str(finding.Id) ?? `burst-${n}`],
    detail: { findings: [finding] },
  };
}

function varyAsff(raw: Record<string, unknown>, n: number): Record<string, unknown> {
  return { ...raw, Id: `${str(raw.Id) ?? 'finding'}/burst-${n}` };
}

function varyOcsf(raw: Record<string, unknown>, n: number): Record<string, unknown> {
  const metadata = isRecord(raw.metadata) ? raw.metadata : {};
  const info = isRecord(raw.finding_info) ? raw.finding_info : {};
  return {
    ...raw,
    metadata: { ...metadata, uid: `${str(metadata.uid) ?? 'finding'}/burst-${n}` },
    finding_info: { ...info, uid: `${str(info.uid) ?? 'finding'}/burst-${n}` },
  };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

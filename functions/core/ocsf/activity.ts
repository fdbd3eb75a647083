/**
 * "What happened" in an OCSF finding: the finding's `actor`, and from `evidences[]` the API call (`api.operation`,
 * `api.service.name`), the actor (user, session issuer, app), the endpoints (`src_endpoint`,
 * `dst_endpoint` with their location and autonomous system) and the process; and the finding's
 * `count`. The same facts as the ASFF reader's (`asff/activity.ts`), so one section renders both.
 */
import { items, joined, member, paren, text } from '../finding/json-read.js';
import type { ActivityFact, ActivityKind } from '../finding/model.js';
import { oneLine } from './text.js';

const MAX_FACTS = 16;
const MAX_CHARS = 300;
const MAX_EVIDENCES = 5;

/**
 * The facts of what happened, evidence by evidence, without repeats.
 *
 * @example ocsfActivity([{ api: { operation: 'DeleteTrail', service: { name: 'cloudtrail.amazonaws.com' } } }], undefined)
 * // [{ kind: 'api', value: 'DeleteTrail (cloudtrail.amazonaws.com)' }]
 */
export function ocsfActivity(evidences: readonly unknown[] | undefined, count: unknown, findingActor?: unknown): ActivityFact[] {
  const facts: ActivityFact[] = [];
  const add = (kind: ActivityKind, value: string | undefined): void => {
    if (value === undefined || facts.length >= MAX_FACTS) return;
    const line = oneLine(value, MAX_CHARS);
    if (!facts.some((x) => x.kind === kind && x.value === line)) facts.push({ kind, value: line });
  };
  add('caller', actor(findingActor));
  for (const evidence of items(evidences).slice(0, MAX_EVIDENCES)) {
    const operation = text(evidence, 'api', 'operation');
    const service = text(evidence, 'api', 'service', 'name');
    add('api', operation === undefined ? service : service === undefined ? operation : `${operation} (${service})`);
    add('caller', actor(member(evidence, 'actor')));
    // OCSF names the initiator and the target, not which end is ours: shown as they are.
    add('source', endpoint(member(evidence, 'src_endpoint')));
    add('destination', endpoint(member(evidence, 'dst_endpoint')));
    add('domain', text(evidence, 'query', 'hostname'));
    const process = member(evidence, 'process');
    add('process', joined([text(process, 'name'), paren(text(process, 'file', 'path')), text(process, 'cmd_line')], ' '));
  }
  add('count', text(count));
  return facts;
}

/** `type user (uid) via session issuer` from an OCSF actor. */
function actor(value: unknown): string | undefined {
  const user = member(value, 'user');
  const name = text(user, 'name') ?? text(user, 'uid');
  const issuer = text(value, 'session', 'issuer');
  return joined([text(user, 'type'), name, issuer === undefined ? undefined : `via ${issuer}`, paren(text(value, 'app_name'))], ' ');
}

/** `ip:port (org, AS, city, country)` or the host name, from an OCSF network endpoint. */
function endpoint(value: unknown): string | undefined {
  const host = text(value, 'ip') ?? text(value, 'hostname') ?? text(value, 'domain');
  const port = text(value, 'port');
  const address = host === undefined ? undefined : port === undefined ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const asn = text(value, 'autonomous_system', 'number');
  const where = joined(
    [
      text(value, 'autonomous_system', 'name'),
      asn === undefined ? undefined : `AS${asn}`,
      text(value, 'location', 'city'),
      text(value, 'location', 'country'),
    ],
    ', ',
  );
  return joined([address, paren(where)], ' ');
}

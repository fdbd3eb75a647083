/**
 * "What happened" in an ASFF finding: `Action` (AWS_API_CALL, NETWORK_CONNECTION, DNS_REQUEST,
 * PORT_PROBE), `Network`, `Process`, `Threats`, `Malware`, `ThreatIntelIndicators` and the actors and
 * endpoints of a GuardDuty attack sequence (`Detection.Sequence`), and the same
 * facts as GuardDuty flattens them into `ProductFields` (`aws/guardduty/service/action/...`, or
 * without the prefix in 2019 findings). Values are finding text, one line each.
 */
import { items, type Json, joined, member, paren, text, unflatten } from '../finding/json-read.js';
import type { ActivityFact, ActivityKind } from '../finding/model.js';
import { clipLine } from '../finding/text.js';
import type { AsffFinding } from './schema.js';

const MAX_FACTS = 16;
const MAX_CHARS = 300;
/** At most this many entries of one list (port probes, threats, indicators). */
const MAX_PER_LIST = 3;
const GUARDDUTY_PREFIX = 'aws/guardduty/service/';

/**
 * The facts of what happened, in reading order: the action, who and where from, what was hit, then
 * threats, indicators, count and times. Empty when the finding says nothing about it.
 *
 * @example asffActivity({ ...finding, Action: { ActionType: 'DNS_REQUEST', DnsRequestAction: { Domain: 'pool.example' } } })
 * // [{ kind: 'action', value: 'DNS_REQUEST' }, { kind: 'domain', value: 'pool.example' }]
 */
export function asffActivity(f: AsffFinding): ActivityFact[] {
  const service = guardDutyService(f);
  const facts: ActivityFact[] = [];
  const add = (kind: ActivityKind, value: string | undefined): void => {
    if (value !== undefined && facts.length < MAX_FACTS && !facts.some((x) => x.kind === kind && x.value === value)) {
      facts.push({ kind, value: clipLine(value, MAX_CHARS) });
    }
  };
  const action = f.Action ?? member(service, 'action');
  add('action', text(action, 'ActionType'));
  const api = member(action, 'AwsApiCallAction');
  if (api !== undefined) {
    const name = text(api, 'Api');
    const serviceName = text(api, 'ServiceName');
    add('api', name === undefined ? serviceName : serviceName === undefined ? name : `${name} (${serviceName})`);
    add('caller', joined([text(api, 'CallerType'), ipDetails(member(api, 'RemoteIpDetails'))], ': '));
    add('domain', text(api, 'DomainDetails', 'Domain'));
  }
  const connection = member(action, 'NetworkConnectionAction');
  if (connection !== undefined) {
    add('direction', text(connection, 'ConnectionDirection'));
    add('remote', endpoint(member(connection, 'RemoteIpDetails'), member(connection, 'RemotePortDetails'), text(connection, 'Protocol')));
    add('local', endpoint(member(connection, 'LocalIpDetails'), member(connection, 'LocalPortDetails')));
    add('blocked', text(connection, 'Blocked'));
  }
  const dns = member(action, 'DnsRequestAction');
  if (dns !== undefined) {
    add('domain', joined([text(dns, 'Domain'), paren(text(dns, 'Protocol'))], ' '));
    add('blocked', text(dns, 'Blocked'));
  }
  const probe = member(action, 'PortProbeAction');
  if (probe !== undefined) {
    for (const detail of items(member(probe, 'PortProbeDetails')).slice(0, MAX_PER_LIST)) {
      add('remote', ipDetails(member(detail, 'RemoteIpDetails')));
      add('local', endpoint(member(detail, 'LocalIpDetails'), member(detail, 'LocalPortDetails')));
    }
    add('blocked', text(probe, 'Blocked'));
  }
  network(f.Network, add);
  // GuardDuty attack sequences (Extended Threat Detection): who acted, from where.
  const sequence = member(f.Detection, 'Sequence');
  for (const actor of items(member(sequence, 'Actors')).slice(0, MAX_PER_LIST)) {
    const user = member(actor, 'User');
    const account = text(user, 'Account', 'Name') ?? text(user, 'Account', 'Uid');
    add('caller', joined([text(user, 'Type'), text(user, 'Name') ?? text(user, 'Uid'), paren(account)], ' '));
  }
  for (const end of items(member(sequence, 'Endpoints')).slice(0, MAX_PER_LIST)) {
    const where = joined(
      [
        text(end, 'AutonomousSystem', 'Name'),
        prefixed('AS', text(end, 'AutonomousSystem', 'Number')),
        text(end, 'Location', 'City'),
        text(end, 'Location', 'Country'),
      ],
      ', ',
    );
    add('remote', joined([text(end, 'Ip') ?? text(end, 'Domain'), paren(where)], ' '));
  }
  const process = f.Process;
  add('process', joined([text(process, 'Name'), paren(text(process, 'Path')), prefixed('pid ', text(process, 'Pid'))], ' '));
  for (const threat of items(f.Threats).slice(0, MAX_PER_LIST)) {
    const path = text(items(member(threat, 'FilePaths'))[0], 'FilePath');
    add('threat', joined([text(threat, 'Name'), paren(text(threat, 'Severity')), path], ' '));
  }
  for (const malware of items(f.Malware).slice(0, MAX_PER_LIST)) {
    add(
      'threat',
      joined([text(malware, 'Name'), paren(joined([text(malware, 'Type'), text(malware, 'State')], ', ')), text(malware, 'Path')], ' '),
    );
  }
  for (const indicator of items(f.ThreatIntelIndicators).slice(0, MAX_PER_LIST)) {
    const source = joined([text(indicator, 'Category'), text(indicator, 'Source')], ', ');
    add('indicator', joined([text(indicator, 'Type'), text(indicator, 'Value'), paren(source)], ' '));
  }
  add('count', text(service, 'count'));
  add('firstSeen', text(service, 'eventFirstSeen') ?? text(api ?? connection, 'FirstSeen'));
  add('lastSeen', text(service, 'eventLastSeen') ?? text(api ?? connection, 'LastSeen'));
  return facts;
}

/** GuardDuty's service facts from `ProductFields`, nested; 2019 findings left out the prefix. */
function guardDutyService(f: AsffFinding): Json | undefined {
  const fields = f.ProductFields;
  if (fields === undefined) return undefined;
  if (Object.keys(fields).some((key) => key.startsWith(GUARDDUTY_PREFIX))) return unflatten(fields, GUARDDUTY_PREFIX);
  return /\/guardduty$/.test(f.ProductArn) ? unflatten(fields, '') : undefined;
}

/** ASFF `Network`: the far end is the source of inbound traffic and the destination of outbound. */
function network(net: unknown, add: (kind: ActivityKind, value: string | undefined) => void): void {
  if (net === undefined) return;
  const direction = text(net, 'Direction');
  const end = (side: 'Source' | 'Destination'): string | undefined =>
    joined(
      [joined([text(net, `${side}IpV4`) ?? text(net, `${side}IpV6`), text(net, `${side}Port`)], ':'), paren(text(net, `${side}Domain`))],
      ' ',
    );
  const source = end('Source');
  const destination = end('Destination');
  const protocol = text(net, 'Protocol');
  const outbound = direction?.toUpperCase() === 'OUT';
  add('direction', direction);
  add('remote', joined([outbound ? destination : source, paren(protocol)], ' '));
  add('local', outbound ? source : destination);
  const open = member(net, 'OpenPortRange');
  const first = text(open, 'Begin');
  const last = text(open, 'End');
  add('local', first === undefined ? undefined : `ports ${first === last || last === undefined ? first : `${first}-${last}`}`);
}

/** `ip (organization, ASN, city, country)`, leaving out what is missing. */
function ipDetails(details: unknown): string | undefined {
  const ip = text(details, 'IpAddressV4') ?? text(details, 'IpAddressV6');
  const org = text(details, 'Organization', 'Org') ?? text(details, 'Organization', 'AsnOrg');
  const asn = prefixed('AS', text(details, 'Organization', 'Asn'));
  const place = joined(
    [text(details, 'City', 'CityName'), text(details, 'Country', 'CountryName') ?? text(details, 'Country', 'CountryCode')],
    ', ',
  );
  return joined([ip, paren(joined([org, asn, place], ', '))], ' ');
}

/** `ip:port (port name, protocol)` with the IP details, leaving out what is missing. */
function endpoint(ip: unknown, port: unknown, protocol?: string): string | undefined {
  const address = ipDetails(ip);
  const number = text(port, 'Port');
  const name = text(port, 'PortName');
  const portText = joined(
    [number === undefined ? undefined : `port ${number}`, paren(joined([name === 'Unknown' ? undefined : name, protocol], ', '))],
    ' ',
  );
  return joined([address, portText], ', ');
}

const prefixed = (prefix: string, value: string | undefined): string | undefined => (value === undefined ? undefined : `${prefix}${value}`);

/**
 * Deep links into the Security Hub console. The console host depends on the partition; the
 * Region sits in the host and in the query. Region and partition come from the finding, so
 * both are checked before they go into a URL.
 */
import { isRegionName } from './arn.js';
import { ownValue } from './object.js';

/**
 * The console host of each partition whose console AWS names. aws-iso (C2S) and aws-iso-b (SC2S):
 * the AWS Secret and Top Secret Regions user guides, "console.c2s.ic.gov" / "console.sc2s.sgov.gov".
 * Any other partition (the European Sovereign Cloud `aws-eusc`, newer ISO partitions, a typo) gets
 * no link: a commercial-console link would open the wrong cloud.
 */
const CONSOLE_HOSTS: Readonly<Record<string, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
  'aws-iso': 'console.c2s.ic.gov',
  'aws-iso-b': 'console.sc2s.sgov.gov',
};

/** The console host of `partition`, or undefined when its console is not known. */
export function consoleHost(partition: string): string | undefined {
  return ownValue(CONSOLE_HOSTS, partition);
}

/**
 * `https://<region>.<console host>/securityhub/home?region=<region>` for the partition, or
 * undefined for a partition without a known console. A malformed Region is left out rather than
 * put into the URL.
 *
 * @example securityHubHome('aws-cn', 'cn-north-1') // 'https://cn-north-1.console.amazonaws.cn/securityhub/home?region=cn-north-1'
 */
export function securityHubHome(partition: string, region: string, path = 'securityhub/home'): string | undefined {
  const host = consoleHost(partition);
  if (host === undefined) return undefined;
  if (!isRegionName(region)) return `https://${host}/${path}`;
  return `https://${region}.${host}/${path}?region=${region}`;
}

/**
 * The console link that opens one finding: a findings search `Id EQUALS <id>`, with the Id
 * URL-encoded twice, as the console itself writes it.
 *
 * @example
 * findingConsoleUrl('aws', 'us-east-1', 'arn:aws:securityhub:...')
 * // 'https://us-east-1.console.aws.amazon.com/securityhub/home?region=us-east-1#/findings?search=Id%3D%255Coperator%255C%253AEQUALS%255C%253Aarn%253Aaws...'
 */
export function findingConsoleUrl(partition: string, region: string, findingId: string): string | undefined {
  const home = securityHubHome(partition, region);
  return home === undefined ? undefined : findingsSearchUrl(home, 'Id', findingId);
}

/**
 * A console findings page searching for `<field> EQUALS <value>`; the value URL-encoded twice.
 * Shared by the classic console and the new one (`securityhub/v2/home`).
 */
export function findingsSearchUrl(home: string, field: string, value: string): string {
  const encoded = strictEncode(strictEncode(value));
  return `${home}#/findings?search=${strictEncode(field)}%3D%255Coperator%255C%253AEQUALS%255C%253A${encoded}`;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NOT_ENCODED_BY_URI = /[!'()*]/;
const NOT_ENCODED_BY_URI_ALL = /[!'()*]/g;

/**
 * `encodeURIComponent` that also encodes `!'()*`, so the link is safe in any quoted attribute.
 * A lone surrogate (possible in JSON) would make `encodeURIComponent` throw: it becomes U+FFFD.
 */
export function strictEncode(text: string): string {
  // One character class first: the lookaround pattern is tried at every position, and almost no text has a surrogate.
  const wellFormed = SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
  const encoded = encodeURIComponent(wellFormed);
  return NOT_ENCODED_BY_URI.test(encoded)
    ? encoded.replace(NOT_ENCODED_BY_URI_ALL, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    : encoded;
}

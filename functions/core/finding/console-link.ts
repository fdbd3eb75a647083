/**
 * Deep links into the Security Hub console. The console host depends on the partition; the
 * Region sits in the host and in the query. Region and partition come from the finding, so
 * both are checked before they go into a URL.
 */
import { isRegionName } from './arn.js';
import { ownValue } from './object.js';

const CONSOLE_HOSTS: Readonly<Record<string, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

/**
 * `https://<region>.<console host>/securityhub/home?region=<region>` for the partition
 * (`aws` when unknown). A malformed Region is left out rather than put into the URL.
 *
 * @example securityHubHome('aws-cn', 'cn-north-1') // 'https://cn-north-1.console.amazonaws.cn/securityhub/home?region=cn-north-1'
 */
export function securityHubHome(partition: string, region: string, path = 'securityhub/home'): string {
  const host = ownValue(CONSOLE_HOSTS, partition) ?? CONSOLE_HOSTS.aws;
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
export function findingConsoleUrl(partition: string, region: string, findingId: string): string {
  return findingsSearchUrl(securityHubHome(partition, region), 'Id', findingId);
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

/**
 * Links into the new AWS Security Hub console (`/securityhub/v2/home`), one per partition.
 *
 * Uncertain: AWS documents the console's home page (`https://console.aws.amazon.com/securityhub/v2/home`)
 * but no deep-link form for one finding. The form used here, a findings search
 * `finding_info.uid EQUALS <uid>`, is the one AWS's own solution "Automated Security Response on
 * AWS" builds for the new Security Hub (aws-solutions/automated-security-response-on-aws,
 * `getSecurityHubConsoleUrl`). Like the classic console link, the uid is URL-encoded twice. If the
 * console ignores the search, the link still opens the findings page of the right Region.
 *
 * The host table repeats the classic one in `finding/console-link.ts` (not exported there); merge later.
 */
import { isRegionName } from '../finding/arn.js';

const CONSOLE_HOSTS: Readonly<Record<string, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

/**
 * `https://<region>.<host>/securityhub/v2/home?region=<region>` for the partition (`aws` when
 * unknown); a malformed Region is left out rather than put into the URL.
 */
export function securityHubV2Home(partition: string, region: string): string {
  const host = CONSOLE_HOSTS[partition] ?? CONSOLE_HOSTS.aws;
  if (!isRegionName(region)) return `https://${host}/securityhub/v2/home`;
  return `https://${region}.${host}/securityhub/v2/home?region=${region}`;
}

/**
 * The findings page of the new console, searching for one `finding_info.uid`.
 *
 * @example
 * ocsfConsoleUrl('aws', 'us-east-1', 'arn:aws:guardduty:...')
 * // 'https://us-east-1.console.aws.amazon.com/securityhub/v2/home?region=us-east-1#/findings?search=finding_info.uid%3D%255Coperator%255C%253AEQUALS%255C%253Aarn%253Aaws%253Aguardduty...'
 */
export function ocsfConsoleUrl(partition: string, region: string, findingUid: string): string {
  const uid = strictEncode(strictEncode(findingUid));
  return `${securityHubV2Home(partition, region)}#/findings?search=finding_info.uid%3D%255Coperator%255C%253AEQUALS%255C%253A${uid}`;
}

/** `encodeURIComponent` that also encodes `!'()*`, so the link is safe in any quoted attribute. */
function strictEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

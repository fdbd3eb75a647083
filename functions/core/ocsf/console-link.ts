/**
 * Links into the new AWS Security Hub console (`/securityhub/v2/home`), one per partition.
 *
 * Uncertain: AWS documents the console's home page (`https://console.aws.amazon.com/securityhub/v2/home`)
 * but no deep-link form for one finding. The form used here, a findings search
 * `finding_info.uid EQUALS <uid>`, is the one AWS's own solution "Automated Security Response on
 * AWS" builds for the new Security Hub (aws-solutions/automated-security-response-on-aws,
 * `getSecurityHubConsoleUrl`). Like the classic console link, the uid is URL-encoded twice. If the
 * console ignores the search, the link still opens the findings page of the right Region.
 */
import { findingsSearchUrl, securityHubHome } from '../finding/console-link.js';

/** `https://<region>.<host>/securityhub/v2/home?region=<region>` for the partition. */
function securityHubV2Home(partition: string, region: string): string | undefined {
  return securityHubHome(partition, region, 'securityhub/v2/home');
}

/**
 * The findings page of the new console, searching for one `finding_info.uid`.
 *
 * @example
 * ocsfConsoleUrl('aws', 'us-east-1', 'arn:aws:guardduty:...')
 * // 'https://us-east-1.console.aws.amazon.com/securityhub/v2/home?region=us-east-1#/findings?search=finding_info.uid%3D%255Coperator%255C%253AEQUALS%255C%253Aarn%253Aaws%253Aguardduty...'
 */
export function ocsfConsoleUrl(partition: string, region: string, findingUid: string): string | undefined {
  const home = securityHubV2Home(partition, region);
  return home === undefined ? undefined : findingsSearchUrl(home, 'finding_info.uid', findingUid);
}

/** The console link to one insight of Security Hub CSPM (the classic console). */
import { securityHubHome, strictEncode } from '../finding/console-link.js';

/**
 * `https://<region>.<host>/securityhub/home?region=<region>#/insights/<URL-encoded insight ARN>`,
 * with the console host of the partition.
 *
 * @example
 * insightConsoleUrl('aws', 'us-east-1', 'arn:aws:securityhub:::insight/securityhub/default/1')
 * // 'https://us-east-1.console.aws.amazon.com/securityhub/home?region=us-east-1#/insights/arn%3Aaws%3Asecurityhub%3A%3A%3Ainsight%2Fsecurityhub%2Fdefault%2F1'
 */
export function insightConsoleUrl(partition: string, region: string, insightArn: string): string | undefined {
  const home = securityHubHome(partition, region);
  return home === undefined ? undefined : `${home}#/insights/${strictEncode(insightArn)}`;
}

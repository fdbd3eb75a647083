/** A lenient reader for the parts of an ARN the notifier needs (partition, service, region, account). */

export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

/**
 * Splits `arn:partition:service:region:account:resource`; undefined when `value` is not an ARN.
 *
 * @example parseArn('arn:aws:securityhub:us-east-1::product/aws/securityhub')?.region // 'us-east-1'
 */
export function parseArn(value: unknown): ArnParts | undefined {
  if (typeof value !== 'string' || !value.startsWith('arn:')) return undefined;
  const parts = value.split(':');
  if (parts.length < 6) return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  if (partition === '') return undefined;
  return { partition, service, region, account, resource: parts.slice(5).join(':') };
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** True for a well-formed Region name such as `us-east-1`, `cn-north-1`, `us-gov-west-1`. */
export function isRegionName(value: string): boolean {
  return REGION.test(value);
}

/**
 * The Region of an ARN when it is a well-formed Region name, else undefined
 * (`arn:aws::securityhub:us-east-1::...`, with a stray colon, names no Region).
 */
export function arnRegion(value: unknown): string | undefined {
  const region = parseArn(value)?.region;
  return region !== undefined && isRegionName(region) ? region : undefined;
}

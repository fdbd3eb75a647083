/**
 * Standards by name. Security Hub has named a standard by three kinds of ARN or id over the years:
 * `arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0` (2018-2020),
 * `arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0`
 * (per-standard findings) and the bare `standards/...`/`ruleset/...` ids of consolidated findings'
 * `AssociatedStandards`. The name is what a reader knows; anything else (a name already, a
 * third-party id such as `CIS-1.5`) is shown as given.
 */

/** The names Security Hub's documentation gives each standard, by the slug of its ARN. */
const NAMES: Readonly<Record<string, string>> = {
  'aws-foundational-security-best-practices': 'AWS Foundational Security Best Practices',
  // As AWS's own sample finding spells it (Security Hub user guide, "Sample finding for FSBP").
  'aws-foundation-best-practices': 'AWS Foundational Security Best Practices',
  'cis-aws-foundations-benchmark': 'CIS AWS Foundations Benchmark',
  'pci-dss': 'PCI DSS',
  'nist-800-53': 'NIST SP 800-53 Rev. 5',
  'nist-800-171': 'NIST SP 800-171 Rev. 2',
  'aws-resource-tagging-standard': 'AWS Resource Tagging Standard',
  'service-managed-aws-control-tower': 'Service-Managed Standard: AWS Control Tower',
};

const STANDARD_ID = /(?:^|[:/])(?:ruleset|standards)\/([a-z0-9-]+)(?:\/v\/([^/\s]+))?\/?$/;

/**
 * The readable name of a standard's ARN or id, with its version; the value itself when it is not one.
 *
 * @example standardName('arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0') // 'CIS AWS Foundations Benchmark v1.2.0'
 * @example standardName('standards/aws-foundational-security-best-practices/v/1.0.0') // 'AWS Foundational Security Best Practices v1.0.0'
 */
export function standardName(value: string): string {
  const match = STANDARD_ID.exec(value.trim());
  if (match === null) return value;
  const [, slug = '', version] = match;
  const name = Object.hasOwn(NAMES, slug) ? (NAMES[slug] as string) : titleCase(slug);
  // NIST 800-53's version 5.0.0 is "Rev. 5" in its name already.
  return version === undefined || slug === 'nist-800-53' || slug === 'nist-800-171' ? name : `${name} v${version}`;
}

/** Words of standard slugs that are acronyms. */
const ACRONYMS = new Set('aws cis pci dss nist iso soc hipaa gdpr csa ccm ffiec nydfs fedramp cmmc'.split(' '));

function titleCase(slug: string): string {
  return slug
    .split('-')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

/**
 * The smoke test's finding: clearly labelled, imported under the account's own custom product
 * (`product/ACCOUNT/default`, which every account may import to), and archived the same way.
 */
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';

/** What the smoke finding is about, and where. */
export interface TestFindingInput {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  /** Unique per run, so the notifier sees a new finding. */
  readonly id: string;
  /** ISO-8601; the archive carries a later one. */
  readonly at: string;
  readonly severity: 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
}

/**
 * The finding to import (`BatchImportFindings`), or, with `archived`, the update that archives it.
 *
 * @example testFinding({ account: '111122223333', region: 'us-east-1', partition: 'aws', id: 'smoke-1', at: new Date().toISOString(), severity: 'HIGH' })
 */
export function testFinding(input: TestFindingInput, archived = false): AwsSecurityFinding {
  const { account, region, partition, id, at } = input;
  return {
    SchemaVersion: '2018-10-08',
    Id: id,
    ProductArn: `arn:${partition}:securityhub:${region}:${account}:product/${account}/default`,
    GeneratorId: 'securityhub-email-notifier-smoke-test',
    AwsAccountId: account,
    Types: ['Software and Configuration Checks/securityhub-email-notifier smoke test'],
    CreatedAt: at,
    UpdatedAt: at,
    Severity: { Label: input.severity },
    Title: '[TEST] securityhub-email-notifier smoke test: you may ignore this email',
    Description:
      'npm run smoke imported this finding to check that the notifier mails what Security Hub sends. It archives the finding when it is done.',
    Resources: [{ Type: 'Other', Id: 'securityhub-email-notifier-smoke-test', Partition: partition as 'aws', Region: region }],
    Workflow: { Status: 'NEW' },
    RecordState: archived ? 'ARCHIVED' : 'ACTIVE',
  };
}

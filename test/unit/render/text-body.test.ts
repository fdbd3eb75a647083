import { describe, expect, it } from 'vitest';
import { aDigest, aFinding, aFindingNotification, anInsightNotification, aTrigger, aVulnerabilityFinding } from '../../support/findings.js';
import { EN, JA, renderer, textLines } from './compiled.js';

describe('text bodies', () => {
  it('carry the same facts as the HTML, each link alone on its own line', () => {
    // Prepare
    const finding = aFinding();
    // Act
    const { text } = renderer.render(aFindingNotification(finding, aTrigger({ name: 'SendToSecOps' })), EN);
    // Assess
    const lines = textLines(text);
    expect(lines[0]).toBe('Sent with the custom action: SendToSecOps');
    expect(lines).toContain(`[MEDIUM] ${finding.title}`);
    expect(lines).toContain('Account: 111122223333');
    expect(lines).toContain('Region: ap-northeast-1');
    expect(lines).toContain('Control: CIS.3.4');
    expect(finding.compliance?.reasons.length).toBeGreaterThan(0);
    expect(finding.resources.length).toBeGreaterThan(0);
    for (const reason of finding.compliance?.reasons ?? []) {
      expect(lines).toContain(`- ${reason.code}`);
      expect(lines).toContain(reason.description);
    }
    for (const resource of finding.resources) expect(lines).toContain(resource.id);
    expect(lines[lines.indexOf('Open in the console:') + 1]).toBe(finding.consoleUrl);
    expect(lines[lines.indexOf('Open the remediation guide:') + 1]).toBe(finding.remediation?.url);
    expect(lines).toContain(finding.sourceUrl);
  });

  it('contains no HTML and no escaped entities', () => {
    const finding = aFinding({ title: 'Bucket "logs" & <backup> isn\'t private' });
    const { text } = renderer.render(aFindingNotification(finding), EN);
    expect(textLines(text)).toContain(`[MEDIUM] ${finding.title}`);
    expect(text).not.toMatch(/&(amp|lt|gt|quot|#x27|#39);|<\/?(div|span|table|a)\b/);
  });

  it('lists vulnerabilities with their reference URLs on their own lines', () => {
    const lines = textLines(renderer.render(aFindingNotification(aVulnerabilityFinding()), EN).text);
    expect(lines).toContain('- CVE-2021-44228 (CVSS 10.0 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H)');
    expect(lines).toContain('https://nvd.nist.gov/vuln/detail/CVE-2021-44228');
  });

  it('uses Japanese labels and Tokyo time with locale ja', () => {
    const lines = textLines(renderer.render(aFindingNotification(), JA).text);
    expect(lines).toContain('重要度: 中');
    expect(lines).toContain('アカウント: 111122223333');
    expect(lines).toContain('リージョン: ap-northeast-1');
    expect(lines).toContain('== 修復手順 ==');
    expect(lines).toContain('初回検出: 2020-07-25 16:06 (Asia/Tokyo)');
    expect(lines[lines.indexOf('コンソールで開く:') + 1]).toBe(aFinding().consoleUrl);
  });

  it('gives every digest finding its console link on its own line, most severe first', () => {
    const notification = aDigest();
    const lines = textLines(renderer.render(notification, EN).text);
    const headings = lines.filter((line) => /^\[(CRITICAL|HIGH|MEDIUM|LOW|INFORMATIONAL)\] /.test(line));
    expect(headings.map((line) => line.slice(1, line.indexOf(']')))).toEqual(['CRITICAL', 'HIGH', 'LOW']);
    const links = lines.filter((line) => line.startsWith('https://'));
    if (notification.kind !== 'digest') throw new Error('expected a digest');
    expect(links.sort()).toEqual(notification.findings.map((f) => f.consoleUrl).sort());
  });

  it('shows the insight rows as value: count and the insight link on its own line', () => {
    const lines = textLines(renderer.render(anInsightNotification(), EN).text);
    expect(lines).toContain('arn:aws:ec2:ap-northeast-1:111122223333:instance/i-0abcd1234ef567890: 12');
    expect(lines[lines.indexOf('Open the insight in the console:') + 1]).toBe(
      'https://ap-northeast-1.console.aws.amazon.com/securityhub/home?region=ap-northeast-1#/insights',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailHeaders } from '../../../functions/core/render/headers.js';
import { asciiSubject, sanitizeSubject } from '../../../functions/core/render/subject.js';
import { aDigest, aFinding, aFindingNotification, anInsightNotification, aTrigger } from '../../support/findings.js';
import { EN, JA, renderer } from './compiled.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
const CONTROL_OR_HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

const ec27 = { status: 'FAILED' as const, reasons: [], controlId: 'EC2.7', standards: [], relatedRequirements: [] };

describe('subjects', () => {
  it('read [SEVERITY] title | account region for a finding, with the control when the title lacks it', () => {
    const fsbp = aFinding({
      title: 'EBS default encryption should be enabled',
      compliance: ec27,
    });
    expect(renderer.render(aFindingNotification(fsbp), EN).subject).toBe(
      '[MEDIUM] EC2.7 EBS default encryption should be enabled | 111122223333 ap-northeast-1',
    );
    const legacy = aFinding({
      title: 'EC2.7 EBS default encryption should be enabled',
      compliance: ec27,
    });
    expect(renderer.render(aFindingNotification(legacy), EN).subject).toBe(
      '[MEDIUM] EC2.7 EBS default encryption should be enabled | 111122223333 ap-northeast-1',
    );
  });

  it('name the highest severity, the action and the count for a digest, and the insight for an insight', () => {
    expect(renderer.render(aDigest(), EN).subject).toBe('[CRITICAL] SendToSecOps: 3 findings | 111122223333 ap-northeast-1');
    expect(renderer.render(aDigest(), JA).subject).toBe('[重大] SendToSecOps: 検出結果 3 件 | 111122223333 ap-northeast-1');
    expect(renderer.render(anInsightNotification(), JA).subject).toBe(
      '[インサイト] EC2 instances with the most critical findings | 111122223333 ap-northeast-1',
    );
  });

  it('name the count of accounts and the first three regions of a digest that spans several', () => {
    const findings = [
      aFinding({ region: 'us-east-1' }),
      aFinding({ region: 'eu-west-1', accountId: '444455556666' }),
      aFinding({ region: 'us-east-1' }),
      aFinding({ region: 'ap-northeast-1' }),
      aFinding({ region: 'sa-east-1' }),
    ];
    expect(renderer.render(aDigest(findings, aTrigger()), EN).subject).toBe(
      '[MEDIUM] 5 findings | 2 accounts us-east-1,eu-west-1,ap-northeast-1',
    );
  });

  it('stay one clean line of at most 150 characters for any title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const { subject } = renderer.render(aFindingNotification(aFinding({ title })), EN);
        expect(subject).not.toMatch(CONTROL_OR_HIDDEN);
        expect(Array.from(subject).length).toBeLessThanOrEqual(150);
        expect(subject.startsWith('[MEDIUM] ')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('sanitizeSubject collapses whitespace, drops control and bidi characters and cuts with an ellipsis', () => {
    expect(sanitizeSubject('[HIGH]\r\n\tBcc: x\u0007 \u202Egnp.exe\u200B  done')).toBe('[HIGH] Bcc: x gnp.exe done');
    const cut = sanitizeSubject('a'.repeat(200), 150);
    expect(cut).toHaveLength(150);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('asciiSubject', () => {
  it('transliterates an English subject and cuts its title to 100 ASCII characters, keeping account and Region', () => {
    const email = renderer.render(aFindingNotification(aFinding({ title: `Café “résumé” — ${'x'.repeat(120)}` })), EN);
    const subject = asciiSubject(email);
    expect(subject).toMatch(/^\[MEDIUM\] CIS\.3\.4 Cafe "resume" - x+\.\.\. \| 111122223333 ap-northeast-1$/);
    expect(subject.length).toBe(100);
  });

  it('falls back to severity, control, account and region when the title is mostly Japanese', () => {
    const email = renderer.render(aFindingNotification(aFinding({ title: 'ルートユーザーのアクセスキーが存在します' })), JA);
    expect(asciiSubject(email)).toBe('[MEDIUM] Security Hub finding CIS.3.4 | 111122223333 ap-northeast-1');
    expect(asciiSubject(renderer.render(aDigest(), JA))).toBe('[CRITICAL] 3 Security Hub findings | 111122223333 ap-northeast-1');
  });

  it('is always printable ASCII within the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 20, max: 100 }), (title, max) => {
        const subject = asciiSubject(renderer.render(aFindingNotification(aFinding({ title })), EN), max);
        expect(subject).toMatch(/^[\x20-\x7e]*$/);
        expect(subject.length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 200 },
    );
  });
});

describe('X-SecurityHub headers', () => {
  it('carry severity, account, region, finding id, product and control', () => {
    const finding = aFinding();
    expect(emailHeaders(aFindingNotification(finding))).toEqual({
      'X-SecurityHub-Severity': 'MEDIUM',
      'X-SecurityHub-Account': '111122223333',
      'X-SecurityHub-Region': 'ap-northeast-1',
      'X-SecurityHub-Finding-Id': finding.id,
      'X-SecurityHub-Product': 'Security Hub',
      'X-SecurityHub-Control': 'CIS.3.4',
    });
  });

  it('encode non-ASCII, strip line breaks and bound the length', () => {
    const headers = emailHeaders(aFindingNotification(aFinding({ productName: 'セキュリティ\r\nBcc: x', id: 'f'.repeat(500) })));
    expect(headers['X-SecurityHub-Product']).toBe(`${encodeURIComponent('セキュリティ')} Bcc: x`);
    expect(headers['X-SecurityHub-Finding-Id']).toHaveLength(200);
  });

  it('keep a printable-ASCII value of exactly 200 characters whole, and cut one of 201 to 197 plus "..."', () => {
    const whole = emailHeaders(aFindingNotification(aFinding({ id: 'a'.repeat(200) })));
    expect(whole['X-SecurityHub-Finding-Id']).toBe('a'.repeat(200));
    const cut = emailHeaders(aFindingNotification(aFinding({ id: 'b'.repeat(201) })));
    expect(cut['X-SecurityHub-Finding-Id']).toBe(`${'b'.repeat(197)}...`);
  });

  it('cut a long non-ASCII value between characters, never inside a %XX escape', () => {
    const headers = emailHeaders(aFindingNotification(aFinding({ productName: 'セ'.repeat(100) })));
    const product = headers['X-SecurityHub-Product'] ?? '';
    expect(product.length).toBeLessThanOrEqual(200);
    expect(product.endsWith('...')).toBe(true);
    expect(decodeURIComponent(product.slice(0, -3))).toBe('セ'.repeat((product.length - 3) / 9));
  });

  it('summarize a digest: highest severity, count, "multiple" when accounts differ', () => {
    const headers = emailHeaders(aDigest([aFinding(), aFinding({ severity: 'HIGH', accountId: '444455556666' })], aTrigger()));
    expect(headers['X-SecurityHub-Severity']).toBe('HIGH');
    expect(headers['X-SecurityHub-Account']).toBe('multiple');
    expect(headers['X-SecurityHub-Finding-Count']).toBe('2');
  });
});

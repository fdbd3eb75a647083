import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNS_MAX_BYTES, snsPublishInput, snsSubject } from '../../../functions/adapters/sns-message.js';
import type { Email } from '../../../functions/core/render/email.js';
import { aFinding } from '../../support/findings.js';
import { resource, sampleEmail } from './sample-email.js';

const TOPIC = 'arn:aws:sns:us-east-1:111122223333:alerts';
const bytes = (input: { Message?: string | undefined; Subject?: string | undefined; MessageAttributes?: unknown }) =>
  Buffer.byteLength(input.Message ?? '') +
  Buffer.byteLength(input.Subject ?? '') +
  Buffer.byteLength(JSON.stringify(input.MessageAttributes));

describe('snsSubject', () => {
  it('obeys the SNS rules for any subject: ASCII, one line, <= 100 chars, starts with a letter/number/punctuation', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (subject) => {
        const result = snsSubject(sampleEmail({ subject }));
        expect(result.length).toBeGreaterThan(0);
        expect(result.length).toBeLessThanOrEqual(100);
        expect(result).toMatch(/^[A-Za-z0-9!"#%&'()*,\-./:;?@[\\\]_{}][\x20-\x7e]*$/);
      }),
    );
  });

  it('folds accents, and replaces a mostly Japanese subject with an ASCII one naming severity and account', () => {
    expect(snsSubject(sampleEmail({ subject: '[LOW] Café rule 3.4' }))).toBe('[LOW] Cafe rule 3.4');
    expect(snsSubject(sampleEmail({ subject: '+$ IAM policy rule 3.4' }))).toBe('IAM policy rule 3.4');
    const japanese = snsSubject(sampleEmail({ subject: '[MEDIUM] IAM ポリシー変更のメトリクスフィルターとアラーム' }));
    expect(japanese).toMatch(/^\[MEDIUM\] /);
    expect(japanese).toContain('111122223333');
  });
});

describe('snsPublishInput', () => {
  it('publishes the untouched text and notification when they fit', () => {
    // Prepare
    const email = sampleEmail();

    // Act
    const input = snsPublishInput(email, TOPIC);

    // Assess
    expect(input).toMatchObject({ TopicArn: TOPIC, MessageStructure: 'json', Subject: email.subject });
    const message = JSON.parse(input.Message ?? '');
    expect(Object.keys(message).sort()).toEqual(['default', 'email', 'http', 'https', 'lambda', 'sqs']);
    expect(message.default).toBe(email.text);
    expect(JSON.parse(message.lambda)).toEqual(JSON.parse(JSON.stringify({ version: 1, subject: email.subject, ...email.notification })));
    expect(JSON.parse(message.lambda).shortened).toBeUndefined();
  });

  it('sets filterable attributes: kind, the highest severity and the accounts of a digest', () => {
    // Prepare
    const findings = [aFinding({ severity: 'LOW' }), aFinding({ severity: 'CRITICAL', accountId: '444455556666' })];
    const email: Email = { ...sampleEmail(), notification: { kind: 'digest', findings, trigger: { eventId: 'e', detailType: 'd' } } };

    // Act
    const { MessageAttributes } = snsPublishInput(email, TOPIC);

    // Assess
    expect(MessageAttributes).toEqual({
      kind: { DataType: 'String', StringValue: 'digest' },
      severity: { DataType: 'String', StringValue: 'CRITICAL' },
      accountId: { DataType: 'String.Array', StringValue: '["111122223333","444455556666"]' },
    });
  });

  it('stays within the byte limit with valid JSON for any text, description and resource count', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 3000 }),
        fc.nat({ max: 3000 }),
        fc.integer({ min: 2_000, max: 40_000 }),
        (chunk, resourceCount, maxBytes) => {
          const finding = aFinding({
            description: chunk.repeat(20),
            resources: Array.from({ length: resourceCount }, (_, i) => resource(i)),
          });
          const email = sampleEmail({ text: `${finding.title}\n${finding.description}\n${'\u0001"'.repeat(resourceCount)}` }, finding);
          const input = snsPublishInput(email, TOPIC, maxBytes);
          expect(bytes(input)).toBeLessThanOrEqual(maxBytes);
          const message = JSON.parse(input.Message ?? '');
          expect(JSON.parse(message.sqs)).toMatchObject({ version: 1 });
        },
      ),
      { numRuns: 60 },
    );
  });
  it('shortens a 100-finding digest with 1,000 resources each below 256 KB, still listing every finding', () => {
    // Prepare
    const findings = Array.from({ length: 100 }, (_, n) =>
      aFinding({ id: `finding-${n}`, resources: Array.from({ length: 1000 }, (_, i) => resource(i)) }),
    );
    const email: Email = { ...sampleEmail(), notification: { kind: 'digest', findings, trigger: { eventId: 'e', detailType: 'd' } } };

    // Act
    const input = snsPublishInput(email, TOPIC);

    // Assess
    expect(bytes(input)).toBeLessThanOrEqual(SNS_MAX_BYTES);
    const document = JSON.parse(JSON.parse(input.Message ?? '').https);
    const listed: { id: string; title: string; severity: string }[] = document.findings ?? document.items;
    expect(listed.map((f) => f.id)).toEqual(findings.map((f) => f.id));
    expect(listed.every((f) => f.title === findings[0]?.title && f.severity === 'MEDIUM')).toBe(true);
    expect(document.shortened).toMatch(/^\[shortened: /);
    expect(JSON.parse(input.Message ?? '').email).toContain(document.shortened);
  });
});

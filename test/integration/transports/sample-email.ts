/** Emails built by hand around `aFinding()` for the transport suites (they do not depend on the renderer). */
import type { Finding, Resource } from '../../../functions/core/finding/model.js';
import type { Email } from '../../../functions/core/render/email.js';
import { aFinding } from '../../support/findings.js';

export function resource(index: number): Resource {
  return { type: 'AwsAccount', id: `AWS::::Account:${String(index).padStart(12, '0')}`, region: 'us-east-1', tags: {}, details: [] };
}

export function sampleEmail(overrides: Partial<Omit<Email, 'notification'>> = {}, finding: Finding = aFinding()): Email {
  return {
    subject: `[${finding.severity}] ${finding.title}`,
    html: `<html><body><h1>${finding.title}</h1><p>${finding.description}</p></body></html>`,
    text: `${finding.title}\n\n${finding.description}\n`,
    headers: {
      'X-SecurityHub-Severity': finding.severity,
      'X-SecurityHub-Account': finding.accountId,
      'X-SecurityHub-Finding-Id': 'finding-1',
    },
    notification: { kind: 'finding', finding, trigger: { eventId: 'event-1', detailType: 'Security Hub Findings - Imported' } },
    ...overrides,
  };
}

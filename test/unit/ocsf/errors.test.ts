/** Broken OCSF findings are refused with `InvalidEventError`: input, JSON path and what was expected. */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { InvalidEventError } from '../../../functions/core/errors.js';
import { ocsfToFinding } from '../../../functions/core/ocsf/to-finding.js';
import { readFixture } from '../../support/fixtures.js';
import { thrown } from '../../support/thrown.js';
import { setAt } from './ocsf-inputs.js';

const INPUT = 'fixtures/ocsf/compliance-s3-failed-three-assessments.json';
const PATH = 'detail.findings[0]';

/** A fresh copy of a valid finding with `changes` applied (`undefined` deletes the field). */
function broken(changes: Record<string, unknown>): unknown {
  const finding = structuredClone(readFixture(INPUT));
  for (const [path, value] of Object.entries(changes)) setAt(finding, path, value);
  return finding;
}

function errorOf(raw: unknown, path = PATH): InvalidEventError {
  return thrown(InvalidEventError, () => ocsfToFinding(raw, { input: INPUT, path }));
}

describe('ocsfToFinding refuses broken findings', () => {
  it.each([
    ['severity_id "x"', { severity_id: 'x' }, `${PATH}.severity_id`, 'expected one of 0, 1, 2, 3, 4, 5, 6, 99, got "x"'],
    ['severity_id 7', { severity_id: 7 }, `${PATH}.severity_id`, 'got 7'],
    ['cloud.account.uid a number', { 'cloud.account.uid': 123 }, `${PATH}.cloud.account.uid`, 'expected string'],
    ['missing finding_info.uid', { 'finding_info.uid': undefined }, `${PATH}.finding_info.uid`, 'expected string'],
    ['resources not an array', { resources: { uid: 'x' } }, `${PATH}.resources`, 'expected array, got object'],
    [
      'CVSS score as text',
      { vulnerabilities: [{ cve: { uid: 'CVE-1', cvss: [{ base_score: 'high' }] } }] },
      `${PATH}.vulnerabilities[0].cve.cvss[0].base_score`,
      'expected number, got string',
    ],
    ['tag without a name', { 'resources.0.tags': [{ value: 'v' }] }, `${PATH}.resources[0].tags[0].name`, 'expected string'],
  ])('%s', (_case, changes, path, message) => {
    // Prepare
    const raw = broken(changes);

    // Act
    const error = errorOf(raw);

    // Assess
    expect(error.name).toBe('InvalidEventError');
    expect(error.input).toBe(INPUT);
    expect(error.path).toBe(path);
    expect(error.message).toContain(message);
    expect(error.message.startsWith(`${INPUT}: ${path}: `)).toBe(true);
    // The cause is the schema check's own error, with the issue the message describes first.
    expect(error.cause).toBeInstanceOf(z.core.$ZodError);
    expect((error.cause as z.core.$ZodError).issues.length).toBeGreaterThan(0);
  });

  it.each(['Severe', 'constructor', '__proto__'])('refuses a finding with no severity_id and the severity caption %j', (caption) => {
    const raw = broken({ severity_id: undefined, severity: caption });

    const error = errorOf(raw);

    expect(error.path).toBe(`${PATH}.severity_id`);
    expect(error.message).toContain(`got "${caption}"`);
  });

  it('refuses a finding with nothing to show: neither finding_info.title nor desc', () => {
    const error = errorOf(broken({ 'finding_info.title': undefined, 'finding_info.desc': undefined }));
    expect([error.path, error.message]).toEqual([
      `${PATH}.finding_info.title`,
      `${INPUT}: ${PATH}.finding_info.title: expected a title (or a desc to show in its place)`,
    ]);
  });

  it('mails a finding with no Region, naming it as missing, and uses the event Region when there is one', () => {
    const raw = broken({ 'cloud.region': undefined });

    const alone = ocsfToFinding(raw, { input: INPUT, path: PATH });
    const finding = ocsfToFinding(raw, { input: INPUT, path: PATH, region: 'eu-north-1' });

    expect([alone.region, alone.missing]).toEqual(['', ['cloud.region']]);
    expect([finding.region, finding.missing]).toEqual(['eu-north-1', undefined]);
  });

  it('mails a finding without title, desc or account, naming what is missing', () => {
    const noTitle = ocsfToFinding(broken({ 'finding_info.title': undefined }), { input: INPUT, path: PATH });
    const noAccount = ocsfToFinding(broken({ 'cloud.account.uid': undefined, 'finding_info.desc': undefined }), {
      input: INPUT,
      path: PATH,
    });

    expect(noTitle.missing).toEqual(['finding_info.title']);
    expect(noTitle.title).not.toBe('');
    expect([noAccount.accountId, noAccount.missing]).toEqual(['', ['finding_info.desc', 'cloud.account.uid']]);
  });

  it('names the list position for a bare list input and the root for a non-object', () => {
    expect(errorOf(broken({ finding_info: undefined }), '[3]').path).toBe('[3].finding_info');
    const error = errorOf('not a finding', '');
    expect(error.path).toBe('');
    expect(error.message).toContain('expected object, got string');
  });

  it('clips an attacker-sized value in the message to one short line', () => {
    const raw = broken({ severity_id: `x\n${'A'.repeat(5000)}` });

    const error = errorOf(raw);

    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeLessThan(INPUT.length + PATH.length + 400);
  });
});

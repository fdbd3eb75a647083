/**
 * Whose account, where, and what the finding left out (issue classes 5-9 and 11): account names,
 * subjects that say each thing once within SNS's 100 characters, console links of every partition
 * (or none), missing fields named, OCSF times in seconds, one label per list in the text body and
 * standards by name; each read from the HTML and the text body.
 */
import { describe, expect, it } from 'vitest';
import { JA } from './compiled.js';
import { emailOf, fact, textSection } from './fixture-emails.js';

describe('account names (body and subject)', () => {
  it.each([
    ['fixtures/facts/guardduty-port-probe-action-account-name-bare.json', '111122223333', 'payments-prod'],
    ['fixtures/facts/ocsf-detection-api-call-epoch-seconds-account-name.json', '777788889999', 'data-lake-prod'],
    ['fixtures/real/securityhubv2-exposure-finding-lambda-docs.json', '123456789012', 'production-application'],
  ])('%s: %s, named as name (id)', (fixture, id, name) => {
    const email = emailOf(fixture);
    expect(fact(email.$, 'Account')).toBe(`${name} (${id})`);
    expect(email.text.split('\n')).toContain(`Account: ${name} (${id})`);
    expect(email.subject).toContain(`| ${name} (${id}) `);
    expect(email.snsSubject).toContain(`| ${name} (${id}) `);
    expect(fact(emailOf(fixture, JA).$, 'アカウント')).toBe(`${name} (${id})`);
  });
});

describe('subjects: each thing once; severity, what, account (name), Region within SNS 100 characters', () => {
  it('does not repeat a control id the title already carries ([RDS.2] ...)', () => {
    const email = emailOf('fixtures/facts/rds-2-publicly-accessible-last-config-annotation-bare.json');
    expect(email.subject.startsWith('[CRITICAL] [RDS.2] RDS DB Instances should prohibit public access')).toBe(true);
    expect(email.subject.match(/RDS\.2/g)).toHaveLength(1);
    expect(email.snsSubject.length).toBeLessThanOrEqual(100);
    expect(email.snsSubject).toMatch(/^\[CRITICAL\] \[RDS\.2\] RDS DB Instances .+\.\.\. \| payments-prod \(111122223333\) us-east-1$/);
  });

  it('keeps account and Region when a long title does not fit', () => {
    const email = emailOf('fixtures/edge/title-300-characters-bare.json');
    expect(email.snsSubject.length).toBeLessThanOrEqual(100);
    expect(email.snsSubject.endsWith('| 123456789012 eu-west-1')).toBe(true);
    expect(email.subject.endsWith('| 123456789012 eu-west-1')).toBe(true);
  });
});

describe('console links: the partition of the finding, or none', () => {
  it.each([
    [
      'fixtures/facts/partition-aws-iso-bare.json',
      'https://us-iso-east-1.console.c2s.ic.gov/securityhub/home?region=us-iso-east-1#/findings',
    ],
    [
      'fixtures/facts/partition-aws-iso-b-bare.json',
      'https://us-isob-east-1.console.sc2s.sgov.gov/securityhub/home?region=us-isob-east-1#/findings',
    ],
  ])('%s links its own console', (fixture, prefix) => {
    const email = emailOf(fixture);
    const link = email
      .$('a')
      .filter((_, a) => email.$(a).text().trim() === 'Open in the console')
      .attr('href');
    expect(link?.startsWith(prefix)).toBe(true);
    expect(textSection(email.text, 'Description')).toBeDefined();
    expect(email.text.split('\n').some((line) => line.startsWith(prefix))).toBe(true);
    expect(email.html).not.toContain('console.aws.amazon.com');
  });

  it('the European Sovereign Cloud (aws-eusc): no console link at all, and the email says why', () => {
    const email = emailOf('fixtures/facts/partition-aws-eusc-european-sovereign-cloud-bare.json');
    expect(email.$('a').filter((_, a) => email.$(a).text().trim() === 'Open in the console').length).toBe(0);
    expect(email.html).not.toMatch(/console\.aws\.amazon\.com|amazonaws\.cn|amazonaws-us-gov/);
    expect(email.text).not.toMatch(/console\.aws\.amazon\.com/);
    const note = 'No console link: the partition aws-eusc has no Security Hub console this notifier knows.';
    expect(email.text.split('\n')).toContain(note);
    expect(email.$('body').text()).toContain(note);
    expect(emailOf('fixtures/facts/partition-aws-eusc-european-sovereign-cloud-bare.json', JA).text).toContain('パーティション aws-eusc');
  });
});

describe('missing fields: the finding is mailed and the email says what is missing', () => {
  it.each([
    ['fixtures/facts/custodian-no-description-bare.json', 'Description'],
    ['fixtures/edge/missing-title-event.json', 'Title'],
  ])('%s lacks %s', (fixture, missing) => {
    const email = emailOf(fixture);
    expect(fact(email.$, 'Not in the finding')).toContain(missing);
    expect(email.text.split('\n')).toContain(`Not in the finding: ${missing}`);
    expect(fact(emailOf(fixture, JA).$, '検出結果に含まれていない項目')).toContain(missing);
  });

  it('a finding without Description has no empty Description section', () => {
    const email = emailOf('fixtures/facts/custodian-no-description-bare.json');
    expect(email.text).not.toContain('== Description ==');
    expect(
      email
        .$('h2')
        .map((_, h) => email.$(h).text())
        .get(),
    ).not.toContain('Description');
  });

  it('a finding without Title shows the first line of its Description as the title', () => {
    const email = emailOf('fixtures/edge/missing-title-event.json');
    expect(email.$('h1').text()).toBe(
      'This control checks whether an Amazon S3 general purpose bucket blocks public access at the bucket level.',
    );
  });
});

describe('OCSF times in epoch seconds', () => {
  it('are read as seconds by their magnitude: November 2025, never 1970', () => {
    const email = emailOf('fixtures/facts/ocsf-detection-api-call-epoch-seconds-account-name.json');
    expect(fact(email.$, 'Updated')).toBe('2025-11-10 08:00 (UTC)');
    expect(email.text.split('\n')).toContain('First observed: 2025-11-10 07:45 (UTC)');
    expect(email.html).not.toContain('1970');
    expect(email.text).not.toContain('1970');
  });
});

describe('text bodies: each label once, standards by name', () => {
  it('lists tags under one Tags label', () => {
    const email = emailOf('fixtures/real/securityhubv2-exposure-finding-lambda-docs.json');
    const resources = textSection(email.text, 'Resources');
    expect(resources.filter((line) => line.includes('Tags:'))).toEqual(['  Tags:']);
    expect(resources).toContain('    aws:cloudformation:stack-name=LambdaProdStack');
  });

  it.each([
    [
      'fixtures/facts/rds-2-publicly-accessible-last-config-annotation-bare.json',
      ['AWS Foundational Security Best Practices v1.0.0', 'NIST SP 800-53 Rev. 5', 'PCI DSS v3.2.1'],
    ],
    ['fixtures/real/securityhub-cis120-cloudtrail-encryption-failed-docs.json', ['CIS AWS Foundations Benchmark v1.2.0']],
    ['fixtures/real/securityhub-fsbp-cloudtrail2-failed-docs.json', ['AWS Foundational Security Best Practices v1.0.0']],
    ['fixtures/real/securityhub-cis140-cloudtrail-encryption-failed-docs.json', ['CIS AWS Foundations Benchmark v1.4.0']],
  ])('%s names its standards', (fixture, names) => {
    const email = emailOf(fixture);
    const lines = email.text.split('\n');
    const at = lines.indexOf('Standards:');
    expect(lines.filter((line) => line.startsWith('Standards'))).toEqual(['Standards:']);
    expect(lines.slice(at + 1, at + 1 + names.length)).toEqual(names.map((name) => `- ${name}`));
    expect(fact(email.$, 'Standards')).toBe(names.join(''));
    expect(email.text).not.toMatch(/^- arn:aws:securityhub/m);
  });
});

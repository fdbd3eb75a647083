import { describe, expect, it } from 'vitest';
import { parseAccountsFile } from '../../../functions/core/accounts/accounts-file.js';
import { accountLabel } from '../../../functions/core/accounts/directory.js';
import { ownerOf, ownerOfAll } from '../../../functions/core/accounts/owner.js';
import { accountIdsOf, readsWithAccounts, withAccount } from '../../../functions/core/accounts/with-accounts.js';
import { parseConfig } from '../../../functions/core/config.js';
import { ConfigError } from '../../../functions/core/errors.js';
import { createPipeline } from '../../../functions/core/pipeline/pipeline.js';
import { routeFinding } from '../../../functions/core/policy/route.js';
import { renderer } from '../../../functions/core/render/prebuilt.js';
import { aFinding } from '../../support/findings.js';
import { readFixture } from '../../support/fixtures.js';
import { thrown } from '../../support/thrown.js';

const directory = parseAccountsFile(
  {
    '111122223333': {
      name: 'payments-prod',
      tags: { env: 'prod', 'security-owner': 'pay-owner@example.com', bad: 'not an address' },
      alternateContacts: { SECURITY: { email: 'pay-sec@example.com' } },
    },
    '444455556666': { name: 'data-dev', tags: { env: 'dev' } },
  },
  'accounts.json',
);

describe('the accounts file', () => {
  it('reads names, tags and the SECURITY contact', () => {
    const info = directory.accounts.get('111122223333');
    expect(info).toEqual({
      id: '111122223333',
      name: 'payments-prod',
      tags: { env: 'prod', 'security-owner': 'pay-owner@example.com', bad: 'not an address' },
      securityContact: 'pay-sec@example.com',
    });
    expect(directory.accounts.get('444455556666')?.securityContact).toBeUndefined();
  });

  it('names the file and JSON path of a bad entry', () => {
    const error = thrown(ConfigError, () =>
      parseAccountsFile({ '111122223333': { alternateContacts: { SECURITY: { email: 'nope' } } } }, 'a.json'),
    );
    expect(error.message).toBe('a.json["111122223333"].alternateContacts.SECURITY.email: not a valid email');
    expect(thrown(ConfigError, () => parseAccountsFile({ '12': {} }, 'a.json')).message).toMatch(/^a\.json.*12-digit/);
  });
});

describe('account names and tags on findings', () => {
  it('fills the name and tags from the directory, keeping a name the finding carries', () => {
    const finding = withAccount(aFinding(), directory);
    expect(finding.accountName).toBe('payments-prod');
    expect(finding.accountTags?.env).toBe('prod');
    expect(withAccount(aFinding({ accountName: 'from-asff' }), directory).accountName).toBe('from-asff');
    expect(withAccount(aFinding({ accountId: '999999999999' }), directory)).toEqual(aFinding({ accountId: '999999999999' }));
  });

  it('names the account of an insight too, in its body and subject', () => {
    const pipeline = createPipeline(parseConfig({}), renderer);
    const read = pipeline.read(readFixture('fixtures/insight/insight-results-managed-aws-us-gov-event.json'), 'insight.json');
    expect(accountIdsOf([read])).toEqual(['222233334444']);
    const named = parseAccountsFile({ '222233334444': { name: 'gov-prod' } }, 'accounts.json');
    const [insight] = readsWithAccounts([read], named)[0]?.insights ?? [];
    if (!insight) throw new Error('the fixture holds an insight');
    const email = renderer.render(insight, { locale: 'en', timeZone: 'UTC' });
    expect(email.text).toContain('gov-prod (222233334444)');
    expect(email.subject).toContain('gov-prod (222233334444)');
  });

  it('labels an account by name and id', () => {
    expect(accountLabel('111122223333', 'payments-prod')).toBe('payments-prod (111122223333)');
    expect(accountLabel('111122223333', undefined)).toBe('111122223333');
  });
});

describe('routes on account tags, to account owners', () => {
  const config = parseConfig({
    policy: {
      routes: [
        { name: 'prod', match: { accountTags: { env: ['prod', 'staging'] } }, owner: {} },
        { name: 'tagged', match: { accountTags: { env: 'dev' } }, owner: { tag: 'security-owner' } },
      ],
    },
  });
  const [prod, tagged] = config.policy.routes;
  if (!prod || !tagged) throw new Error('two routes');

  it('matches a route on the account tags', () => {
    expect(routeFinding(withAccount(aFinding(), directory), config.policy.routes).name).toBe('prod');
    expect(routeFinding(withAccount(aFinding({ accountId: '444455556666' }), directory), config.policy.routes).name).toBe('tagged');
    // No directory entry, no tags: the fallback route.
    expect(routeFinding(aFinding(), config.policy.routes).name).toBe('default');
  });

  it('sends to the SECURITY contact, or to the address in the named tag', () => {
    expect(ownerOf(prod, aFinding(), directory)).toEqual({ to: 'pay-sec@example.com', source: 'securityContact' });
    expect(ownerOf(tagged, aFinding(), directory)).toEqual({ to: 'pay-owner@example.com', source: 'tag' });
    expect(ownerOf({ ...tagged, owner: { tag: 'bad' } }, aFinding(), directory)).toEqual({
      to: 'pay-sec@example.com',
      source: 'securityContact',
    });
  });

  it('falls back with a reason when no owner is known, or owners differ', () => {
    expect(ownerOf(tagged, aFinding({ accountId: '444455556666' }), directory)).toEqual({
      fallback: 'account 444455556666: no tag security-owner, no SECURITY alternate contact',
    });
    expect(ownerOf(prod, aFinding({ accountId: '999999999999' }), directory)).toEqual({
      fallback: 'account 999999999999 is not in the account directory',
    });
    expect(ownerOf({ name: 'plain', match: {} }, aFinding(), directory)).toBeUndefined();
    const other = parseAccountsFile(
      {
        '111122223333': { alternateContacts: { SECURITY: { email: 'a@example.com' } } },
        '444455556666': { alternateContacts: { SECURITY: { email: 'b@example.com' } } },
      },
      'x',
    );
    expect(ownerOfAll(prod, [aFinding(), aFinding({ accountId: '444455556666' })], other)).toEqual({
      fallback: "the email's findings have 2 different owners",
    });
  });
});

/** The deploy prerequisites, checked with the real SDK clients against a loopback Organizations and Security Hub. */
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/lib/deploy-config.js';
import { configArgument } from '../../infra/preflight/cli.js';
import { checkPrerequisites, STACKSETS_PRINCIPAL } from '../../infra/preflight/prerequisites.js';
import { type JsonAnswer, type JsonStandIn, startJsonStandIn } from '../support/json-stand-in.js';
import { DUMMY_CREDENTIALS, LOCAL_REGION } from '../support/stand-ins.js';

const ADMIN = '222233334444';
const notifiers = [{ id: 'Findings', notifier: { transport: 'sns' } }];
const stackSet = (extra: Record<string, unknown>) =>
  parseDeployConfig({ notifiers, stackSet: { regions: ['us-east-1'], organizationalUnitIds: ['ou-abcd-11111111'], ...extra } });

/** What the stand-in answers, changed per test. */
let answers: Record<string, JsonAnswer> = {};
let standIn: JsonStandIn;
beforeAll(async () => {
  const answer = (operation: string) => () => answers[operation] ?? { error: 'AccessDeniedException', message: 'not set up' };
  const operations = ['ListAWSServiceAccessForOrganization', 'ListDelegatedAdministrators', 'DescribeOrganization', 'GET /accounts'];
  standIn = await startJsonStandIn(Object.fromEntries(operations.map((op) => [op, answer(op)])));
});
afterAll(() => standIn.stop());

function clients(account?: string) {
  const options = { endpoint: standIn.endpoint, region: LOCAL_REGION, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 };
  return { organizations: new OrganizationsClient(options), securityHub: new SecurityHubClient(options), account };
}

const lines = async (deploy: ReturnType<typeof parseDeployConfig>, account?: string) =>
  (await checkPrerequisites(deploy, clients(account))).map((c) => `${c.ok ? 'ok' : 'error'} ${c.what}: ${c.detail}`);

describe('checkPrerequisites', () => {
  it('a SERVICE_MANAGED StackSet needs trusted access with Organizations, and says how to turn it on', async () => {
    answers = {
      ListAWSServiceAccessForOrganization: { EnabledServicePrincipals: [{ ServicePrincipal: 'config.amazonaws.com' }] },
      DescribeOrganization: { Organization: { MasterAccountId: ADMIN } },
    };
    const off = await lines(stackSet({}), ADMIN);
    expect(off[0]).toMatch(/^error StackSets trusted access: off: .*aws cloudformation activate-organizations-access/);

    answers.ListAWSServiceAccessForOrganization = { EnabledServicePrincipals: [{ ServicePrincipal: STACKSETS_PRINCIPAL }] };
    expect(await lines(stackSet({}), ADMIN)).toEqual([
      'ok StackSets trusted access: on',
      `ok StackSets caller: the management account (${ADMIN}) deploys with callAs SELF`,
    ]);
  });

  it('callAs DELEGATED_ADMIN needs this account registered as a StackSets delegated administrator', async () => {
    answers = { ListAWSServiceAccessForOrganization: { EnabledServicePrincipals: [{ ServicePrincipal: STACKSETS_PRINCIPAL }] } };
    answers.ListDelegatedAdministrators = { DelegatedAdministrators: [] };
    const none = await lines(stackSet({ callAs: 'DELEGATED_ADMIN' }), ADMIN);
    expect(none[1]).toBe(
      `error StackSets delegated administrator: none registered, but stackSet.callAs is DELEGATED_ADMIN; in the management account run \`aws organizations register-delegated-administrator --service-principal ${STACKSETS_PRINCIPAL} --account-id ${ADMIN}\``,
    );

    answers.ListDelegatedAdministrators = { DelegatedAdministrators: [{ Id: '555566667777' }] };
    expect((await lines(stackSet({ callAs: 'DELEGATED_ADMIN' }), ADMIN))[1]).toMatch(/^error .*this account \(222233334444\) is not one/);

    answers.ListDelegatedAdministrators = { DelegatedAdministrators: [{ Id: ADMIN }] };
    expect((await lines(stackSet({ callAs: 'DELEGATED_ADMIN' }), ADMIN))[1]).toBe(
      `ok StackSets delegated administrator: this account (${ADMIN}) is one`,
    );
    const asked = standIn.calls.filter((c) => c.operation === 'ListDelegatedAdministrators').at(-1);
    expect(asked?.body).toEqual({ ServicePrincipal: STACKSETS_PRINCIPAL });
  });

  it('callAs SELF with SERVICE_MANAGED works only from the management account', async () => {
    answers = {
      ListAWSServiceAccessForOrganization: { EnabledServicePrincipals: [{ ServicePrincipal: STACKSETS_PRINCIPAL }] },
      DescribeOrganization: { Organization: { MasterAccountId: ADMIN } },
    };
    expect((await lines(stackSet({}), '999988887777'))[1]).toMatch(/^error StackSets caller: .*set stackSet.callAs to DELEGATED_ADMIN$/);
  });

  it('says plainly when the account is in no organization', async () => {
    answers = { ListAWSServiceAccessForOrganization: { error: 'AWSOrganizationsNotInUseException', message: 'not in use' } };
    expect((await lines(stackSet({})))[0]).toMatch(/^error StackSets trusted access: this account is not in an organization/);
  });

  it('the home-Region stack needs Security Hub enabled for its custom action, unless it creates none', async () => {
    const home = parseDeployConfig({ notifiers });
    answers = {
      'GET /accounts': { error: 'InvalidAccessException', message: 'Account is not subscribed to AWS Security Hub', status: 401 },
    };
    expect(await lines(home)).toEqual([
      expect.stringMatching(/^error Security Hub: not enabled .*set notifiers\[0\]\.customAction\.create to false$/),
    ]);

    answers = { 'GET /accounts': { HubArn: `arn:aws:securityhub:${LOCAL_REGION}:${ADMIN}:hub/default` } };
    expect(await lines(home)).toEqual([`ok Security Hub: enabled (arn:aws:securityhub:${LOCAL_REGION}:${ADMIN}:hub/default)`]);
    expect(await lines(parseDeployConfig({ notifiers: [{ ...notifiers[0], customAction: { create: false } }] }))).toEqual([]);
  });
});

describe('configArgument', () => {
  it.each([
    [['-c', 'config=infra/x.json'], 'infra/x.json'],
    [['--context', 'config=a.json', '--require-approval', 'never'], 'a.json'],
    [['--context=config=b.json'], 'b.json'],
    [['-c', 'other=1'], undefined],
  ])('finds the deployment configuration in %j', (args, path) => {
    expect(configArgument(args)).toBe(path);
  });
});

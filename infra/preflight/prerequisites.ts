/**
 * What a deployment needs from the account before CloudFormation starts, checked with the caller's
 * credentials so a first deploy fails here, in one line each, rather than halfway through a stack:
 * - the home-Region stack creates a Security Hub custom action: Security Hub must be enabled;
 * - a SERVICE_MANAGED StackSet needs trusted access between StackSets and AWS Organizations
 *   ("Activate trusted access for stack sets with AWS Organizations",
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-activate-trusted-access.html);
 * - `callAs: DELEGATED_ADMIN` needs this account registered as a StackSets delegated administrator
 *   ("Register a delegated administrator", https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-delegated-admin.html);
 * - `callAs: SELF` with SERVICE_MANAGED works only from the management account.
 */
import {
  DescribeOrganizationCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { DescribeHubCommand, type SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { DeployConfig } from '../lib/deploy-config.js';

/** The service principal of CloudFormation StackSets in AWS Organizations. */
export const STACKSETS_PRINCIPAL = 'member.org.stacksets.cloudformation.amazonaws.com';

/** One prerequisite: met or not, said in one line. */
export interface Check {
  readonly ok: boolean;
  readonly what: string;
  readonly detail: string;
}

export interface PreflightClients {
  readonly organizations: Pick<OrganizationsClient, 'send'>;
  readonly securityHub: Pick<SecurityHubClient, 'send'>;
  /** The caller's account id, when the credentials tell it. */
  readonly account?: string | undefined;
}

/**
 * Checks every prerequisite the configuration needs.
 *
 * @example
 * const checks = await checkPrerequisites(deploy, { organizations: new OrganizationsClient({}), securityHub: new SecurityHubClient({}) });
 * // [{ ok: false, what: 'StackSets trusted access', detail: 'off: ...' }]
 */
export async function checkPrerequisites(deploy: DeployConfig, clients: PreflightClients): Promise<Check[]> {
  if (!deploy.stackSet) {
    const creating = deploy.notifiers.findIndex((n) => n.customAction.create && n.notifier.detailTypes.includes('customAction'));
    return creating < 0 ? [] : [await securityHubEnabled(clients.securityHub, creating)];
  }
  const checks: Check[] = [];
  if (deploy.stackSet.permissionModel === 'SERVICE_MANAGED') checks.push(await trustedAccess(clients.organizations));
  if (deploy.stackSet.callAs === 'DELEGATED_ADMIN') checks.push(await delegatedAdmin(clients.organizations, clients.account));
  else if (deploy.stackSet.permissionModel === 'SERVICE_MANAGED')
    checks.push(await managementAccount(clients.organizations, clients.account));
  return checks;
}

async function securityHubEnabled(client: PreflightClients['securityHub'], notifier: number): Promise<Check> {
  const what = 'Security Hub';
  try {
    const hub = await client.send(new DescribeHubCommand({}));
    return { ok: true, what, detail: `enabled (${hub.HubArn ?? 'hub'})` };
  } catch (error) {
    const detail = `not enabled in this account and Region (${describe(error)}); enable it first (the stack creates its "Send by email" custom action there), or set notifiers[${notifier}].customAction.create to false`;
    return { ok: false, what, detail };
  }
}

async function trustedAccess(client: PreflightClients['organizations']): Promise<Check> {
  const what = 'StackSets trusted access';
  try {
    const principals: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListAWSServiceAccessForOrganizationCommand(token ? { NextToken: token } : {}));
      principals.push(...(page.EnabledServicePrincipals ?? []).flatMap((p) => (p.ServicePrincipal ? [p.ServicePrincipal] : [])));
      token = page.NextToken;
    } while (token);
    if (principals.includes(STACKSETS_PRINCIPAL)) return { ok: true, what, detail: 'on' };
    return {
      ok: false,
      what,
      detail:
        'off: SERVICE_MANAGED StackSets need it; in the management account run `aws cloudformation activate-organizations-access` (or CloudFormation console > StackSets > Activate trusted access)',
    };
  } catch (error) {
    return { ok: false, what, detail: organizationsProblem(error, 'cannot read the services trusted by the organization') };
  }
}

async function delegatedAdmin(client: PreflightClients['organizations'], account: string | undefined): Promise<Check> {
  const what = 'StackSets delegated administrator';
  const register = `in the management account run \`aws organizations register-delegated-administrator --service-principal ${STACKSETS_PRINCIPAL} --account-id ${account ?? 'THIS_ACCOUNT'}\``;
  try {
    const { DelegatedAdministrators = [] } = await client.send(
      new ListDelegatedAdministratorsCommand({ ServicePrincipal: STACKSETS_PRINCIPAL }),
    );
    const ids = DelegatedAdministrators.flatMap((admin) => (admin.Id ? [admin.Id] : []));
    if (ids.length === 0) return { ok: false, what, detail: `none registered, but stackSet.callAs is DELEGATED_ADMIN; ${register}` };
    if (account === undefined) return { ok: true, what, detail: `registered: ${ids.join(', ')} (deploy from one of them)` };
    if (ids.includes(account)) return { ok: true, what, detail: `this account (${account}) is one` };
    return { ok: false, what, detail: `this account (${account}) is not one (${ids.join(', ')} are); ${register}` };
  } catch (error) {
    return { ok: false, what, detail: organizationsProblem(error, 'cannot list the delegated administrators') };
  }
}

async function managementAccount(client: PreflightClients['organizations'], account: string | undefined): Promise<Check> {
  const what = 'StackSets caller';
  try {
    const { Organization } = await client.send(new DescribeOrganizationCommand({}));
    const management = Organization?.MasterAccountId;
    if (account === undefined || management === undefined || account === management) {
      return { ok: true, what, detail: `the management account${management ? ` (${management})` : ''} deploys with callAs SELF` };
    }
    return {
      ok: false,
      what,
      detail: `callAs SELF deploys a SERVICE_MANAGED StackSet only from the management account (${management}), not ${account}; from a delegated administrator set stackSet.callAs to DELEGATED_ADMIN`,
    };
  } catch (error) {
    return { ok: false, what, detail: organizationsProblem(error, 'cannot read the organization') };
  }
}

/** An Organizations error as the thing to do about it. */
function organizationsProblem(error: unknown, doing: string): string {
  const name = (error as { name?: string }).name;
  if (name === 'AWSOrganizationsNotInUseException') {
    return 'this account is not in an organization: SERVICE_MANAGED StackSets need AWS Organizations (or use permissionModel SELF_MANAGED with accounts)';
  }
  if (name === 'AccessDeniedException')
    return `${doing} (access denied): deploy from the management account or a StackSets delegated administrator`;
  return `${doing}: ${describe(error)}`;
}

function describe(error: unknown): string {
  const { name, message } = error as { name?: string; message?: string };
  return [name, message].filter(Boolean).join(': ') || String(error);
}

/**
 * `npm run preflight [-- -c config=FILE]`: checks the prerequisites of a deployment with the current
 * AWS credentials and Region (`npm run deploy` runs it first). One line per check; exit 1 when one fails.
 */
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { ConfigError } from '../../functions/core/errors.js';
import { loadDeployConfig } from '../lib/load-deploy-config.js';
import { checkPrerequisites } from './prerequisites.js';

export const PREFLIGHT_USAGE = `usage: npm run preflight [-- -c config=FILE]

Checks, with the current AWS credentials and Region, what the deployment configuration needs before
CloudFormation starts: Security Hub enabled (the stack creates a custom action), and for a StackSet,
trusted access with AWS Organizations and the StackSets delegated administrator. Prints one line
per check and exits 1 when one fails. npm run deploy runs it first.`;

/** The `-c config=FILE` / `--context config=FILE` among CDK arguments. */
export function configArgument(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = arg === '-c' || arg === '--context' ? args[i + 1] : /^--context=(.*)$/.exec(arg)?.[1];
    const path = value === undefined ? undefined : /^config=(.+)$/.exec(value)?.[1];
    if (path) return path;
  }
  return undefined;
}

/**
 * Runs the checks, writing one line each to `write`; true when every one passed.
 *
 * @example if (!(await preflight(process.argv.slice(2), console.log))) process.exit(1);
 */
export async function preflight(args: readonly string[], write: (line: string) => void): Promise<boolean> {
  let deploy: ReturnType<typeof loadDeployConfig>;
  try {
    deploy = loadDeployConfig(configArgument(args));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    write(`error ${error.message}`);
    return false;
  }
  const organizations = new OrganizationsClient({ maxAttempts: 2 });
  const securityHub = new SecurityHubClient({ maxAttempts: 2 });
  const account = await organizations.config
    .credentials()
    .then((credentials) => (credentials as { accountId?: string }).accountId)
    .catch(() => undefined);
  const checks = await checkPrerequisites(deploy, { organizations, securityHub, account });
  for (const check of checks) write(`${check.ok ? 'ok   ' : 'error'} ${check.what}: ${check.detail}`);
  return checks.every((check) => check.ok);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(PREFLIGHT_USAGE);
  } else {
    process.exitCode = (await preflight(args, (line) => console.log(line))) ? 0 : 1;
  }
}

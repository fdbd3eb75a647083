/** AWS limits the synthesized stack must stay within, with configurations as large as real organisations use. */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { parseDeployConfig } from '../../infra/lib/deploy-config.js';
import { shippedConfig } from './support/function-config.js';
import { sesDeploy, synthNotifier } from './support/synth.js';

/** Lambda: 4 KB for all environment variables of a function ("Lambda quotas", https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html). */
const ENVIRONMENT_LIMIT = 4 * 1024;
/** What a deploy-time token (a table name, a topic ARN) can resolve to, at most: 256 characters is more than either. */
const TOKEN_STAND_IN = 256;

/** The size of a function's environment as Lambda counts it (names and values), tokens at their largest. */
function environmentSize(variables: Record<string, unknown>): number {
  return Object.entries(variables).reduce(
    (sum, [name, value]) => sum + name.length + (typeof value === 'string' ? value.length : TOKEN_STAND_IN),
    0,
  );
}

const routes = Array.from({ length: 60 }, (_, i) => ({
  name: `team-${i}`,
  match: { accounts: [`${200000000000 + i}`], minSeverity: 'HIGH' },
  ses: { to: [`oncall-${i}@example.com`, `lead-${i}@example.com`, `security-${i}@example.com`] },
}));

describe('a notifier with 60 routes of 3 recipients each', () => {
  const deploy = parseDeployConfig({
    notifiers: [
      {
        id: 'Mail',
        notifier: { transport: 'ses', ses: { from: 'alerts@example.com', to: ['secops@example.com'] }, policy: { routes } },
        ses: { sandbox: true },
      },
      { id: 'Topic', notifier: { transport: 'sns', policy: { routes: routes.map(({ ses: _, ...route }) => route) } } },
    ],
  });
  const { outdir, template } = synthNotifier(deploy);
  const functions = Object.values(template.findResources('AWS::Lambda::Function'));

  it('keeps every function environment under the 4 KB Lambda allows', () => {
    expect(functions).toHaveLength(2);
    for (const fn of functions) expect(environmentSize(fn.Properties.Environment.Variables)).toBeLessThan(ENVIRONMENT_LIMIT);
  });

  it('ships all 60 routes with the code instead', () => {
    const shipped = functions.map((fn) => shippedConfig(fn, outdir));
    expect(shipped.map((config) => (config.policy as { routes: unknown[] }).routes.length)).toEqual([60, 60]);
    expect(JSON.stringify(shipped[0]).length, 'more than the environment could hold').toBeGreaterThan(ENVIRONMENT_LIMIT);
  });
});

describe('a notifier filtering 140 accounts', () => {
  const accountIds = Array.from({ length: 140 }, (_, i) => String(100000000000 + i));
  const { stack, template } = synthNotifier(sesDeploy({ filters: { accountIds, severities: ['HIGH', 'CRITICAL'] } }));

  it("keeps every synthesized pattern within EventBridge's 2,048 characters", () => {
    const patterns = Object.values(template.findResources('AWS::Events::Rule')).map((rule) => JSON.stringify(rule.Properties.EventPattern));
    expect(patterns).toHaveLength(4);
    for (const pattern of patterns) expect(pattern.length).toBeLessThanOrEqual(2048);
  });

  it('says in one synth line per rule that the account filter is left to the function', () => {
    const infos = Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('filters.accountIds left to the function'));
    expect(infos.map((info) => info.id).sort()).toEqual(['/Notifier/Mail/AsffRule', '/Notifier/Mail/OcsfRule']);
    for (const info of infos) expect(String(info.entry.data)).not.toContain('\n');
  });
});

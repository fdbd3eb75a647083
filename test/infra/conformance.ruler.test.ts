/**
 * The synthesized rules let through every event the function would mail, checked with AWS's own
 * matcher (event-ruler): every EventBridge event in fixtures/ (bare findings wrapped as Security Hub
 * sends them) and our edge cases, through the rules of several configurations. The function may
 * filter more than the rules, never less. One JVM call for the whole file.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DeployConfig, parseDeployConfig } from '../../infra/lib/deploy-config.js';
import { loadDeployConfig } from '../../infra/lib/load-deploy-config.js';
import { eventRulerMissing, matchEvents } from '../support/event-ruler.js';
import { listFixtures, REPO_ROOT } from '../support/fixtures.js';
import { ACCOUNT, type DeployedNotifier, deployNotifier, eventsOf, REGION, wouldMail } from './support/rule-conformance.js';

const read = (name: string) => JSON.parse(readFileSync(`${REPO_ROOT}/${name}`, 'utf8'));
const clone = <T>(value: T): T => structuredClone(value);

function oneNotifier(notifier: Record<string, unknown>, extra: Record<string, unknown> = {}): DeployConfig {
  return parseDeployConfig({
    notifiers: [
      { id: 'Mail', notifier: { transport: 'ses', ses: { from: 'a@example.com', to: ['b@example.com'] }, ...notifier }, ...extra },
    ],
  });
}

const fixtureAccounts = ['111122223333', '123456789012', '111111111111', '644160558196', '519413311747', '012345678912'];
const configs: Record<string, DeployConfig> = {
  plain: loadDeployConfig(),
  resolution: oneNotifier({ filters: { severities: ['HIGH', 'CRITICAL'] }, policy: { dedup: { notifyOnResolution: true } } }),
  narrow: parseDeployConfig({
    notifiers: [
      {
        id: 'Topic',
        notifier: {
          transport: 'sns',
          filters: {
            severities: ['HIGH', 'CRITICAL'],
            workflowStatuses: ['NEW'],
            complianceStatuses: ['FAILED'],
            productNames: ['Security Hub', 'GuardDuty', 'Inspector'],
          },
        },
      },
    ],
  }),
  accounts140: oneNotifier({
    filters: { accountIds: [...fixtureAccounts, ...Array.from({ length: 134 }, (_, i) => String(300000000000 + i))] },
  }),
  everything: oneNotifier({
    filters: {
      recordStates: ['ACTIVE', 'ARCHIVED'],
      workflowStatuses: ['NEW', 'NOTIFIED', 'SUPPRESSED', 'RESOLVED'],
      complianceStatuses: ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'],
      customActionArns: [`arn:aws:securityhub:${REGION}:${ACCOUNT}:action/custom/Ticket`],
    },
    policy: { dedup: { enabled: false } },
  }),
};

// Our own edge cases, built from real events.
const seed = read('fixtures/seed/cis-3.4-imported-event.json');
const ocsf = read('fixtures/ocsf/findings-imported-v2-detection-event.json');
const action = read('fixtures/real/securityhub-fsbp-custom-action-iam6-rds4-event.json');
const asffFinding = (event: Record<string, unknown>) =>
  (event.detail as { findings: Record<string, unknown>[] }).findings[0] as Record<string, unknown>;

function edit<T extends Record<string, unknown>>(event: T, change: (finding: Record<string, unknown>, event: T) => void): T {
  const copy = clone(event);
  change(asffFinding(copy), copy);
  return copy;
}

/** The OCSF event with these fields of its finding changed. */
function ocsfWith(fields: Record<string, unknown>): Record<string, unknown> {
  return edit(ocsf, (f) => Object.assign(f, fields));
}

const edges = {
  seedFailed: seed,
  resolved: edit(seed, (f) => {
    f.Compliance = { Status: 'PASSED' };
    f.Workflow = { Status: 'RESOLVED' };
  }),
  archived: edit(seed, (f) => {
    f.RecordState = 'ARCHIVED';
  }),
  noWorkflow: edit(seed, (f) => {
    delete f.Workflow;
    delete f.WorkflowState;
  }),
  noRecordStateNoLabel: edit(seed, (f) => {
    delete f.RecordState;
    f.Severity = { Normalized: 75 };
  }),
  ocsfUnknownStatus: ocsfWith({ status_id: 0, status: 'Unknown' }),
  ocsfOtherStatus: ocsfWith({ status_id: 99, status: 'Other' }),
  ocsfOtherSeverity: ocsfWith({ severity_id: 99, severity: 'High' }),
  ocsfResolved: ocsfWith({ status_id: 4, status: 'Resolved' }),
  legacyDeferred: edit(seed, (f) => {
    delete f.Workflow;
    f.WorkflowState = 'DEFERRED';
  }),
  foreignAction: edit(action, (_f, e) => {
    e.resources = [`arn:aws:securityhub:${REGION}:${ACCOUNT}:action/custom/Remediate`];
  }),
  ownAction: action as Record<string, unknown>,
} satisfies Record<string, Record<string, unknown>>;
type Edge = keyof typeof edges;

const fixtureEvents = listFixtures().flatMap((fixture) =>
  eventsOf(JSON.parse(readFileSync(fixture.file, 'utf8')), fixture.name).map((event, i) => ({ name: `${fixture.name}#${i}`, event })),
);

interface Case {
  readonly config: string;
  readonly name: string;
  readonly event: unknown;
}

describe('the synthesized rules, through AWS event-ruler', () => {
  const deployed: Record<string, DeployedNotifier> = {};
  const cases: Case[] = [];
  let matches: string[][] = [];

  beforeAll(() => {
    const missing = eventRulerMissing();
    if (missing) throw new Error(`event-ruler cannot run: ${missing}`);
    const rules: Record<string, unknown> = {};
    for (const [config, deploy] of Object.entries(configs)) {
      const notifier = deployNotifier(deploy);
      deployed[config] = notifier;
      for (const [id, pattern] of Object.entries(notifier.rules)) rules[`${config}/${id}`] = pattern;
      // The stack's own action in this deployment's account and Region.
      const own = edit(edges.ownAction, (_f, e) => {
        e.resources = [notifier.actionArn];
      });
      const all = [
        ...fixtureEvents,
        ...Object.entries({ ...edges, ownAction: own }).map(([name, event]) => ({ name: `edge:${name}`, event })),
      ];
      for (const { name, event } of all) cases.push({ config, name, event });
    }
    matches = matchEvents(
      rules,
      cases.map((c) => c.event),
    );
  });

  const matched = (config: string, name: string) => {
    const index = cases.findIndex((c) => c.config === config && c.name === name);
    if (index < 0) throw new Error(`no case ${config} ${name}`);
    return (matches[index] ?? []).some((rule) => rule.startsWith(`${config}/`));
  };
  const edgeMatched = (config: string, edge: Edge) => matched(config, `edge:${edge}`);
  const mails = (config: string, edge: Edge) => {
    const found = cases.find((c) => c.config === config && c.name === `edge:${edge}`);
    return wouldMail(deployed[config]?.config as never, found?.event);
  };

  it('lets through every event the function would mail, for every configuration (the function may filter more, never less)', () => {
    const dropped: string[] = [];
    let mailed = 0;
    cases.forEach((c, i) => {
      if (!wouldMail(deployed[c.config]?.config as never, c.event)) return;
      mailed += 1;
      if (!(matches[i] ?? []).some((rule) => rule.startsWith(`${c.config}/`))) dropped.push(`${c.config}: ${c.name}`);
    });

    expect(dropped).toEqual([]);
    expect(mailed, 'the fixtures give the check something to hold').toBeGreaterThan(5 * 40);
  });

  it("matches the seed's FAILED finding, and no real active fixture finding is dropped with the example configuration", () => {
    expect(edgeMatched('plain', 'seedFailed')).toBe(true);
    const active = fixtureEvents.filter(({ event }) => wouldMail(deployed.plain?.config as never, event));
    expect(active.length).toBeGreaterThan(20);
    for (const { name } of active) expect(matched('plain', name), name).toBe(true);
  });

  it('matches OCSF findings whose status is Unknown (0) or Other (99), and a severity the caption names', () => {
    for (const edge of ['ocsfUnknownStatus', 'ocsfOtherStatus', 'ocsfOtherSeverity'] as const) {
      expect(mails('plain', edge), edge).toBe(true);
      expect(edgeMatched('plain', edge), edge).toBe(true);
    }
  });

  it("matches the stack's own custom action and not another tool's, and the function agrees", () => {
    for (const config of Object.keys(configs)) {
      expect(edgeMatched(config, 'ownAction'), config).toBe(true);
      expect(edgeMatched(config, 'foreignAction'), config).toBe(false);
      expect(mails(config, 'foreignAction'), config).toBe(false);
    }
  });

  it('with notifyOnResolution, matches a resolved finding (ASFF, OCSF, legacy DEFERRED); without it, drops it', () => {
    for (const edge of ['resolved', 'ocsfResolved', 'legacyDeferred', 'archived'] as const) {
      expect(mails('resolution', edge), edge).toBe(true);
      expect(edgeMatched('resolution', edge), edge).toBe(true);
    }
    // Without resolution mails the rule drops them (a 2019 WorkflowState is left to the function).
    for (const edge of ['resolved', 'ocsfResolved', 'archived'] as const) {
      expect(mails('plain', edge), edge).toBe(false);
      expect(edgeMatched('plain', edge), edge).toBe(false);
    }
  });

  it('matches findings without a workflow, without a record state or without a severity label', () => {
    for (const edge of ['noWorkflow', 'noRecordStateNoLabel'] as const) {
      expect(mails('plain', edge), edge).toBe(true);
      expect(edgeMatched('plain', edge), edge).toBe(true);
    }
  });

  it('folds 140 account ids into the function, which still drops other accounts', () => {
    expect(deployed.accounts140?.config.filters.accountIds).toHaveLength(140);
    expect(JSON.stringify(deployed.accounts140?.rules)).not.toContain('300000000000');
    const foreign = edit(seed, (f) => {
      f.AwsAccountId = '999999999999';
    });
    expect(wouldMail(deployed.accounts140?.config as never, foreign)).toBe(false);
  });
});

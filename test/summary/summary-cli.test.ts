/** `npm run summary`, as a user runs it: one summary per route into the outbox, read back as a person reads it. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../replay/run-replay.js';
import { summaryExport } from '../support/summary-export.js';

const ACCOUNTS = 'test/fixtures/accounts/accounts.json';
const GMAIL_CLIP_BYTES = 102 * 1024;

function runSummary(args: readonly string[]) {
  return runCli('functions/summary/cli.ts', args);
}

describe('npm run summary', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'summary-cli-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('300 findings in 3 accounts: exactly one summary, whose text and HTML show totals, severities, accounts and the top control', async () => {
    // Prepare
    const input = join(work, 'export.json');
    await writeFile(input, JSON.stringify(summaryExport({ count: 300 })));
    const out = join(work, 'out');

    // Act
    const run = await runSummary(['--accounts', ACCOUNTS, '--now', '2026-03-31T08:00:00Z', '--out', out, input]);

    // Assess
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toHaveLength(1);
    expect(run.stdout[0]).toMatch(
      /^summary default -> .*001-summary-default\.\{html,txt,eml,sns\.json\}: \[Summary\] default: 300 open, 30 critical, 60 high/,
    );
    const files = (await readdir(out)).sort();
    expect(files.filter((f) => /\.(html|txt|eml)$/.test(f))).toEqual([
      '001-summary-default.eml',
      '001-summary-default.html',
      '001-summary-default.txt',
    ]);

    const text = await readFile(join(out, '001-summary-default.txt'), 'utf8');
    expect(text).toContain('300 open findings');
    expect(text).toMatch(/^Total: 300$/m);
    for (const [severity, count] of [
      ['CRITICAL', 30],
      ['HIGH', 60],
      ['MEDIUM', 90],
      ['LOW', 90],
      ['INFORMATIONAL', 30],
    ]) {
      expect(text).toMatch(new RegExp(`^${severity}: ${count}$`, 'm'));
    }
    for (const name of ['payments-prod (111122223333)', 'data-lake-dev (444455556666)', 'sandbox (777788889999)'])
      expect(text).toContain(name);
    expect(text).toMatch(/^S3\.1: 150 /m);

    const html = await readFile(join(out, '001-summary-default.html'), 'utf8');
    expect(Buffer.byteLength(html)).toBeLessThan(GMAIL_CLIP_BYTES);
    const $ = cheerio.load(html);
    expect($('td.open-total').text().trim()).toBe('300');
    const severityRows = $('td.severity-count')
      .map((_, cell) => `${$(cell).prev().text().trim()} ${$(cell).text().trim()}`)
      .get();
    expect(severityRows).toEqual(['CRITICAL 30', 'HIGH 60', 'MEDIUM 90', 'LOW 90', 'INFORMATIONAL 30']);
    expect(
      $('td.account')
        .map((_, cell) => $(cell).text())
        .get()
        .sort(),
    ).toEqual(['data-lake-dev (444455556666)', 'payments-prod (111122223333)', 'sandbox (777788889999)']);
    const top = $('td.control').first();
    expect(top.find('.mono').text()).toBe('S3.1');
    expect(top.next().text().trim()).toBe('150');
    // Never every finding: the five oldest serious ones link to the console, then one link for all.
    const links = $('a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links.filter((href) => href.includes('#/findings?search=Id'))).toHaveLength(5);
    expect(links.filter((href) => href.endsWith('#/findings'))).toHaveLength(1);
    const eml = await readFile(join(out, '001-summary-default.eml'), 'utf8');
    expect(eml).toMatch(/^X-SecurityHub-Summary: default\r?$/im);
  });

  it('one summary per route, in the route language; a bad input is an error line and the summary says so', async () => {
    // Prepare
    const input = join(work, 'routes');
    await rm(input, { recursive: true, force: true });
    await mkdir(input, { recursive: true });
    await writeFile(join(input, 'export.json'), JSON.stringify(summaryExport({ count: 30, resolvedEvery: 5 })));
    await writeFile(join(input, 'broken.json'), '{"Findings": [');
    const config = join(work, 'routes.config.json');
    await writeFile(
      config,
      JSON.stringify({
        policy: {
          routes: [
            { name: 'payments', match: { accountTags: { team: 'payments' } }, locale: 'ja' },
            { name: 'data', match: { accountTags: { team: 'data' } } },
          ],
        },
      }),
    );
    const out = join(work, 'out-routes');

    // Act
    const run = await runSummary(['--config', config, '--accounts', ACCOUNTS, '--now', '2026-03-31T08:00:00Z', '--out', out, input]);

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([expect.stringMatching(/^error .*broken\.json: not valid JSON/)]);
    expect(run.stdout.map((line) => line.split(' ')[1])).toEqual(['payments', 'data', 'default']);
    const texts = await Promise.all(
      ['001-summary-payments', '002-summary-data', '003-summary-default'].map((stem) => readFile(join(out, `${stem}.txt`), 'utf8')),
    );
    const [payments, data, rest] = texts;
    expect(payments).toContain('未解決 8 件');
    expect(payments).toContain('payments-prod (111122223333)');
    expect(payments).not.toContain('data-lake-dev');
    expect(data).toContain('data-lake-dev (444455556666)');
    expect(rest).toContain('sandbox (777788889999)');
    // 10 findings per account, every fifth resolved on 2026-03-30: 2 resolved per account.
    expect(data).toMatch(/^Resolved: 2$/m);
    expect(data).toContain('1 input problem(s)');
  });

  it("--state DIR: the second run counts new and resolved against the first, and mailed from replay's state", async () => {
    // Prepare: 30 open findings; before the second run 4 leave, 2 are resolved, 3 new ones appear,
    // and replay (same --state folder) mails the 3 new ones.
    const all = summaryExport({ count: 33 }).Findings;
    const state = join(work, 'state');
    const first = join(work, 'first.json');
    await writeFile(first, JSON.stringify({ Findings: all.slice(0, 30) }));
    const resolved = all.slice(4, 6).map((f) => ({ ...f, Workflow: { Status: 'RESOLVED' }, UpdatedAt: '2026-04-06T00:00:00.000Z' }));
    const second = join(work, 'second.json');
    await writeFile(second, JSON.stringify({ Findings: [...resolved, ...all.slice(6)] }));
    const added = join(work, 'added.json');
    await writeFile(added, JSON.stringify({ Findings: all.slice(30) }));

    // Act
    const run1 = await runSummary(['--state', state, '--now', '2026-03-31T08:00:00Z', '--out', join(work, 'out-1'), first]);
    const replay = await runCli('functions/replay/cli.ts', [
      '--state',
      state,
      '--now',
      '2026-04-03T00:00:00Z',
      '--out',
      join(work, 'out-r'),
      added,
    ]);
    const run2 = await runSummary(['--state', state, '--now', '2026-04-07T08:00:00Z', '--out', join(work, 'out-2'), second]);

    // Assess
    expect([run1.code, replay.code, run2.code]).toEqual([0, 0, 0]);
    expect(replay.stdout.filter((line) => line.startsWith('email '))).toHaveLength(3);
    const text1 = await readFile(join(work, 'out-1', '001-summary-default.txt'), 'utf8');
    expect(text1).toContain("(First summary (no record of the last one): new and resolved are counted from Security Hub's timestamps.)");
    const text2 = await readFile(join(work, 'out-2', '001-summary-default.txt'), 'utf8');
    expect(text2).toMatch(/^New: 3$/m);
    expect(text2).toMatch(/^Resolved: 6$/m);
    expect(text2).toMatch(/^Mailed by the notifier: 3$/m);
    expect(text2).toMatch(/^Total: 27$/m);
    expect(text2).not.toContain('counted from Security Hub');
    const $ = cheerio.load(await readFile(join(work, 'out-2', '001-summary-default.html'), 'utf8'));
    expect([$('.new-count').text(), $('.resolved-count').text(), $('.mailed-count').text(), $('.changes-note').length]).toEqual([
      '3',
      '6',
      '3',
      0,
    ]);
    const record = JSON.parse(await readFile(join(state, 'summaries.json'), 'utf8'));
    expect(record.default).toMatchObject({ at: '2026-04-07T08:00:00.000Z', open: 27 });
    expect(record.default.keys).toHaveLength(27);
  });

  it("an owner route: the route summary plus one per owner, each owner's with only their accounts; an account without owner is a note", async () => {
    // Prepare
    const input = join(work, 'owners.json');
    await writeFile(input, JSON.stringify(summaryExport({ count: 30 })));
    const config = join(work, 'owners.config.json');
    await writeFile(
      config,
      JSON.stringify({ policy: { routes: [{ name: 'owners', match: {}, owner: {}, ses: { to: ['platform@example.com'] } }] } }),
    );
    const out = join(work, 'out-owners');

    // Act
    const run = await runSummary(['--config', config, '--accounts', ACCOUNTS, '--now', '2026-03-31T08:00:00Z', '--out', out, input]);

    // Assess
    expect(run.code).toBe(0);
    expect(run.stderr).toEqual([
      'note owners: account 777788889999: no SECURITY alternate contact; the account is in the route summary only',
    ]);
    expect(run.stdout.map((line) => line.split(' -> ')[0])).toEqual([
      'summary owners',
      'summary owners owner data-sec@example.com',
      'summary owners owner payments-sec@example.com',
    ]);
    const stems = (await readdir(out)).filter((f) => f.endsWith('.txt')).sort();
    expect(stems).toEqual([
      '001-summary-owners.txt',
      '002-summary-owners-data-sec-example-com.txt',
      '003-summary-owners-payments-sec-example-com.txt',
    ]);
    const [whole, data, payments] = await Promise.all(stems.map((f) => readFile(join(out, f), 'utf8')));
    for (const name of ['payments-prod (111122223333)', 'data-lake-dev (444455556666)', 'sandbox (777788889999)'])
      expect(whole).toContain(name);
    expect(data).toContain('data-lake-dev (444455556666)');
    expect(data).not.toContain('payments-prod');
    expect(data).not.toContain('sandbox');
    expect(payments).toContain('payments-prod (111122223333)');
    expect(payments).not.toContain('data-lake-dev');
    expect(payments).toMatch(/^Account owner: payments-sec@example\.com \(only this owner's accounts\)$/m);
    const eml = await readFile(join(out, '003-summary-owners-payments-sec-example-com.eml'), 'utf8');
    expect(eml).toMatch(/^To: payments-sec@example\.com\r?$/m);
  });
});

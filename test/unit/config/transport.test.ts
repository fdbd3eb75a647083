import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type NotifierConfig, parseConfig, sendingConfig } from '../../../functions/core/config.js';
import { ConfigError } from '../../../functions/core/errors.js';
import { REPO_ROOT } from '../../support/fixtures.js';
import { thrown } from '../../support/thrown.js';

const SES = { from: 'alerts@example.com', to: ['soc@example.com'] };
const TOPIC = { topicArn: 'arn:aws:sns:us-east-1:111122223333:alerts' };

/** Where a person reads the sender or topic: only reachable when the type says the section is there. */
function destination(config: NotifierConfig): string {
  if (config.transport === 'ses') return config.ses.from;
  if (config.transport === 'sns') return config.sns.topicArn;
  return config.outDir;
}

describe('config.transport: the transport decides which section is required', () => {
  it('is "file" when absent, with neither section', () => {
    const config = parseConfig({});

    expect(config.transport).toBe('file');
    expect(destination(config)).toBe('outbox');
  });

  it('narrows to the section of the transport it names', () => {
    expect(destination(parseConfig({ transport: 'ses', ses: SES }))).toBe('alerts@example.com');
    expect(destination(parseConfig({ transport: 'sns', sns: TOPIC }))).toBe(TOPIC.topicArn);
  });

  it('accepts the other section, unused, so one file serves every transport', () => {
    const config = parseConfig({ transport: 'sns', sns: TOPIC, ses: SES });

    expect(config).toMatchObject({ transport: 'sns', ses: { from: SES.from, cc: [], replyTo: [] } });
  });

  it.each([
    [{ transport: 'ses' }, 'config.ses', 'required when transport is "ses"'],
    [{ transport: 'sns' }, 'config.sns', 'required when transport is "sns"'],
    [{ transport: 'ses', sns: TOPIC }, 'config.ses', 'required when transport is "ses"'],
    [{ transport: 'ses', ses: { from: SES.from, to: [] } }, 'config.ses.to', 'at least one recipient is required'],
    [{ transport: 'ses', ses: { from: 'not an address', to: [] } }, 'config.ses.from', 'not a valid email'],
    [{ transport: 'ses', ses: 'alerts@example.com' }, 'config.ses', 'expected object, got string'],
    [{ transport: 'sns', sns: {} }, 'config.sns.topicArn', 'expected string, got undefined'],
    [{ transport: 'smtp' }, 'config.transport', 'expected one of "ses", "sns", "file", got "smtp"'],
    [{ transport: 'file', ses: { from: SES.from } }, 'config.ses.to', 'expected array, got undefined'],
    [{ transport: 'file', topicArn: TOPIC.topicArn }, 'config', 'unknown key "topicArn"'],
  ])('refuses %j, naming %s', (raw, setting, reason) => {
    const error = thrown(ConfigError, () => parseConfig(raw));

    expect({ setting: error.setting, message: error.message }).toEqual({ setting, message: `${setting}: ${reason}` });
  });

  it('gives a recipient on copy the same standing as one in `to`', () => {
    expect(parseConfig({ transport: 'ses', ses: { from: SES.from, to: [], cc: ['audit@example.com'] } }).transport).toBe('ses');
  });

  it('keeps messages a schema wrote itself (summary.schedule)', () => {
    expect(thrown(ConfigError, () => parseConfig({ summary: { schedule: 'weekly' } })).message).toBe(
      'config.summary.schedule: expected cron(...) or rate(...)',
    );
  });
});

describe('sendingConfig', () => {
  it('passes ses and sns, and refuses the replay-only file outbox naming transport', () => {
    expect(sendingConfig(parseConfig({ transport: 'sns', sns: TOPIC })).transport).toBe('sns');
    const error = thrown(ConfigError, () => sendingConfig(parseConfig({}), 'notifier.config.json'));

    expect(error.setting).toBe('notifier.config.json.transport');
  });
});

/** The ```json blocks of a markdown file that are notifier configurations (not account files or outputs). */
function configBlocks(markdown: string): unknown[] {
  return [...markdown.matchAll(/```json\n([\s\S]*?)```/g)]
    .map(([, body]) => JSON.parse(body ?? '') as Record<string, unknown>)
    .filter((json) => ['transport', 'policy', 'summary', 'filters'].some((key) => key in json));
}

describe('the example configurations in the repository', () => {
  const docs = readdirSync(join(REPO_ROOT, 'docs')).filter((file) => file.endsWith('.md'));
  const examples = docs.flatMap((file) =>
    configBlocks(readFileSync(join(REPO_ROOT, 'docs', file), 'utf8')).map((json, i) => [`docs/${file} #${i + 1}`, json] as const),
  );

  it('include the documented ones', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  const fixture = 'test/fixtures/accounts/owner-routes.config.json';
  const all: (readonly [string, unknown])[] = [...examples, [fixture, JSON.parse(readFileSync(join(REPO_ROOT, fixture), 'utf8'))]];

  it.each(all)('%s parses', (_name, json) => {
    expect(() => parseConfig(json)).not.toThrow();
  });
});

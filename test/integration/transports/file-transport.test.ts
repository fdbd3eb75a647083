import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileTransport } from '../../../functions/adapters/file-transport.js';
import { snsPublishInput } from '../../../functions/adapters/sns-message.js';
import { aFinding } from '../../support/findings.js';
import { sampleEmail } from './sample-email.js';

describe('file outbox transport', () => {
  let outDir: string;

  beforeEach(async () => {
    outDir = join(await mkdtemp(join(tmpdir(), 'outbox-test-')), 'outbox');
  });
  afterEach(async () => {
    await rm(join(outDir, '..'), { recursive: true, force: true });
  });

  it('writes html, txt, a parseable multipart/alternative .eml and the SNS Publish input under one stem', async () => {
    // Prepare
    const finding = aFinding({ title: '3.4 IAM ポリシー変更のアラーム <b>"x"</b>' });
    const email = sampleEmail({}, finding);
    const topicArn = 'arn:aws:sns:eu-west-1:111122223333:alerts';
    const transport = createFileTransport({ outDir, from: 'notifier@example.com', to: ['soc@example.com'], topicArn });

    // Act
    await transport.send(email);

    // Assess
    const stem = join(outDir, '001-medium-3-4-iam-b-x-b');
    expect(transport.written).toEqual(['.html', '.txt', '.eml', '.sns.json'].map((ext) => `${stem}${ext}`));
    expect((await readdir(outDir)).sort()).toEqual(transport.written.map((p) => basename(p)).sort());
    expect(await readFile(`${stem}.html`, 'utf8')).toBe(email.html);
    expect(await readFile(`${stem}.txt`, 'utf8')).toBe(email.text);
    expect(JSON.parse(await readFile(`${stem}.sns.json`, 'utf8'))).toEqual(snsPublishInput(email, topicArn));

    const raw = await readFile(`${stem}.eml`, 'utf8');
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(email.subject);
    expect(parsed.text).toBe(email.text);
    expect(parsed.html).toBe(email.html);
    expect(parsed.from?.text).toBe('notifier@example.com');
    expect(parsed.headers.get('to')).toMatchObject({ text: 'soc@example.com' });
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}@securityhub-email-notifier\.local>$/);
    for (const [name, value] of Object.entries(email.headers)) expect(parsed.headers.get(name.toLowerCase())).toBe(value);
  });

  it('numbers emails in order, names them by severity and title, and is deterministic across runs', async () => {
    // Prepare
    const emails = [
      sampleEmail({}, aFinding({ severity: 'CRITICAL', title: 'EC2.19 Security groups should not allow unrestricted access' })),
      sampleEmail({}, aFinding({ severity: 'LOW', title: 'ルール' })),
      sampleEmail({}, aFinding({ title: `S3 ${'x'.repeat(200)}` })),
    ];
    const stems = async () => {
      const transport = createFileTransport({ outDir, from: 'notifier@example.com', to: ['soc@example.com'] });
      for (const email of emails) await transport.send(email);
      return transport.written.filter((p) => p.endsWith('.eml')).map((p) => basename(p, '.eml'));
    };

    // Act
    const first = await stems();
    const firstEml = await readFile(join(outDir, `${first[0]}.eml`), 'utf8');
    const second = await stems();

    // Assess
    expect(first).toEqual(second);
    expect(first[0]).toBe('001-critical-ec2-19-security-groups-should-not-allow-unrestricted-access');
    expect(first[1]).toBe('002-low-finding');
    expect(first[2]).toMatch(/^003-medium-s3-x+$/);
    expect(first[2]?.length).toBeLessThanOrEqual('003-medium-'.length + 60);
    const messageId = (raw: string) => raw.match(/^Message-ID: (.*)$/m)?.[1];
    expect(messageId(await readFile(join(outDir, `${first[0]}.eml`), 'utf8'))).toBe(messageId(firstEml));
  });
});

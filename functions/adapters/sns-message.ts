/**
 * Builds the SNS `Publish` input for one email. Pure: the SNS transport sends it, the file
 * transport writes it as `<stem>.sns.json`.
 *
 * With `MessageStructure: 'json'` each protocol gets its own body: `default` and `email` get the
 * text body; `sqs`, `lambda`, `http` and `https` get a compact JSON document with the notification.
 */
import type { MessageAttributeValue, PublishCommandInput } from '@aws-sdk/client-sns';
import type { Finding } from '../core/finding/model.js';
import { mostSevere } from '../core/finding/severity.js';
import type { Notification } from '../core/policy/notification.js';
import type { Email } from '../core/render/email.js';
import { asciiSubject } from '../core/render/subject.js';
import { cut, SHORTEN_LEVELS, shortenNotification } from './sns-shorten.js';

/** SNS limit for one published message, in UTF-8 bytes (Message, Subject and attributes counted). */
export const SNS_MAX_BYTES = 262_144;

/** The document `sqs`, `lambda`, `http` and `https` subscribers receive. */
export type SnsDocument = { readonly version: 1; readonly subject: string; readonly shortened?: string } & (
  | Notification
  | { readonly kind: 'summary'; readonly trigger: Notification['trigger']; readonly items: readonly object[] }
);

const STRUCTURED_PROTOCOLS = ['sqs', 'lambda', 'http', 'https'] as const;

/**
 * The exact `Publish` input for `email`, shortened as needed to stay within `maxBytes`.
 *
 * @example
 * await client.send(new PublishCommand(snsPublishInput(email, 'arn:aws:sns:us-east-1:111122223333:alerts')));
 */
export function snsPublishInput(email: Email, topicArn: string, maxBytes = SNS_MAX_BYTES): PublishCommandInput {
  const Subject = snsSubject(email);
  const MessageAttributes = messageAttributes(email.notification);
  const budget = maxBytes - bytes(Subject) - bytes(JSON.stringify(MessageAttributes));
  const base = { TopicArn: topicArn, Subject, MessageStructure: 'json', MessageAttributes };

  let message = compose(email.text, { version: 1, subject: email.subject, ...email.notification });
  for (const bounds of SHORTEN_LEVELS) {
    if (bytes(message) <= budget) return { ...base, Message: message };
    const shortened = shortenNotification(email.notification, email.text, bounds);
    const note = shortened.note === undefined ? {} : { shortened: shortened.note };
    message = compose(shortened.text, { version: 1, subject: email.subject, ...note, ...shortened.notification });
  }
  if (bytes(message) <= budget) return { ...base, Message: message };
  // Last resort: ids, titles and severities only, and the head of the text; halve both until it fits.
  for (let chars = Math.floor(budget / 16), items = 100; ; chars = Math.floor(chars / 2), items = Math.floor(items / 2)) {
    const text = cut(email.text, chars);
    const note = `[shortened: summary only${text === email.text ? '' : ' / text cut'}]`;
    message = compose(`${text}\n\n${note}\n`, summary(email, note, items));
    if (bytes(message) <= budget || (chars === 0 && items === 0)) return { ...base, Message: message };
  }
}

function compose(text: string, document: SnsDocument): string {
  const structured = JSON.stringify(document);
  const message: Record<string, string> = { default: text, email: text };
  for (const protocol of STRUCTURED_PROTOCOLS) message[protocol] = structured;
  return JSON.stringify(message);
}

function summary(email: Email, note: string, limit: number): SnsDocument {
  const { notification } = email;
  const findings = findingsOf(notification);
  const items =
    notification.kind === 'insight'
      ? [
          {
            arn: cut(notification.insight.arn, 512),
            name: cut(notification.insight.name, 256),
            consoleUrl: cut(notification.insight.consoleUrl ?? '', 2048),
          },
        ]
      : findings.slice(0, limit).map((f) => ({
          id: cut(f.id, 512),
          title: cut(f.title, 256),
          severity: f.severity,
          accountId: cut(f.accountId, 64),
          region: cut(f.region, 64),
        }));
  const trigger = { eventId: cut(notification.trigger.eventId, 256), detailType: cut(notification.trigger.detailType, 256) };
  return { version: 1, subject: cut(email.subject, 256), shortened: note, kind: 'summary', trigger, items };
}

/** Attributes subscribers can filter on: `kind`, `severity` (the highest), `accountId`. */
function messageAttributes(notification: Notification): Record<string, MessageAttributeValue> {
  const attributes: Record<string, MessageAttributeValue> = { kind: { DataType: 'String', StringValue: notification.kind } };
  const findings = findingsOf(notification);
  const severity = mostSevere(findings.map((f) => f.severity));
  if (severity) attributes.severity = { DataType: 'String', StringValue: severity };
  const accounts = [...new Set(notification.kind === 'insight' ? [notification.insight.accountId] : findings.map((f) => f.accountId))]
    .filter((a) => /^\d{12}$/.test(a))
    .slice(0, 50);
  if (accounts.length === 1) attributes.accountId = { DataType: 'String', StringValue: accounts[0] };
  else if (accounts.length > 1) attributes.accountId = { DataType: 'String.Array', StringValue: JSON.stringify(accounts) };
  return attributes;
}

/** The findings a notification is about (none for insight results). */
function findingsOf(notification: Notification): readonly Finding[] {
  if (notification.kind === 'finding') return [notification.finding];
  return notification.kind === 'digest' ? notification.findings : [];
}

/** The renderer's ASCII subject: one line of at most 100 characters, starting as SNS requires. */
export function snsSubject(email: Email): string {
  return asciiSubject(email, 100);
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

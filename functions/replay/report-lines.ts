import type { InvalidEventError } from '../core/errors.js';
import type { Finding } from '../core/finding/model.js';
import type { Email } from '../core/render/email.js';

/** The replay CLI's line formats: a contract users and checks rely on (see README, "Replay"). */

/**
 * `email <input> -> <where>: <subject>`; a digest adds how many findings it carries and from how
 * many inputs: `email <first input> -> <where>: <subject> (digest of 500 findings from 500 inputs)`.
 */
export function emailLine(input: string, email: Email, where: string, inputs = 1): string {
  const n = email.notification;
  const digest = n.kind === 'digest' ? ` (digest of ${n.findings.length} findings from ${inputs} input${inputs === 1 ? '' : 's'})` : '';
  return `email ${input} -> ${where}: ${email.subject}${digest}`;
}

/**
 * `digested <input> -> <where>`: one line per other input a digest folds in, after its `email`
 * line (which names the first), so every input of a run is named on some line.
 */
export function digestedLines(inputs: readonly string[], where: string): string[] {
  return inputs.slice(1).map((input) => `digested ${input} -> ${where}`);
}

/** `skipped <input> <severity> "<title>" (<finding id>): <reason>` */
export function skippedLine(input: string, finding: Finding, reason: string): string {
  return `skipped ${input} ${finding.severity} ${JSON.stringify(oneLine(finding.title))} (${oneLine(finding.id)}): ${reason}`;
}

/** `error <input>: <JSON path>: <what is wrong>` for input that could not be read. */
export function invalidLine(error: InvalidEventError): string {
  return errorLine(error.input, error.path ? `${error.path}: ${error.reason}` : error.reason);
}

/** `error <input>: <what is wrong>`, always one line. */
export function errorLine(input: string, message: string): string {
  return `error ${input}: ${oneLine(message)}`;
}

function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove.
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').slice(0, 500);
}

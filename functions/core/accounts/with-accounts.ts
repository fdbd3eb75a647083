/** Fills each finding's account name and tags from the directory, after reading and before the window. */
import type { Finding } from '../finding/model.js';
import type { InputRead } from '../input/read-input.js';
import type { AccountDirectory } from './directory.js';

/**
 * The finding with `accountName` (unless it carries its own) and `accountTags` from the directory.
 *
 * @example withAccount(finding, directory).accountName // 'payments-prod'
 */
export function withAccount(finding: Finding, directory: AccountDirectory): Finding {
  const info = directory.accounts.get(finding.accountId);
  if (!info) return finding;
  const name = finding.accountName ?? info.name;
  return { ...finding, ...(name ? { accountName: name } : {}), accountTags: info.tags };
}

/** Every finding and insight of every read, with its account's name (errors as they are). */
export function readsWithAccounts(reads: readonly InputRead[], directory: AccountDirectory): InputRead[] {
  if (directory.accounts.size === 0) return [...reads];
  return reads.map((read) => ({
    ...read,
    findings: read.findings.map((item) => ({ ...item, finding: withAccount(item.finding, directory) })),
    insights: read.insights.map((item) => {
      const name = directory.accounts.get(item.insight.accountId)?.name;
      return name ? { ...item, insight: { ...item.insight, accountName: name } } : item;
    }),
  }));
}

/** The distinct account ids of the reads' findings and insights (what to look up). */
export function accountIdsOf(reads: readonly InputRead[]): string[] {
  const ids = reads.flatMap((read) => [
    ...read.findings.map((item) => item.finding.accountId),
    ...read.insights.map((item) => item.insight.accountId),
  ]);
  return [...new Set(ids)];
}

/**
 * The gallery's data: every outcome of every fixture file, planned through the same pipeline as
 * the Lambda and replay. Building it never throws: an unreadable file or a render that fails
 * becomes an `error` item naming the file, so template editors see everything.
 */
import { readFile } from 'node:fs/promises';
import type { Finding, Severity } from '../core/finding/model.js';
import { mostSevere } from '../core/finding/severity.js';
import type { Pipeline, PipelineWithSummaries } from '../core/pipeline/pipeline.js';
import type { Email } from '../core/render/email.js';
import { collectInputs } from '../replay/collect-inputs.js';

interface ItemBase {
  /** Stable while the fixture files do not change: `file#n`. */
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly severity?: Severity;
}

export type GalleryItem =
  | (ItemBase & { readonly kind: 'email'; readonly email: Email; readonly label: string })
  | (ItemBase & { readonly kind: 'skipped'; readonly reason: string })
  | (ItemBase & { readonly kind: 'error'; readonly message: string });

export interface Gallery {
  readonly items: readonly GalleryItem[];
  readonly files: readonly string[];
}

/**
 * Reads every fixture and plans its outcomes.
 *
 * @example
 * const gallery = await buildGallery(createPipeline(config, renderer), ['fixtures']);
 */
export async function buildGallery(pipeline: PipelineWithSummaries, paths: readonly string[]): Promise<Gallery> {
  const { files, missing } = await collectInputs(paths);
  const items: GalleryItem[] = missing.map((file) => ({
    kind: 'error',
    id: `${file}#0`,
    file,
    title: file,
    message: 'no such file or folder',
  }));
  const findings: Finding[] = [];
  for (const file of files) items.push(...(await planFile(pipeline, file, findings)));
  items.push(...summaryItems(pipeline, findings));
  return { items, files };
}

/** The summary of every fixture finding: the summary template's preview data. */
function summaryItems(pipeline: PipelineWithSummaries, findings: readonly Finding[]): GalleryItem[] {
  const times = findings.map((f) => Date.parse(f.updatedAt ?? '')).filter((t) => Number.isFinite(t));
  const now = new Date(times.length > 0 ? Math.max(...times) : 0);
  try {
    return pipeline
      .summaries(pipeline.summaryAudiences(findings).audiences, { now })
      .map(({ email }, n) => ({ kind: 'email', id: `summary#${n}`, file: 'summary', email, ...describe(email) }));
  } catch (cause) {
    return [{ kind: 'error', id: 'summary#0', file: 'summary', title: 'summary', message: `render failed: ${messageOf(cause)}` }];
  }
}

async function planFile(pipeline: Pipeline, file: string, findings: Finding[]): Promise<GalleryItem[]> {
  const failed = (message: string): GalleryItem[] => [{ kind: 'error', id: `${file}#0`, file, title: file, message }];
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    return failed(`cannot read JSON: ${messageOf(cause)}`);
  }
  findings.push(...pipeline.read(json, file).findings.map((item) => item.finding));
  try {
    return pipeline.plan(json, file).map((outcome, n): GalleryItem => {
      const id = `${file}#${n}`;
      if (outcome.kind === 'email') return { kind: 'email', id, file, email: outcome.email, ...describe(outcome.email) };
      if (outcome.kind === 'skipped') {
        const { title, severity } = outcome.finding;
        return { kind: 'skipped', id, file, title, severity, reason: outcome.reason };
      }
      return { kind: 'error', id, file, title: file, message: outcome.error.message };
    });
  } catch (cause) {
    return failed(`render failed: ${messageOf(cause)}`);
  }
}

/** Title, severity and a short label for an email, from what it is about. */
export function describe(email: Email): { title: string; severity?: Severity; label: string } {
  const { notification } = email;
  if (notification.kind === 'finding') {
    const { title, severity } = notification.finding;
    return { title, severity, label: 'finding' };
  }
  if (notification.kind === 'insight') return { title: notification.insight.name, label: 'insight' };
  if (notification.kind === 'summary') return { title: email.subject, label: 'summary' };
  const { findings } = notification;
  const severity = mostSevere(findings.map((finding) => finding.severity));
  return { title: email.subject, label: `digest of ${findings.length}`, ...(severity ? { severity } : {}) };
}

/** The message of anything thrown, with its name when it is a named error. */
export function messageOf(cause: unknown): string {
  if (cause instanceof Error) return cause.name && cause.name !== 'Error' ? `${cause.name}: ${cause.message}` : cause.message;
  return String(cause);
}

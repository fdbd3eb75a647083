import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The four files the outbox writes per email: `<NNN>-<severity>-<slug>.{html,txt,eml,sns.json}`. */
const OUTBOX_FILE = /^\d{3,}-[a-z]+-[a-z0-9-]*\.(html|txt|eml|sns\.json)$/;

/**
 * Removes the emails of an earlier run, so the outbox shows exactly this run's emails. Only the
 * outbox's own file names are touched; anything else in the folder stays.
 */
export async function clearOutbox(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((name) => OUTBOX_FILE.test(name));
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  return stale.length;
}

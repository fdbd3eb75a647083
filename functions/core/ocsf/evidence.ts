/**
 * Short evidence lines from OCSF `evidences[]` (Detection Findings): the process, the actor
 * (process and user), network endpoints and file hashes. Evidence varies by product, so it is read
 * defensively: only strings and numbers are used, every line is one line and bounded.
 */
import { obj, oneLine, str } from './text.js';

/** At most this many lines per finding, each at most `MAX_EVIDENCE_CHARS` characters. */
const MAX_EVIDENCE_LINES = 8;
const MAX_EVIDENCE_CHARS = 160;

type Json = Readonly<Record<string, unknown>>;

/**
 * Evidence lines in the order the finding gives them, without duplicates.
 *
 * @example evidenceLines([{ process: { name: 'curl', path: '/usr/bin/curl', pid: 7 } }])
 * // ['process: curl (/usr/bin/curl) pid 7']
 */
export function evidenceLines(evidences: readonly unknown[] | undefined): string[] {
  const lines = new Set<string>();
  for (const item of evidences ?? []) {
    const evidence = obj(item);
    if (evidence === undefined) continue;
    for (const line of linesOf(evidence)) {
      if (lines.size >= MAX_EVIDENCE_LINES) return [...lines];
      lines.add(oneLine(line, MAX_EVIDENCE_CHARS));
    }
  }
  return [...lines];
}

function linesOf(evidence: Json): string[] {
  const lines: string[] = [];
  const actor = obj(evidence.actor);
  const actorProcess = obj(actor?.process);
  if (actorProcess !== undefined) lines.push(`actor process: ${describeProcess(actorProcess)}`);
  const actorUser = describeUser(obj(actor?.user));
  if (actorUser !== undefined) lines.push(`actor user: ${actorUser}`);
  const process = obj(evidence.process);
  if (process !== undefined) lines.push(`process: ${describeProcess(process)}`);
  const network = describeNetwork(obj(evidence.src_endpoint), obj(evidence.dst_endpoint), obj(evidence.connection_info));
  if (network !== undefined) lines.push(`network: ${network}`);
  for (const file of [obj(actorProcess?.file), obj(process?.file), obj(evidence.file)]) {
    const hash = describeHash(file);
    if (hash !== undefined) lines.push(`file: ${hash}`);
  }
  return lines;
}

/** `name (path) pid N: command line`, leaving out what is missing. */
function describeProcess(process: Json): string {
  const name = str(process.name) ?? str(obj(process.file)?.name) ?? 'process';
  const path = str(obj(process.file)?.path) ?? str(process.path);
  const pid = str(process.pid);
  const cmd = str(process.cmd_line);
  let text = name;
  if (path !== undefined && path !== name) text += ` (${path})`;
  if (pid !== undefined) text += ` pid ${pid}`;
  if (cmd !== undefined) text += `: ${cmd}`;
  const user = describeUser(obj(process.user));
  if (user !== undefined) text += ` as ${user}`;
  return text;
}

/** `name (uid N)`, the uid alone, or undefined when the user has neither. */
function describeUser(user: Json | undefined): string | undefined {
  if (user === undefined) return undefined;
  const name = str(user.name);
  const uid = str(user.uid);
  if (name !== undefined) return uid === undefined ? name : `${name} (uid ${uid})`;
  return uid === undefined ? undefined : `uid ${uid}`;
}

/** `src ip:port -> dst ip:port (protocol)` when at least one endpoint has an address. */
function describeNetwork(src: Json | undefined, dst: Json | undefined, connection: Json | undefined): string | undefined {
  const from = endpoint(src);
  const to = endpoint(dst);
  if (from === undefined && to === undefined) return undefined;
  const protocol = str(connection?.protocol_name);
  const arrow = `${from ?? '?'} -> ${to ?? '?'}`;
  return protocol === undefined ? arrow : `${arrow} (${protocol})`;
}

function endpoint(end: Json | undefined): string | undefined {
  if (end === undefined) return undefined;
  const host = str(end.ip) ?? str(end.hostname) ?? str(end.domain);
  if (host === undefined) return undefined;
  const port = str(end.port);
  const shown = host.includes(':') && port !== undefined ? `[${host}]` : host;
  return port === undefined ? shown : `${shown}:${port}`;
}

/** `path ALGORITHM value` for the first hash of a file, when it has one. */
function describeHash(file: Json | undefined): string | undefined {
  const hashes = file?.hashes;
  if (!Array.isArray(hashes)) return undefined;
  const hash = obj(hashes[0]);
  const value = str(hash?.value);
  if (value === undefined) return undefined;
  const where = str(file?.path) ?? str(file?.name) ?? 'file';
  return `${where} ${str(hash?.algorithm) ?? 'hash'} ${value}`;
}

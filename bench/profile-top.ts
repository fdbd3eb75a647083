/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with the most self time
 * and the most inclusive time. Used to find why a number misses the budget (see README.md).
 *
 * @example
 * npx tsx bench/profile-top.ts bench-results/prof/CPU.*.cpuprofile [N]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [, , file, limitArg] = process.argv;
if (!file) throw new Error('usage: tsx bench/profile-top.ts FILE.cpuprofile [N]');
const limit = Number(limitArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const time = new Map<number, number>();
profile.samples.forEach((id, i) => {
  time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const label = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').slice(-2).join('/')}:${node.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const t = time.get(node.id) ?? 0;
  if (t === 0) continue;
  total += t;
  self.set(label(node), (self.get(label(node)) ?? 0) + t);
  const seen = new Set<string>();
  for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
    const ancestor = byId.get(id);
    if (!ancestor) break;
    const key = label(ancestor);
    if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    seen.add(key);
  }
}
const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`${title} (of ${(total / 1e3).toFixed(0)} ms)\n`);
  for (const [key, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    process.stdout.write(`${((t / total) * 100).toFixed(1).padStart(6)}%  ${key}\n`);
  }
};
print('self time', self);
print('inclusive time', inclusive);

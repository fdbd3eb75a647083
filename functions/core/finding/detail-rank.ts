/**
 * Which resource detail lines to show when only a few fit: the ones a control checks. A control
 * fails on one setting (RDS.2 on `PubliclyAccessible: true`, EC2.8 on `MetadataOptions.HttpTokens:
 * optional`, EC2.19 on a `0.0.0.0/0` rule), which often comes after dozens of other fields.
 * Lines are ranked by what controls check (public access, encryption, tokens, CIDR ranges, ports,
 * versions, ...), by open ranges in the value, and by the words of the finding's title.
 */

/** One `key: value` line of a resource's details. */
export interface DetailLeaf {
  readonly key: string;
  readonly value: string;
}

/** Key words of the settings controls check; each group that matches a key adds to its rank. */
const CHECKED_SETTINGS: readonly RegExp[] = [
  /public|anonymous|external|principal/i,
  /encrypt|kms|sse|cmk/i,
  /token|imds|metadata/i,
  /cidr|iprange|ipv6range|sourcesecuritygroup/i,
  /port/i,
  /version|engine|runtime|platform/i,
  /ssl|tls|https|protocol|cipher/i,
  /mfa|password|rotation/i,
  /logging|audit|trail|monitor/i,
  /backup|retention|deletionprotection|multiaz|versioning/i,
  /blockpublic|restrict|acl|policy/i,
];
const OPEN_RANGE = /^(0\.0\.0\.0\/0|::\/0)$/;
const BOOLEAN = /^(true|false)$/i;
/** Words of a title that name nothing a key could hold. */
const COMMON_WORDS = new Set(['should', 'have', 'with', 'that', 'this', 'from', 'when', 'enabled', 'ensure', 'configured', 'instances']);

/** The lowercase words (4+ letters) of `title` that may name a setting. */
export function titleWords(title: string | undefined): string[] {
  const words = (title ?? '').toLowerCase().match(/[a-z][a-z0-9]{3,}/g) ?? [];
  return [...new Set(words.filter((word) => !COMMON_WORDS.has(word)))];
}

function rank(leaf: DetailLeaf, words: readonly string[]): number {
  const key = leaf.key.toLowerCase();
  let score = 0;
  for (const pattern of CHECKED_SETTINGS) if (pattern.test(key)) score += 4;
  for (const word of words) if (key.includes(word)) score += 3;
  if (OPEN_RANGE.test(leaf.value.trim())) score += 8;
  if (BOOLEAN.test(leaf.value.trim())) score += 1;
  return score;
}

/**
 * The `max` leaves that matter most for a control titled `title`, most telling first (ties keep
 * the finding's order).
 *
 * @example pickDetails([{ key: 'DBInstanceClass', value: 'db.t3' }, { key: 'PubliclyAccessible', value: 'true' }], 1, 'RDS instances should prohibit public access')
 * // [{ key: 'PubliclyAccessible', value: 'true' }]
 */
export function pickDetails(leaves: readonly DetailLeaf[], max: number, title?: string): DetailLeaf[] {
  if (leaves.length <= max && title === undefined) return [...leaves];
  const words = titleWords(title);
  return leaves
    .map((leaf, index) => ({ leaf, index, score: rank(leaf, words) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, max)
    .map(({ leaf }) => leaf);
}

/** What a synthesized function carries: its configuration file, read back from the asset or the inline code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

/**
 * The `notifier.config.json` the function reads: from its staged asset under `outdir`, or unpacked
 * from its inline code (the first Brotli-packed string of the loader).
 */
// biome-ignore lint/suspicious/noExplicitAny: a resource as Template.findResources returns it
export function shippedConfig(fn: { [key: string]: any } | undefined, outdir: string): Record<string, unknown> {
  const code = fn?.Properties?.Code as { S3Key?: unknown; ZipFile?: unknown } | undefined;
  if (typeof code?.ZipFile === 'string') {
    const packed = /writeFileSync\(d\+"\/notifier\.config\.json",u\("([A-Za-z0-9+/=]+)"\)\)/.exec(code.ZipFile)?.[1];
    if (!packed) throw new Error('the inline code carries no notifier.config.json');
    return JSON.parse(brotliDecompressSync(Buffer.from(packed, 'base64')).toString('utf8'));
  }
  const key = String(code?.S3Key).replace(/\.zip$/, '');
  return JSON.parse(readFileSync(join(outdir, `asset.${key}`, 'notifier.config.json'), 'utf8'));
}

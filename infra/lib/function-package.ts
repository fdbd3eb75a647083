/**
 * The function's code with its configuration inside: a CDK file asset holding `index.js`, its
 * source map and `notifier.config.json` (the home-Region stack), or inline code that unpacks the
 * same at cold start (StackSet members, which have no asset bucket). The environment only says
 * where the file is, so it stays far below Lambda's 4 KB whatever the configuration holds.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AssetHashType, type BundlingOptions, DockerImage, type ILocalBundling } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CONFIG_FILE_NAME, CONFIG_FILE_VARIABLE } from '../../functions/adapters/lambda-config.js';
import { bundleHandler, INLINE_CONFIG_FILE, inlineCode } from './function-code.js';
import { PROJECT_ROOT } from './paths.js';

/** How the handler code reaches Lambda. */
export type CodePackaging = 'asset' | 'inline';

/** The code and the environment variables that point the function at its configuration. */
export interface FunctionPackage {
  readonly code: lambda.Code;
  readonly environment: Readonly<Record<string, string>>;
}

/**
 * Packages the handler with this configuration (JSON without deploy-time tokens).
 *
 * @example
 * const { code, environment } = packageFunction('functions/handler.ts', 'asset', config);
 */
export function packageFunction(entry: string, packaging: CodePackaging, config: unknown): FunctionPackage {
  const configJson = JSON.stringify(config);
  if (packaging === 'inline') {
    return { code: lambda.Code.fromInline(inlineCode(entry, configJson)), environment: { [CONFIG_FILE_VARIABLE]: INLINE_CONFIG_FILE } };
  }
  return {
    code: lambda.Code.fromAsset(dirname(resolve(PROJECT_ROOT, entry)), {
      // The hash is the bundle's own: the same code and configuration give the same asset.
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Never pulled: the local esbuild always bundles (no Docker on these machines, none needed).
        image: DockerImage.fromRegistry('local-esbuild'),
        local: new LocalBundle(entry, configJson),
      } satisfies BundlingOptions,
    }),
    environment: { [CONFIG_FILE_VARIABLE]: CONFIG_FILE_NAME, NODE_OPTIONS: '--enable-source-maps' },
  };
}

/**
 * Writes the shared bundle and one notifier's configuration into the asset. Its fields are part of
 * CDK's asset cache key, so two notifiers with different configurations never share an asset.
 */
class LocalBundle implements ILocalBundling {
  constructor(
    readonly entry: string,
    readonly configJson: string,
  ) {}

  tryBundle(outputDir: string): boolean {
    const { js, map } = bundleHandler(this.entry, true);
    writeFileSync(join(outputDir, 'index.js'), js);
    if (map) writeFileSync(join(outputDir, 'index.js.map'), map);
    writeFileSync(join(outputDir, CONFIG_FILE_NAME), this.configJson);
    return true;
  }
}

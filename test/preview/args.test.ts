import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/core/errors.js';
import { DEFAULT_PORT, parsePreviewArgs } from '../../functions/preview/args.js';

describe('parsePreviewArgs', () => {
  it('defaults to port 4300, templates/ and fixtures/', () => {
    const args = parsePreviewArgs([]);
    expect(args).toMatchObject({ port: DEFAULT_PORT, templatesDir: 'templates', fixtures: ['fixtures'], config: {}, help: false });
    expect(DEFAULT_PORT).toBe(4300);
    expect(args.screenshotsDir).toBeUndefined();
  });

  it('reads every option; folders after --fixtures are all fixtures', () => {
    const args = parsePreviewArgs([
      '--port',
      '0',
      '--templates',
      't',
      '--fixtures',
      'a',
      'b',
      '--locale',
      'ja',
      '--time-zone',
      'Asia/Tokyo',
      '--screenshots',
      'shots',
    ]);
    expect(args).toMatchObject({
      port: 0,
      templatesDir: 't',
      fixtures: ['a', 'b'],
      config: { locale: 'ja', timeZone: 'Asia/Tokyo' },
      screenshotsDir: 'shots',
    });
  });

  it('names the flag that is wrong', () => {
    expect(() => parsePreviewArgs(['--port', 'http'])).toThrow(ConfigError);
    expect(() => parsePreviewArgs(['--port', 'http'])).toThrow(/--port/);
    expect(() => parsePreviewArgs(['--colour'])).toThrow(/colour/);
  });
});

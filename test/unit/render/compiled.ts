/** The real templates compiled once per test file, and a renderer over them. */
import { compileTemplates } from '../../../functions/build/compile-templates.js';
import { createRenderer } from '../../../functions/core/render/create-renderer.js';
import type { RenderOptions } from '../../../functions/core/render/renderer.js';

export const compiled = await compileTemplates('templates');
export const renderer = createRenderer(compiled);

export const EN: RenderOptions = { locale: 'en', timeZone: 'UTC' };
export const JA: RenderOptions = { locale: 'ja', timeZone: 'Asia/Tokyo' };

/** The lines of a text body, trimmed. */
export const textLines = (text: string): string[] => text.split('\n').map((line) => line.trim());

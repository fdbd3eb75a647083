import { type FSWatcher, watch } from 'node:fs';

/** A stoppable watch. */
export interface TreeWatch {
  close(): void;
}

/**
 * Watches a folder recursively and calls `onChange` once per burst of changes (editors write a
 * file in several steps: temp file, rename, chmod). A folder that cannot be watched is reported
 * through `onError`, never thrown.
 *
 * @example
 * const watch = watchTree('templates', () => rebuild(), { debounceMs: 150 });
 */
export function watchTree(
  dir: string,
  onChange: (files: readonly string[]) => void,
  options: { readonly debounceMs?: number; readonly onError?: (error: Error) => void } = {},
): TreeWatch {
  const debounceMs = options.debounceMs ?? 150;
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const report = (error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error)));
  try {
    watcher = watch(dir, { recursive: true }, (_event, file) => {
      if (file) changed.add(String(file));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const files = [...changed];
        changed.clear();
        onChange(files);
      }, debounceMs);
    });
    watcher.on('error', report);
  } catch (error) {
    report(error);
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}

import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/** A stoppable watch. */
export interface TreeWatch {
  close(): void;
}

export interface WatchOptions {
  readonly debounceMs?: number;
  readonly onError?: (error: Error) => void;
}

/**
 * Watches a folder and its subfolders (or one file) and calls `onChange` once per burst of changes.
 *
 * One plain watch per folder, not `recursive: true`: on Linux, Node 20's recursive watch loses a
 * file that an editor saves by writing a temporary file and renaming it over the original (vim,
 * `sed -i`, many IDEs). A folder watch sees those renames; new subfolders are picked up on the fly.
 * A path that cannot be watched is reported through `onError`, never thrown.
 *
 * @example
 * const watch = watchTree('templates', () => rebuild(), { debounceMs: 150 });
 */
export function watchTree(path: string, onChange: (files: readonly string[]) => void, options: WatchOptions = {}): TreeWatch {
  const debounceMs = options.debounceMs ?? 150;
  const watchers = new Map<string, FSWatcher>();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const report = (error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error)));

  const isFile = statOrUndefined(path)?.isFile() ?? false;
  const root = isFile ? dirname(path) : path;
  const only = isFile ? basename(path) : undefined;

  function changedIn(dir: string, event: string, file: string | null) {
    if (only !== undefined && file !== only) return;
    changed.add(relative(root, join(dir, file ?? '')));
    // A rename may be a folder that came or went.
    if (only === undefined && event === 'rename') sync();
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed.clear();
      onChange(files);
    }, debounceMs);
  }

  /** Watches every folder under the root that is not watched yet; forgets folders that are gone. */
  function sync() {
    const dirs = only === undefined ? folders(root, report) : [root];
    for (const [dir, watcher] of watchers) {
      if (!dirs.includes(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, (event, file) => changedIn(dir, event, file === null ? null : String(file)));
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(dir);
        });
        watchers.set(dir, watcher);
      } catch (error) {
        report(error);
      }
    }
  }

  if (statOrUndefined(root)?.isDirectory()) sync();
  else report(new Error(`${path}: no such file or folder`));

  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

function folders(root: string, report: (error: unknown) => void): string[] {
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    const dir = found[i] ?? root;
    try {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) found.push(join(dir, entry.name));
      }
    } catch (error) {
      if (dir === root) report(error);
    }
  }
  return found;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ExpandedPath {
  path: string;
  /** Found inside a folder the user named, rather than named itself. */
  fromFolder: boolean;
}

/**
 * The files named, with each folder replaced by the files below it (recursively, sorted, hidden
 * entries skipped). Paths that do not exist are passed through for the reader to report.
 */
export function expandPaths(paths: string[]): ExpandedPath[] {
  const out: ExpandedPath[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: p, fromFolder: true });
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      isDir = false;
    }
    if (isDir) walk(p);
    else out.push({ path: p, fromFolder: false });
  }
  return out;
}

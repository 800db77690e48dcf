import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding topo's package.json. Walking up from this module works both from src/ (vitest, tsx)
 * and from dist/src/ after the build, so the stdlib is found wherever the package is installed.
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('topo: cannot find the package root (no package.json above the compiler)');
    dir = parent;
  }
  cached = dir;
  return dir;
}

export function stdlibDir(): string {
  return join(packageRoot(), 'stdlib');
}

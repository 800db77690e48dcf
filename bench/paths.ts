import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, from this file's place in bench/ (source, under vitest) or dist/bench/ (built). */
export function repoRoot(): string {
  return new URL('.', import.meta.url).pathname.replace(/\/(dist\/)?bench\/$/, '');
}

/**
 * The V8 flags the `topo` command runs under, from the `#!/usr/bin/env -S node …` line of bin/topo.js: the
 * benchmarks run under them too, so that their figures are the command's.
 */
export function cliNodeFlags(): string[] {
  const shebang = readFileSync(join(repoRoot(), 'bin/topo.js'), 'utf8').split('\n', 1)[0];
  return shebang.replace(/^#!.*?\bnode\b/, '').split(' ').filter(Boolean);
}

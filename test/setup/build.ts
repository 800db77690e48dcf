import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Compile into dist/ before the tests, so end-to-end tests never spawn a stale `bin/topo.js`.
 * Type errors do not stop the emit and are `tsc --noEmit`'s to report; only a missing CLI fails here.
 */
export default function setup(): void {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { encoding: 'utf8' });
  if (!existsSync('dist/src/cli/main.js')) {
    throw new Error(`build failed; dist/src/cli/main.js is missing\n${result.stdout}${result.stderr}`);
  }
}

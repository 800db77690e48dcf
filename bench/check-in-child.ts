import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

export interface ChildCheckReport {
  maxRssMB: number;
  seconds: number;
  errors: number;
}

/**
 * Check a file in a fresh `node` process running the built checker (dist/bench/measure-check.js): its peak
 * memory is the check's alone, and a hang or a crash is killed at `timeoutMs` and reported as an Error.
 */
export function checkInChild(file: string, timeoutMs = 600_000): ChildCheckReport {
  const script = join(repoRoot(), 'dist/bench/measure-check.js');
  const child = spawnSync(process.execPath, [script, file], { encoding: 'utf8', timeout: timeoutMs });
  if (child.error || child.status !== 0) {
    // V8's out-of-memory report is a page of native frames: its FATAL ERROR line says it all.
    const timedOut = (child.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
    const reason = timedOut
      ? `no result after ${timeoutMs / 1000} s`
      : (/FATAL ERROR:.*/.exec(child.stderr)?.[0] ?? child.error?.message ?? child.stderr.trim());
    throw new Error(`checking ${file} in a child process failed: ${reason}`);
  }
  return JSON.parse(child.stdout) as ChildCheckReport;
}

import { spawnSync } from 'node:child_process';
import type { CliIo } from '../../src/cli/io.js';

export interface Captured {
  io: CliIo;
  stdout(): string;
  stderr(): string;
}

/** An in-memory CliIo: what a command wrote, with the environment it is given (no terminal). */
export function capture(env: Record<string, string | undefined> = {}): Captured {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env },
    stdout: () => out,
    stderr: () => err,
  };
}

export interface Spawned {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built `bin/topo.js` from the repo root, as users do; the environment is scrubbed of colour settings. */
export function topo(args: string[], env: Record<string, string> = {}): Spawned {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, ['bin/topo.js', ...args], { encoding: 'utf8', env: { ...base, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

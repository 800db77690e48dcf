import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The process exit status of every `topo` command (documented in docs/cli.md). */
export const ExitCode = {
  /** Success; warnings allowed. */
  ok: 0,
  /** The input has errors. */
  errors: 1,
  /** Bad command line, or a file could not be read (TOPO00xx). */
  usage: 2,
  /** A bug in topo: an exception escaped a command. */
  internal: 3,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** I/O problems (TOPO00xx) mean the input never got checked; they outrank errors in it. */
export function exitCodeFor(diags: readonly Diagnostic[]): ExitCodeValue {
  if (diags.some((d) => d.code.startsWith('TOPO00'))) return ExitCode.usage;
  if (diags.some((d) => d.severity === 'error')) return ExitCode.errors;
  return ExitCode.ok;
}

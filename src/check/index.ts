import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/span.js';

/** Where the compiler reads files from; tests substitute an in-memory host. */
export interface FileHost {
  /** Raw bytes of a file; throws NodeJS.ErrnoException (ENOENT, EISDIR, …) like fs.readFileSync. */
  readFile(path: string): Uint8Array;
}

export interface CheckResult {
  /** Sorted with compareDiagnostics, duplicates removed. */
  diagnostics: Diagnostic[];
  /** Every file that was read and decoded, by the path used in spans — the renderer shows their lines. */
  sources: Map<string, SourceText>;
}

/**
 * Load the files and everything they import, resolve and check them. Never throws on bad input.
 * STUB — replaced by resolve/ + check/.
 */
export function checkFiles(paths: string[], host?: FileHost): CheckResult {
  void paths;
  void host;
  return { diagnostics: [], sources: new Map() };
}

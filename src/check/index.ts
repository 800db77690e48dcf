import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/span.js';
import { loadFiles, type FileHost } from '../resolve/load.js';
import type { Program } from '../resolve/program.js';
import { resolveProgram } from '../resolve/resolve.js';
import { checkAddressing } from './addressing.js';
import { checkCloud } from './cloud.js';
import { checkFlows } from './flows.js';
import { checkLints } from './lints.js';
import { checkMobile } from './mobile.js';
import { checkServices } from './services.js';
import { checkTopology } from './topology.js';

export type { FileHost } from '../resolve/load.js';

export interface CheckResult {
  /** Sorted with compareDiagnostics, duplicates removed. */
  diagnostics: Diagnostic[];
  /** Every file that was read and decoded, by the path used in spans — the renderer shows their lines. */
  sources: Map<string, SourceText>;
  /** The resolved program (also when there are errors: later stages run only on an error-free one). */
  program?: Program;
}

/** The semantic checks, one per area, each a pure function of the program. */
export const CHECKS: readonly ((program: Program) => Diagnostic[])[] = [
  checkAddressing, checkTopology, checkServices, checkMobile, checkCloud, checkFlows, checkLints,
];

/** Load the files and everything they import, resolve and check them. Never throws on bad input. */
export function checkFiles(paths: string[], host?: FileHost): CheckResult {
  const loaded = loadFiles(paths, host);
  const { program, diagnostics } = resolveProgram(loaded.files, loaded.stdFiles);
  const all = [...loaded.diagnostics, ...diagnostics, ...CHECKS.flatMap((check) => check(program))];
  return { diagnostics: dedupe(all.sort(compareDiagnostics)), sources: loaded.sources, program };
}

/** Drop diagnostics identical in code, span and message (a kind default reported once per use, say). */
function dedupe(sorted: Diagnostic[]): Diagnostic[] {
  return sorted.filter((d, i) => {
    const prev = sorted[i - 1];
    return !prev || prev.code !== d.code || prev.span.file !== d.span.file || prev.span.start !== d.span.start || prev.span.end !== d.span.end || prev.message !== d.message;
  });
}

// Runs the pipeline over files: each file named on the command line is its own program (with what it
// imports), so separate networks never clash. Later stages run only on a program the checker found error-free.
import { checkAsserts } from '../assert/index.js';
import { checkFiles, type FileHost } from '../check/index.js';
import { computeRoutes, type RoutingResult } from '../control/index.js';
import { routingDiagnostics } from '../control/diagnostics.js';
import { routingInput } from '../control/from-network.js';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/span.js';
import { buildNetwork, type Network } from '../model/index.js';
import type { Program } from '../resolve/program.js';
import { traceDiagnostics } from '../trace/index.js';

export interface Compilation {
  path: string;
  diagnostics: Diagnostic[];
  /** Present when the program resolved; `network` and `routing` only when it also checked without errors. */
  program?: Program;
  network?: Network;
  routing?: RoutingResult;
}

export interface CompileResult {
  compilations: Compilation[];
  /** Every compilation's diagnostics, sorted, each reported once (a file imported twice is checked twice). */
  diagnostics: Diagnostic[];
  sources: Map<string, SourceText>;
}

export interface CompileOptions {
  host?: FileHost;
  /**
   * The nodes whose RIBs (every candidate route, with reasons) are kept: `all` (the default), or a list —
   * empty for `topo check`, which needs only FIBs and findings; RIBs are most of the routing time.
   */
  ribs?: 'all' | string[];
}

export function compile(paths: string[], options: CompileOptions = {}): CompileResult {
  const sources = new Map<string, SourceText>();
  const compilations = paths.map((path) => {
    const checked = checkFiles([path], options.host);
    checked.sources.forEach((text, file) => sources.set(file, text));
    const c: Compilation = { path, diagnostics: checked.diagnostics };
    if (checked.program) c.program = checked.program;
    if (checked.program) c.diagnostics.push(...checkAsserts(checked.program));
    if (!checked.program || hasErrors(checked.diagnostics)) return c;
    const model = buildNetwork(checked.program);
    c.diagnostics = [...c.diagnostics, ...model.diagnostics];
    if (hasErrors(model.diagnostics)) return c;
    c.network = model.network;
    const input = routingInput(checked.program, c.network);
    if (options.ribs !== undefined && options.ribs !== 'all') input.options = { ...input.options, ribNodes: options.ribs };
    c.routing = computeRoutes(input);
    c.diagnostics = [...c.diagnostics, ...routingDiagnostics(checked.program, c.network, c.routing), ...traceDiagnostics(checked.program, c.network, c.routing)];
    return c;
  });
  return { compilations, diagnostics: unique(compilations.flatMap((c) => c.diagnostics)), sources };
}

function unique(diags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.sort(compareDiagnostics).filter((d) => {
    const key = `${d.code}|${d.span.file}|${d.span.start}|${d.span.end}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

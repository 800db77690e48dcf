import { reporters, wantsColor } from '../diagnostics/render/index.js';
import type { Network } from '../model/types.js';
import type { RoutingResult } from '../control/types.js';
import type { Program } from '../resolve/program.js';
import { exitCodeFor, type ExitCodeValue } from './exit-codes.js';
import type { CliIo } from './io.js';

/** A program that compiled without errors, with everything the output commands draw on. */
export interface Compiled {
  program: Program;
  network: Network;
  routing: RoutingResult;
}

/**
 * Compile one file for a command that prints what it computes. When the file has errors there is nothing to
 * print: show them as `topo check` would (pretty, on stderr) and return the exit code instead.
 */
export async function compileForOutput(file: string, io: CliIo): Promise<Compiled | ExitCodeValue> {
  const { compile } = await import('../driver/index.js');
  const result = compile([file]);
  const { program, network, routing } = result.compilations[0];
  if (program && network && routing) return { program, network, routing };
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  io.stderr.write(reporters.pretty.render({ diagnostics: errors, sources: result.sources }, { color: wantsColor(io.stderr, io.env) }));
  return exitCodeFor(errors);
}

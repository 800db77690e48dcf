import { reporters, wantsColor } from '../diagnostics/render/index.js';
import type { CompileResult } from '../driver/index.js';
import { exitCodeFor, type ExitCodeValue } from './exit-codes.js';
import type { CliIo } from './io.js';

/** For commands that need an error-free program: show why there is none (pretty, on stderr) and exit. */
export function reportProblems(result: CompileResult, io: CliIo): ExitCodeValue {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  io.stderr.write(reporters.pretty.render({ diagnostics: errors, sources: result.sources }, { color: wantsColor(io.stderr, io.env) }));
  return exitCodeFor(errors);
}

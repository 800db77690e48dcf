import { parseFile, type ParseResult } from '../../grammar/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export function parse(text: string): ParseResult {
  return parseFile('test.topo', text);
}

/** `CODE line:col` of each diagnostic, for compact assertions. */
export function where(diags: Diagnostic[]): string[] {
  return diags.map((d) => `${d.code} ${d.span.line}:${d.span.col}`);
}

/** The source text a diagnostic's span covers. */
export function covered(text: string, d: Diagnostic): string {
  return text.slice(d.span.start, d.span.end);
}

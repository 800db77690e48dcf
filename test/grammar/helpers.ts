import fc from 'fast-check';
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

/** Fragments of real syntax, so that generated strings reach deep into the grammar and not only the lexer. */
export const fragment = fc.constantFrom(
  'router', 'a2', 'link', '--', '->', '{', '}', ':', ';', ',', '.', '\n', '\r\n', ' ', '"s', '"', '\\', '10.0.1.2/24',
  '300', 'tcp/443', '02:00', 'assert', 'soft', 'not', 'in', 'on', 'via', 'exists', '==', '=', '/*', '*/', '//', '///',
  'flow', 'kind', 'import', 'bearer', 'control', '5ms', '0x', '@', '\u00e9', '\u0000',
  // Literals cut short, whose bad part is empty.
  '10.0.1.', '10..', 'tcp/', 'tcp/80-', '02:00::', '0a:',
);

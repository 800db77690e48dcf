import type { File } from '../src/ast/types.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { SourceText } from '../src/diagnostics/span.js';

export interface ParseResult {
  file: File;
  diagnostics: Diagnostic[];
}

/**
 * Parse one decoded `.topo` text (BOM already removed) into an AST. Never throws: lexing and syntax
 * errors become diagnostics and the parser recovers to report every error in the file.
 * STUB — replaced by the Chevrotain parser.
 */
export function parseFile(path: string, text: string): ParseResult {
  const src = new SourceText(path, text);
  return {
    file: { type: 'File', path, span: src.span(0, text.length), imports: [], items: [], comments: [] },
    diagnostics: [],
  };
}

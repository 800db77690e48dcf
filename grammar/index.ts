import type { File } from '../src/ast/types.js';
import { diag, compareDiagnostics, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { syntaxCodes } from '../src/diagnostics/codes/syntax.js';
import { SourceText } from '../src/diagnostics/span.js';
import type { IRecognitionException } from './chevrotain.js';
import { AstBuilder } from './build-ast.js';
import { parseValid } from './fast-parser.js';
import { lex } from './lexer.js';
import type { SyntaxErrorArgs } from './messages.js';
import { getParser } from './parser.js';
import { normalizeTokens, statementEnds } from './token-stream.js';

export interface ParseResult {
  file: File;
  diagnostics: Diagnostic[];
}

/**
 * Parse one decoded `.topo` text (BOM already removed) into an AST. Never throws (property-tested on
 * arbitrary input): lexing and syntax errors become diagnostics and the parser recovers to report every
 * error in the file. A file without syntax errors takes the fast path (grammar/fast-parser.ts); any other is
 * parsed by the Chevrotain parser, which recovers and words the errors.
 * Diagnostics come sorted by position.
 */
export function parseFile(path: string, text: string): ParseResult {
  const src = new SourceText(path, text);
  const result = parseValid(src) ?? parseWithRecovery(src);
  result.diagnostics.sort(compareDiagnostics);
  return result;
}

/** The Chevrotain path: the lexer's tokens, normalised, through the recovering parser. */
export function parseWithRecovery(src: SourceText): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const lexed = lex(src, diagnostics);
  const tokens = normalizeTokens(lexed.tokens, src, diagnostics);
  // The lexer's own array is not needed past here: let it go before parsing.
  lexed.tokens = [];
  const parser = getParser();
  const builder = new AstBuilder(src, lexed.docs, diagnostics);
  const { items, errors } = parser.parseTokens(tokens, statementEnds(tokens), builder);
  for (const e of errors) diagnostics.push(syntaxDiagnostic(e, src));
  return { file: builder.file(items, lexed.comments), diagnostics };
}

/** A Chevrotain error (whose message is our JSON payload, see grammar/messages.ts) as a TOPO1201 diagnostic. */
function syntaxDiagnostic(e: IRecognitionException, src: SourceText): Diagnostic {
  const args = JSON.parse(e.message) as SyntaxErrorArgs;
  const t = e.token;
  const start = Number.isNaN(t.startOffset) ? src.text.length : t.startOffset;
  // Errors at a line end or the end of the file point just after the last thing written.
  const zeroWidth = t.image === '' || /^[\r\n]/.test(t.image) || t.endOffset! < t.startOffset;
  const end = zeroWidth ? start : start + t.image.length;
  const extras = args.help === undefined ? {} : { help: args.help };
  return diag(syntaxCodes.syntaxError, src.span(start, Math.min(end, src.text.length)), args, extras);
}

import { Lexer, type IToken } from './chevrotain.js';
import type { Comment } from '../src/ast/types.js';
import { diag, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { syntaxCodes } from '../src/diagnostics/codes/syntax.js';
import type { SourceText } from '../src/diagnostics/span.js';
import * as T from './tokens.js';

export const MAX_IDENTIFIER_LENGTH = 256;

export interface LexResult {
  /** Significant tokens, before statement-terminator normalisation. */
  tokens: IToken[];
  comments: Comment[];
  /** `///` doc text keyed by the start offset of the first significant token after it. */
  docs: Map<number, string>;
}

let lexer: Lexer | undefined;

/** One lexer for the process: building it (and its first-character tables) is the expensive part. */
function getLexer(): Lexer {
  lexer ??= new Lexer(T.allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true });
  return lexer;
}

const COMMENT_STYLE = new Map([[T.DocComment, 'doc'], [T.LineComment, 'line'], [T.BlockComment, 'block'], [T.UnterminatedBlockComment, 'block']] as const);

export function lex(src: SourceText, diagnostics: Diagnostic[]): LexResult {
  const result = getLexer().tokenize(src.text);

  for (const e of result.errors) {
    const text = src.text.slice(e.offset, e.offset + e.length);
    diagnostics.push(diag(syntaxCodes.unexpectedCharacter, src.span(e.offset, e.offset + e.length), { text: printable(text) }));
  }

  for (const t of result.tokens) {
    if (t.tokenType === T.Identifier && t.image.length > MAX_IDENTIFIER_LENGTH) {
      const span = src.span(t.startOffset, t.startOffset + t.image.length);
      diagnostics.push(diag(syntaxCodes.identifierTooLong, span, { length: t.image.length, max: MAX_IDENTIFIER_LENGTH }));
    } else if (t.tokenType === T.UnterminatedString) {
      diagnostics.push(diag(syntaxCodes.unterminatedString, src.span(t.startOffset, t.startOffset + t.image.length), {}));
    }
  }

  const commentTokens = result.groups.comments ?? [];
  const comments: Comment[] = commentTokens.map((t) => {
    const span = src.span(t.startOffset, t.startOffset + t.image.length);
    if (t.tokenType === T.UnterminatedBlockComment) {
      diagnostics.push(diag(syntaxCodes.unterminatedComment, src.span(t.startOffset, t.startOffset + 2), {}));
    }
    return { type: 'Comment', span, style: COMMENT_STYLE.get(t.tokenType)!, text: t.image };
  });

  return { tokens: result.tokens, comments, docs: collectDocs(commentTokens, result.tokens) };
}

/**
 * Attach each run of `///` comments to the first significant token after it (newlines do not count).
 * Anything else between the run and that token — a plain comment — detaches the run.
 */
function collectDocs(comments: IToken[], tokens: IToken[]): Map<number, string> {
  const docs = new Map<number, string>();
  let ti = 0;
  let run: string[] = [];
  let runEnd = 0;
  /** The first significant token after the current run. */
  const nextToken = (): IToken | undefined => {
    while (ti < tokens.length && (tokens[ti].startOffset < runEnd || tokens[ti].tokenType === T.Newline)) ti++;
    return tokens[ti];
  };
  const flush = (limit: number) => {
    const next = nextToken();
    if (next && next.startOffset < limit) docs.set(next.startOffset, run.join('\n'));
    run = [];
  };
  for (const c of comments) {
    if (run.length > 0) {
      const next = nextToken();
      const adjacent = c.tokenType === T.DocComment && !(next && next.startOffset < c.startOffset);
      if (!adjacent) flush(c.startOffset);
    }
    if (c.tokenType === T.DocComment) {
      run.push(c.image.slice(3).replace(/^ /, ''));
      runEnd = c.startOffset + c.image.length;
    }
  }
  if (run.length > 0) flush(Infinity);
  return docs;
}

/** Control characters and very long runs are shown escaped and shortened in messages. */
export function printable(text: string, max = 40): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return shown.replace(/[\x00-\x1f\x7f-\x9f`]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

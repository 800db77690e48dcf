import { createTokenInstance, type IToken, type TokenType } from './chevrotain.js';
import { diag, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { syntaxCodes } from '../src/diagnostics/codes/syntax.js';
import type { SourceText } from '../src/diagnostics/span.js';
import * as T from './tokens.js';

/** Deeper blocks are skipped: the parser and every later stage recurse per level. */
export const MAX_NESTING_DEPTH = 64;

const CONTINUATION = new Set<TokenType>([T.Comma, T.Arrow, T.DashDash, T.LCurly, T.Colon]);

/** Whether a newline after a token of this type continues the statement (docs/language.md, "Lexical structure"). */
export function continuesStatement(type: TokenType): boolean {
  return CONTINUATION.has(type);
}

/**
 * Rewrite the lexer's tokens into what the parser expects, in one linear pass without recursion:
 * - statement terminators: newlines that continue a statement are dropped, runs of terminators collapse to one,
 *   none remains at the start of a block or file, and one is added before a `}` or the end of the file that
 *   lacks it, so that every statement ends with exactly one terminator;
 * - braces: an unmatched `}` is reported and dropped, each unclosed `{` gets a synthetic `}` at the end of the
 *   file (reported once), and a block nested deeper than MAX_NESTING_DEPTH is reported and emptied. A `}` that
 *   starts a line indented like an outer open block, not like the innermost one, closes the outer block: the
 *   innermost one is reported as unclosed and closed before its first line indented no deeper than its `{`.
 * Balancing braces here keeps one missing or extra brace from cascading into many parse errors.
 */
export function normalizeTokens(tokens: IToken[], src: SourceText, diagnostics: Diagnostic[]): IToken[] {
  const out: IToken[] = [];
  const open: IToken[] = [];
  /** For each open block, the indentation of the line its `{` is on, and the `{`'s index in `out`. */
  const openIndent: number[] = [];
  const openAt: number[] = [];
  const last = () => out[out.length - 1];
  /** Before a `}` or the end of the file: end the last statement if it is not ended yet. */
  const endStatement = (image: string, offset: number) => {
    const prev = last();
    if (prev !== undefined && !isTerminator(prev) && prev.tokenType !== T.LCurly) out.push(synthetic(T.ImplicitEnd, image, offset));
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const type = t.tokenType;
    if (type === T.Newline || type === T.Semicolon) {
      const prev = last();
      if (prev === undefined || isTerminator(prev) || prev.tokenType === T.LCurly) continue;
      if (type === T.Newline && continuesStatement(prev.tokenType)) continue;
    } else if (type === T.RCurly) {
      if (open.length === 0) {
        diagnostics.push(diag(syntaxCodes.unmatchedBrace, src.span(t.startOffset, t.startOffset + 1), {}));
        continue;
      }
      if (closesOuterBlock(src.text, lineStartOf(src, t.startOffset), openIndent, t.startOffset)) {
        const unclosed = open.pop()!;
        diagnostics.push(diag(syntaxCodes.unclosedBlock, src.span(unclosed.startOffset, unclosed.startOffset + 1), {}, {
          notes: [`judging by indentation, the \`}\` on line ${src.position(t.startOffset).line} closes an outer block`],
        }));
        endStatement('}', t.startOffset);
        closeBefore(out, openAt.pop()!, openIndent.pop()!, src);
      }
      open.pop();
      openIndent.pop();
      openAt.pop();
      endStatement('}', t.startOffset);
    } else if (type === T.LCurly) {
      if (open.length === MAX_NESTING_DEPTH) {
        diagnostics.push(diag(syntaxCodes.nestingTooDeep, src.span(t.startOffset, t.startOffset + 1), { max: MAX_NESTING_DEPTH }));
        const close = skipBlock(tokens, i);
        out.push(t);
        if (close === tokens.length) {
          open.push(t);
          openIndent.push(lineIndent(src, t.startOffset));
          openAt.push(out.length - 1);
          i = close;
          continue;
        }
        out.push(tokens[close]);
        i = close;
        continue;
      }
      open.push(t);
      openIndent.push(lineIndent(src, t.startOffset));
      openAt.push(out.length);
    }
    out.push(t);
  }

  endStatement('', src.text.length);
  if (open.length > 0) {
    const innermost = open[open.length - 1];
    diagnostics.push(diag(syntaxCodes.unclosedBlock, src.span(innermost.startOffset, innermost.startOffset + 1), {}, {
      notes: open.length > 1 ? [`${open.length} blocks are open at the end of the file`] : [],
    }));
    for (let k = 0; k < open.length; k++) out.push(synthetic(T.RCurly, '}', src.text.length), synthetic(T.ImplicitEnd, '', src.text.length));
  }
  return out;
}

/**
 * Close the block whose `{` is out[at] with a synthetic `}` (and terminator) before the first statement on a
 * line indented no deeper than the `{`'s line; at the end of `out` if there is none.
 */
function closeBefore(out: IToken[], at: number, indent: number, src: SourceText): void {
  let k = at + 1;
  for (; k < out.length; k++) {
    const prev = out[k - 1];
    const lineStart = prev.tokenType === T.LCurly || isTerminator(prev);
    const ind = lineStart ? leadingIndent(src, out[k].startOffset) : null;
    if (ind !== null && ind <= indent) break;
  }
  const offset = k < out.length ? out[k].startOffset : out[out.length - 1].startOffset;
  out.splice(k, 0, synthetic(T.RCurly, '}', offset), synthetic(T.ImplicitEnd, '}', offset));
}

/**
 * Whether the `}` at `offset`, on the line starting at `lineStart`, starts that line indented like an outer open
 * block and less than the innermost one: then it closes the outer block, and the innermost is unclosed.
 * `openIndent`: the indentation of each open block's `{` line.
 */
export function closesOuterBlock(text: string, lineStart: number, openIndent: readonly number[], offset: number): boolean {
  const indent = leadingBlanks(text, lineStart, offset);
  return indent !== null && openIndent[openIndent.length - 1] > indent && openIndent.slice(0, -1).includes(indent);
}

/** The indentation before `offset` if only spaces and tabs precede it on its line (starting at `lineStart`), else null. */
function leadingBlanks(text: string, lineStart: number, offset: number): number | null {
  const indent = blanksFrom(text, lineStart, offset);
  return lineStart + indent === offset ? indent : null;
}

/** The number of spaces and tabs from `lineStart`, stopping at `offset`: the indentation of a line. */
export function blanksFrom(text: string, lineStart: number, offset: number): number {
  let i = lineStart;
  while (i < offset && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i - lineStart;
}

/** Leading spaces and tabs of the line an offset is on. */
function lineIndent(src: SourceText, offset: number): number {
  return blanksFrom(src.text, lineStartOf(src, offset), offset);
}

function leadingIndent(src: SourceText, offset: number): number | null {
  return leadingBlanks(src.text, lineStartOf(src, offset), offset);
}

function lineStartOf(src: SourceText, offset: number): number {
  return src.lineStarts[src.lineOf(offset) - 1];
}

/** Index of the `}` closing the `{` at `start`, or tokens.length when it is never closed. */
function skipBlock(tokens: IToken[], start: number): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const type = tokens[i].tokenType;
    if (type === T.LCurly) depth++;
    else if (type === T.RCurly && --depth === 0) return i;
  }
  return tokens.length;
}

function isTerminator(t: IToken): boolean {
  return T.Terminator.categoryMatchesMap![t.tokenTypeIdx] === true;
}

/** A zero-width token the normaliser adds. */
function synthetic(type: TokenType, image: string, offset: number): IToken {
  // endOffset < startOffset marks it synthetic; lexer tokens track only their start (faster).
  return createTokenInstance(type, image, offset, offset - 1, NaN, NaN, NaN, NaN);
}

/**
 * For each token index, the index of the terminator that ends a statement starting there: the first terminator
 * after it at the same brace depth. Statement-level error recovery skips to it. Computed backwards in O(n).
 */
export function statementEnds(tokens: IToken[]): Int32Array {
  const ends = new Int32Array(tokens.length);
  const nextEnd: number[] = [-1];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const type = tokens[i].tokenType;
    if (type === T.RCurly) nextEnd.push(-1);
    else if (type === T.LCurly && nextEnd.length > 1) nextEnd.pop();
    const d = nextEnd.length - 1;
    if (isTerminator(tokens[i])) nextEnd[d] = i;
    ends[i] = nextEnd[d];
  }
  return ends;
}

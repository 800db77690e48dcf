import { EOF, type IToken, type TokenType } from './chevrotain.js';
import type * as A from '../src/ast/types.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { syntaxCodes } from '../src/diagnostics/codes/syntax.js';
import type { SourceText } from '../src/diagnostics/span.js';
import { AstBuilder, type Block, type DeclParts, type Statement } from './build-ast.js';
import { K, KEYWORD, kind, Scanner, Trivia, type Kind } from './lexer.js';
import { blanksFrom, closesOuterBlock, continuesStatement, MAX_NESTING_DEPTH } from './token-stream.js';
import * as T from './tokens.js';

/**
 * The parser's fast path: a recursive-descent reading of the grammar in grammar/parser.ts straight off the
 * scanner, with the token normalisation of grammar/token-stream.ts done as it goes, building the same AST
 * through the same AstBuilder. It keeps no token array and runs no recognizer machinery, so a valid file parses
 * in a fraction of the time and memory (a million-line file has some five million tokens).
 *
 * It knows no error recovery: at the first thing that is not plainly valid — a syntax or lexical error, an
 * unbalanced brace — it gives up and returns null, and parseFile parses the file with the Chevrotain parser,
 * which recovers and words every error. So the Chevrotain grammar stays the one that defines the language and
 * its messages; a test checks on every example and on fuzzed input that whenever this path returns an AST,
 * it is exactly the Chevrotain parser's, with the same diagnostics.
 */
export function parseValid(src: SourceText): { file: A.File; diagnostics: Diagnostic[] } | null {
  const diagnostics: Diagnostic[] = [];
  const parser = new FastParser(src, diagnostics);
  let items: A.Item[];
  try {
    items = parser.file();
  } catch (e) {
    if (e === GIVE_UP) return null;
    throw e;
  }
  // The scanner and the builder report some syntax errors themselves (a stray character, an import after a
  // statement): the Chevrotain path words those in context.
  if (diagnostics.some((d) => SYNTAX_CODES.has(d.code))) return null;
  return { file: parser.builder.file(items, parser.trivia.comments), diagnostics };
}

const SYNTAX_CODES = new Set(Object.values(syntaxCodes).map((c) => c.code));
const GIVE_UP = Symbol('not plainly valid');

/** A statement terminator after normalisation, and the end of the file. */
const TERMINATOR = kind(T.ImplicitEnd);
const END = kind(EOF);

/**
 * Membership of a token kind in a grammar category, read off the token definitions (grammar/tokens.ts) as
 * Chevrotain matches them: a type is in its categories and in theirs. Computed here from `CATEGORIES` rather
 * than read from Chevrotain's `categoryMatchesMap`, which is completed only once a parser has been built.
 */
function inCategory(category: TokenType): (k: Kind) => boolean {
  const isIn = (t: TokenType): boolean => t === category || (t.CATEGORIES ?? []).some(isIn);
  const members: boolean[] = [];
  for (const t of T.allTokens) members[t.tokenTypeIdx!] = isIn(t);
  return (k) => members[k.idx] === true;
}
const isIdentifier = (k: Kind): boolean => k === K.Identifier;
const isNamePart = inCategory(T.NamePart);
const isLiteral = inCategory(T.Literal);
const isKeyword = inCategory(T.Keyword);
const isString = inCategory(T.StringLit);
const isCompareOp = inCategory(T.CompareOp);
const isAssertKeyword = inCategory(T.AssertKeyword);
const isAtomStart = (k: Kind): boolean => k === K.Identifier || isString(k) || isLiteral(k) || isKeyword(k);

class FastParser {
  readonly builder: AstBuilder;
  readonly trivia: Trivia;
  private readonly scanner: Scanner;
  /** The current token after normalisation: its kind (TERMINATOR, END or the scanner's) and start. */
  private k: Kind = END;
  private start = 0;
  /** The last token handed out by take(): where a declaration or assertion ends. */
  private last: IToken | undefined;
  /** The kind before the current one, for the terminator rules; null at the start of the file. */
  private prev: Kind | null = null;
  /** A terminator was put before a `}`: the scanner is still on the `}`. */
  private heldBrace = false;
  /** The indentation of each open block's `{` line (for the outer-close rule of grammar/token-stream.ts). */
  private readonly openIndent: number[] = [];
  /** Where the line of the scanner's token starts. */
  private lineStart = 0;

  constructor(private readonly src: SourceText, diagnostics: Diagnostic[]) {
    this.scanner = new Scanner(src, diagnostics);
    this.trivia = new Trivia(src, diagnostics);
    this.builder = new AstBuilder(src, this.trivia.docs, diagnostics);
    this.advance();
  }

  file(): A.Item[] {
    const items = this.statements(true);
    if (this.k !== END) throw GIVE_UP;
    return items;
  }

  private statements(topLevel: boolean): A.Item[] {
    const results: Statement[] = [];
    while (this.k !== END && this.k !== K.RCurly) results.push(this.statement());
    return this.builder.items(results, topLevel);
  }

  private statement(): Statement {
    const b = this.builder;
    const k = this.k;
    let result: Statement;
    if (k === K.Identifier) {
      result = this.headed();
    } else if (k === KEYWORD.link || k === KEYWORD.control) {
      const kw = this.take();
      const ends = [this.ref()];
      do {
        this.skip(K.DashDash);
        ends.push(this.ref());
      } while (this.k === K.DashDash);
      result = b.connection(kw, ends, this.optionalBlock());
    } else if (k === KEYWORD.import) {
      const kw = this.take();
      result = b.importStmt(kw, this.expect(isString));
    } else if (k === KEYWORD.kind) {
      const kw = this.take();
      const name = this.expect(isNamePart);
      result = b.kindDecl(kw, name, this.block());
    } else if (k === KEYWORD.flow) {
      const kw = this.take();
      const name = this.expect(isNamePart);
      result = b.flowDecl(kw, name, this.block());
    } else if (k === KEYWORD.bearer) {
      const kw = this.take();
      const ue = this.ref();
      this.skip(KEYWORD.via);
      const via = [this.ref()];
      while (this.k === K.Comma) {
        this.advance();
        via.push(this.ref());
      }
      result = b.bearer(kw, ue, via, this.optionalBlock());
    } else if (k === KEYWORD.assert) {
      result = this.assert();
    } else {
      throw GIVE_UP;
    }
    this.skip(TERMINATOR);
    return result;
  }

  /** A property (`key: …`), a declaration (`KIND …`) or a flag, after the word it starts with. */
  private headed(): A.Item {
    const path = this.path();
    if (this.k === K.Colon) {
      this.advance();
      return this.builder.property(path, this.values());
    }
    if (isLiteral(this.k) || isNamePart(this.k)) return this.builder.decl(path, this.declRest());
    if (this.k !== TERMINATOR || path.length > 1) throw GIVE_UP;
    // The token after a flag is read only to word the error of a dotted one.
    return this.builder.flag(path, path[0])!;
  }

  private declRest(): DeclParts {
    const before = isLiteral(this.k) ? this.take() : undefined;
    const name = this.expect(isNamePart);
    const after = isLiteral(this.k) ? this.take() : undefined;
    let on: A.Ref | undefined;
    let inRef: A.Ref | undefined;
    if (this.k === KEYWORD.on) {
      this.advance();
      on = this.ref();
    }
    if (this.k === KEYWORD.in) {
      this.advance();
      inRef = this.ref();
    }
    const block = this.optionalBlock();
    return { before, name, after, on, in: inRef, block, last: this.last! };
  }

  private values(): A.Term[] {
    const terms = [this.term()];
    while (this.k === K.Comma) {
      this.advance();
      terms.push(this.term());
    }
    return terms;
  }

  /** Atoms separated by spaces, then optionally `-> atoms`; a touching `:` is kept as an operator. */
  private term(): A.Term {
    const atoms = this.atoms();
    let arrow: A.Atom[] | undefined;
    if (this.k === K.Arrow) {
      this.advance();
      arrow = this.atoms();
    }
    return this.builder.term(atoms, arrow);
  }

  private atoms(): A.Atom[] {
    const atoms = [this.atom()];
    for (;;) {
      if (this.k === K.Colon) atoms.push(this.builder.op(this.take()));
      else if (isAtomStart(this.k)) atoms.push(this.atom());
      else return atoms;
    }
  }

  private atom(): A.Atom {
    const k = this.k;
    const b = this.builder;
    if (k === K.Identifier) return b.pathRef(this.path());
    if (isString(k)) return b.stringAtom(this.take());
    if (isLiteral(k)) return b.literal(this.take());
    if (isKeyword(k)) return b.pathRef([this.take()]);
    throw GIVE_UP;
  }

  private assert(): A.Assert {
    const kw = this.take();
    const soft = this.k === KEYWORD.soft ? this.take() : undefined;
    const words: A.Atom[] = [];
    for (;;) {
      const k = this.k;
      if (isNamePart(k)) words.push(this.ref());
      else if (isLiteral(k)) words.push(this.builder.literal(this.take()));
      else if (isAssertKeyword(k) || isCompareOp(k) || k === K.Arrow || k === K.DashDash || k === K.Comma || k === K.Colon) words.push(this.builder.op(this.take()));
      else break;
    }
    const checks = this.k === K.LCurly ? this.checks() : undefined;
    return this.builder.assert(kw, soft, words, checks, this.last!);
  }

  private checks(): { checks: A.Check[] } {
    this.open();
    const checks: A.Check[] = [];
    while (this.k === K.Identifier) {
      const field = this.path();
      let check: A.Check;
      if (isCompareOp(this.k) || this.k === KEYWORD.in) {
        const op = this.take();
        check = this.builder.check(field, op, this.atom());
      } else if (this.k === KEYWORD.exists) {
        check = this.builder.check(field, this.take(), undefined);
      } else {
        throw GIVE_UP;
      }
      this.skip(TERMINATOR);
      checks.push(check);
    }
    this.close();
    return { checks };
  }

  private optionalBlock(): Block | undefined {
    return this.k === K.LCurly ? this.block() : undefined;
  }

  private block(): Block {
    const open = this.open();
    const items = this.statements(false);
    return { open, items, close: this.close() };
  }

  private open(): IToken {
    if (this.k !== K.LCurly || this.openIndent.length === MAX_NESTING_DEPTH) throw GIVE_UP;
    this.openIndent.push(blanksFrom(this.src.text, this.lineStart, this.start));
    return this.take();
  }

  private close(): IToken {
    if (this.k !== K.RCurly || closesOuterBlock(this.src.text, this.lineStart, this.openIndent, this.start)) throw GIVE_UP;
    this.openIndent.pop();
    return this.take();
  }

  /** A dotted name: `a2`, `outer.ip.src`. */
  private path(): IToken[] {
    const parts = [this.expect(isIdentifier)];
    while (this.k === K.Dot) {
      this.advance();
      parts.push(this.expect(isIdentifier));
    }
    return parts;
  }

  /** A reference: dotted parts, each a word or a quoted name. */
  private ref(): A.Ref {
    const parts = [this.expect(isNamePart)];
    while (this.k === K.Dot) {
      this.advance();
      parts.push(this.expect(isNamePart));
    }
    return this.builder.ref(parts);
  }

  private expect(fits: (k: Kind) => boolean): IToken {
    if (!fits(this.k)) throw GIVE_UP;
    return this.take();
  }

  private skip(k: Kind): void {
    if (this.k !== k) throw GIVE_UP;
    this.advance();
  }

  /** The current token as a Chevrotain token (what the builder takes), and move on. */
  private take(): IToken {
    this.last = this.scanner.token();
    this.advance();
    return this.last;
  }

  /**
   * Move to the next token as grammar/token-stream.ts would give it: newlines that continue a statement and
   * runs of terminators dropped, none at the start of a block or file, one added before a `}` or the end of
   * the file that lacks it. Comments go to the trivia.
   */
  private advance(): void {
    const s = this.scanner;
    if (this.heldBrace) {
      this.heldBrace = false;
      this.set(K.RCurly, s.start);
      return;
    }
    const prev = this.prev;
    const ended = prev === null || prev === TERMINATOR || prev === K.LCurly;
    while (s.next()) {
      const k = s.kind;
      if (k.comment) {
        const text = s.image();
        this.trivia.comment(k, text, s.start);
        const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
        if (lastBreak >= 0) this.lineStart = s.start + lastBreak + 1;
        continue;
      }
      const newline = k.type === T.Newline;
      if (newline) this.lineStart = s.end;
      else this.trivia.token(s.start);
      if (newline || k === K.Semicolon) {
        if (ended || (newline && continuesStatement(prev!.type))) continue;
        this.set(TERMINATOR, s.start);
        return;
      }
      if (k === K.RCurly && !ended) {
        this.heldBrace = true;
        this.set(TERMINATOR, s.start);
        return;
      }
      this.set(k, s.start);
      return;
    }
    this.set(ended ? END : TERMINATOR, this.src.text.length);
  }

  private set(k: Kind, start: number): void {
    this.k = k;
    this.start = start;
    this.prev = k;
  }
}

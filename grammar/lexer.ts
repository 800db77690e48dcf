import type { IToken, TokenType } from './chevrotain.js';
import type { Comment } from '../src/ast/types.js';
import { diag, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { syntaxCodes } from '../src/diagnostics/codes/syntax.js';
import { OffsetSpan, type SourceText } from '../src/diagnostics/span.js';
import * as T from './tokens.js';

export const MAX_IDENTIFIER_LENGTH = 256;
/** Slots of the scanner's cache of recent words (a power of two). */
const RECENT = 4096;

export interface LexResult {
  /** Significant tokens, before statement-terminator normalisation. */
  tokens: IToken[];
  comments: Comment[];
  /** `///` doc text keyed by the start offset of the first significant token after it. */
  docs: Map<number, string>;
}

const COMMENT_STYLE = new Map([[T.DocComment, 'doc'], [T.LineComment, 'line'], [T.BlockComment, 'block'], [T.UnterminatedBlockComment, 'block']] as const);

/**
 * A token type with its index and, for fixed text, its image. Token types are objects of many shapes, so reading
 * `tokenTypeIdx` or `PATTERN` off them per token would be a slow megamorphic load; these records all share one shape.
 */
export interface Kind {
  type: TokenType;
  idx: number;
  /** The fixed image of an operator or keyword; empty for tokens whose image is their text. */
  image: string;
  /** A comment: kept apart from the significant tokens. */
  comment: boolean;
}

export function kind(type: TokenType, image = ''): Kind {
  return { type, idx: type.tokenTypeIdx!, image, comment: COMMENT_STYLE.has(type) };
}

export const K = {
  LF: kind(T.Newline, '\n'), CR: kind(T.Newline, '\r'), CRLF: kind(T.Newline, '\r\n'),
  Mac: kind(T.MacLike), Number: kind(T.NumberLike), Port: kind(T.PortLike), Identifier: kind(T.Identifier),
  String: kind(T.StringLit), UnterminatedString: kind(T.UnterminatedString),
  DocComment: kind(T.DocComment), LineComment: kind(T.LineComment), BlockComment: kind(T.BlockComment),
  UnterminatedBlockComment: kind(T.UnterminatedBlockComment),
  Arrow: kind(T.Arrow, '->'), DashDash: kind(T.DashDash, '--'), EqEq: kind(T.EqEq, '=='), Equals: kind(T.Equals, '='),
  NotEq: kind(T.NotEq, '!='), LtEq: kind(T.LtEq, '<='), Lt: kind(T.Lt, '<'), GtEq: kind(T.GtEq, '>='), Gt: kind(T.Gt, '>'),
  LCurly: kind(T.LCurly, '{'), RCurly: kind(T.RCurly, '}'), Semicolon: kind(T.Semicolon, ';'), Comma: kind(T.Comma, ','),
  Colon: kind(T.Colon, ':'), Dot: kind(T.Dot, '.'),
};

/** Keyword kinds by their text. */
export const KEYWORD = {
  import: kind(T.Import, 'import'), kind: kind(T.Kind, 'kind'), link: kind(T.Link, 'link'), control: kind(T.Control, 'control'),
  bearer: kind(T.BearerKw, 'bearer'), flow: kind(T.Flow, 'flow'), assert: kind(T.Assert, 'assert'), soft: kind(T.Soft, 'soft'),
  on: kind(T.On, 'on'), in: kind(T.In, 'in'), via: kind(T.Via, 'via'), not: kind(T.Not, 'not'), exists: kind(T.Exists, 'exists'),
};
const KEYWORDS = new Map<string, Kind>(Object.entries(KEYWORD));

// Character classes of the token patterns in grammar/tokens.ts, as bits of a table over ASCII.
const ALNUM = 1; // [0-9A-Za-z]
const WORD = 2; // [0-9A-Za-z_]
const NUMBER = 4; // [0-9A-Za-z_.%]: the body of a NumberLike
const PREFIX = 8; // [0-9A-Za-z_.]: a NumberLike after its `/`
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[0-9A-Za-z]/.test(ch)) CLASS[c] |= ALNUM;
  if (/\w/.test(ch)) CLASS[c] |= WORD;
  if (/[\w.%]/.test(ch)) CLASS[c] |= NUMBER;
  if (/[\w.]/.test(ch)) CLASS[c] |= PREFIX;
}
/** Whether code unit `c` (NaN past the end) is in a class: non-ASCII is in none. */
const is = (c: number, cls: number): boolean => c < 128 && (CLASS[c] & cls) !== 0;

/**
 * Split a file into tokens of grammar/tokens.ts: a hand-written scanner that gives exactly what a Chevrotain
 * lexer over those patterns would (first pattern in order wins; a keyword gives way to a longer identifier;
 * a run of characters no pattern matches is one error). It is a fifth faster than Chevrotain's lexer, and
 * starts ~10 ms sooner (no lexer tables to build). Tokens are Chevrotain's offset-only ones: image, start, type.
 */
export function lex(src: SourceText, diagnostics: Diagnostic[]): LexResult {
  const scanner = new Scanner(src, diagnostics);
  const trivia = new Trivia(src, diagnostics);
  const tokens: IToken[] = [];
  while (scanner.next()) {
    const k = scanner.kind;
    if (k.comment) {
      trivia.comment(k, scanner.image(), scanner.start);
      continue;
    }
    if (k.type !== T.Newline) trivia.token(scanner.start);
    tokens.push(scanner.token());
  }
  return { tokens, comments: trivia.comments, docs: trivia.docs };
}

/**
 * The scanner under `lex`, one token at a time: it makes no token object and cuts no text unless asked for
 * (but for a word missing from its cache of recent words), and the parser's fast path (grammar/fast-parser.ts)
 * reads it directly. Blanks are skipped; comments and newlines are tokens; lexical errors are reported as they
 * are passed.
 */
export class Scanner {
  /** The current token: its kind and its offsets, `end` exclusive. */
  kind: Kind = K.LF;
  start = 0;
  end = 0;
  /** The current token's text when it was cut for the keyword lookup. */
  private word: string | undefined;
  /** Recently scanned words and their kinds, by a hash of their length and three of their characters. */
  private readonly recentWords: (string | undefined)[] = new Array(RECENT);
  private readonly recentKinds: Kind[] = new Array(RECENT);

  constructor(private readonly src: SourceText, private readonly diagnostics: Diagnostic[]) {}

  /** Move to the next token; false at the end of the text. */
  next(): boolean {
    const text = this.src.text;
    const n = text.length;
    let i = this.end;
    this.word = undefined;
    while (i < n) {
      const c = text.charCodeAt(i);
      const start = i;
      let k: Kind;
      if (c === 32 || c === 9 || c === 12 || c === 11) {
        do i++; while (isBlank(text.charCodeAt(i)));
        continue;
      } else if (c === 10) {
        k = K.LF;
      } else if (c === 13) {
        k = text.charCodeAt(i + 1) === 10 ? K.CRLF : K.CR;
      } else if (is(c, ALNUM)) {
        // The run of letters and digits is scanned once; what follows it tells the token apart.
        const run = skip(text, start + 1, ALNUM);
        i = macEnd(text, start, run);
        if (i > start) {
          k = K.Mac;
        } else if (c <= 57) {
          k = K.Number;
          i = skip(text, run, NUMBER);
          if (text.charCodeAt(i) === 47) i = skip(text, i + 1, PREFIX);
        } else {
          i = portEnd(text, start, run);
          if (i > start) {
            k = K.Port;
          } else {
            i = skip(text, run, WORD);
            k = this.scanWord(text, start, i);
          }
        }
      } else if (c === 95) {
        i = skip(text, i + 1, WORD);
        k = this.scanWord(text, start, i);
      } else if (c === 34) {
        ({ k, end: i } = scanString(text, start));
      } else if (c === 47 && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42)) {
        ({ k, end: i } = scanComment(text, start));
      } else {
        const op = operator(c, text.charCodeAt(i + 1));
        if (op === undefined) {
          do i++; while (i < n && !canStartToken(text, i));
          this.diagnostics.push(diag(syntaxCodes.unexpectedCharacter, this.src.span(start, i), { text: printable(text.slice(start, i)) }));
          continue;
        }
        k = op;
      }
      if (k.image !== '') i = start + k.image.length;
      this.kind = k;
      this.start = start;
      this.end = i;
      if (k === K.Identifier && i - start > MAX_IDENTIFIER_LENGTH) {
        this.diagnostics.push(diag(syntaxCodes.identifierTooLong, this.src.span(start, i), { length: i - start, max: MAX_IDENTIFIER_LENGTH }));
      } else if (k === K.UnterminatedString) {
        this.diagnostics.push(diag(syntaxCodes.unterminatedString, this.src.span(start, i), {}));
      }
      return true;
    }
    this.end = n;
    return false;
  }

  /**
   * The kind of the word text[start, end) — a keyword or an identifier — and its text, from a small cache of
   * recent words when it is there: a name or key is written many times (`ip`, `cost`, a router's name at every
   * link), so most words need neither a new string nor the keyword lookup, and the AST keeps one string for them.
   */
  private scanWord(text: string, start: number, end: number): Kind {
    const len = end - start;
    const h = (len * 7919 + text.charCodeAt(start) * 31 + text.charCodeAt(end - 1) * 131 + text.charCodeAt(start + (len >> 1))) & (RECENT - 1);
    const known = this.recentWords[h];
    if (known !== undefined && known.length === len && text.startsWith(known, start)) {
      this.word = known;
      return this.recentKinds[h];
    }
    const word = text.substring(start, end);
    const k = KEYWORDS.get(word) ?? K.Identifier;
    this.recentWords[h] = this.word = word;
    this.recentKinds[h] = k;
    return k;
  }

  /** The current token's text. */
  image(): string {
    return this.kind.image || (this.word ?? this.src.text.substring(this.start, this.end));
  }

  token(): IToken {
    return { image: this.image(), startOffset: this.start, tokenTypeIdx: this.kind.idx, tokenType: this.kind.type };
  }
}

/**
 * A file's comments, and its `///` doc runs, each attached to the first significant token after it (newlines do
 * not count), gathered as the scanner passes them. Anything else between a run and that token — a plain
 * comment — detaches the run.
 */
export class Trivia {
  readonly comments: Comment[] = [];
  /** Doc text keyed by the start offset of the token it documents. */
  readonly docs = new Map<number, string>();
  private run: string[] = [];

  constructor(private readonly src: SourceText, private readonly diagnostics: Diagnostic[]) {}

  comment(k: Kind, text: string, start: number): void {
    const span = new OffsetSpan(this.src, start, start + text.length);
    if (k === K.UnterminatedBlockComment) this.diagnostics.push(diag(syntaxCodes.unterminatedComment, this.src.span(start, start + 2), {}));
    this.comments.push({ type: 'Comment', span, style: COMMENT_STYLE.get(k.type)!, text });
    if (k === K.DocComment) this.run.push(text.slice(3).replace(/^ /, ''));
    else if (this.run.length > 0) this.run = [];
  }

  /** A significant token starts at `start`. */
  token(start: number): void {
    if (this.run.length === 0) return;
    this.docs.set(start, this.run.join('\n'));
    this.run = [];
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11;
}

/** The end of the run of `cls` characters from `i`. */
function skip(text: string, i: number, cls: number): number {
  while (is(text.charCodeAt(i), cls)) i++;
  return i;
}

/**
 * MacLike `[0-9A-Za-z]{1,4}:[0-9A-Za-z]*(?::[0-9A-Za-z]*)+` from `start`, whose first run of letters and digits
 * ends at `run`: its end, or `start` when it does not match.
 */
function macEnd(text: string, start: number, run: number): number {
  if (run - start > 4 || text.charCodeAt(run) !== 58) return start;
  let i = run;
  let groups = 0;
  for (; text.charCodeAt(i) === 58; groups++) i = skip(text, i + 1, ALNUM);
  return groups >= 2 ? i : start;
}

/**
 * PortLike `[A-Za-z][A-Za-z0-9]{0,7}\/(?![/*])[0-9A-Za-z_]*(?:-[0-9A-Za-z_]*)?` from a letter at `start`, whose
 * run of letters and digits ends at `run`: its end, or `start`.
 */
function portEnd(text: string, start: number, run: number): number {
  const next = text.charCodeAt(run + 1);
  if (run - start > 8 || text.charCodeAt(run) !== 47 || next === 47 || next === 42) return start;
  const i = skip(text, run + 1, WORD);
  return text.charCodeAt(i) === 45 ? skip(text, i + 1, WORD) : i;
}

/** A string from its `"`: closed, or unterminated at a line end (keeping a trailing `\\`) or the end of the file. */
function scanString(text: string, start: number): { k: Kind; end: number } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return { k: K.String, end: i + 1 };
    if (c === 10 || c === 13) return { k: K.UnterminatedString, end: i };
    if (c === 92) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 === text.length || next === 10 || next === 13) return { k: K.UnterminatedString, end: i + 1 };
      i++;
    }
  }
  return { k: K.UnterminatedString, end: text.length };
}

/** A comment from its `//` or `/*`. */
function scanComment(text: string, start: number): { k: Kind; end: number } {
  if (text.charCodeAt(start + 1) === 42) {
    const close = text.indexOf('*/', start + 2);
    return close < 0 ? { k: K.UnterminatedBlockComment, end: text.length } : { k: K.BlockComment, end: close + 2 };
  }
  let end = start + 2;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  const doc = text.charCodeAt(start + 2) === 47 && text.charCodeAt(start + 3) !== 47;
  return { k: doc ? K.DocComment : K.LineComment, end };
}

/** The operator or punctuation starting with `c` then `next` (longest first), if any. */
function operator(c: number, next: number): Kind | undefined {
  switch (c) {
    case 45: return next === 62 ? K.Arrow : next === 45 ? K.DashDash : undefined; // -> --
    case 61: return next === 61 ? K.EqEq : K.Equals; // == =
    case 33: return next === 61 ? K.NotEq : undefined; // !=
    case 60: return next === 61 ? K.LtEq : K.Lt; // <= <
    case 62: return next === 61 ? K.GtEq : K.Gt; // >= >
    case 123: return K.LCurly;
    case 125: return K.RCurly;
    case 59: return K.Semicolon;
    case 44: return K.Comma;
    case 58: return K.Colon;
    case 46: return K.Dot;
    default: return undefined;
  }
}

/** Whether some token (or skipped blank) matches at `i`: where a run of unexpected characters ends. */
function canStartToken(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (isBlank(c) || c === 10 || c === 13 || c === 34 || c === 95 || is(c, ALNUM)) return true;
  const next = text.charCodeAt(i + 1);
  if (c === 47) return next === 47 || next === 42;
  return operator(c, next) !== undefined;
}

/** Control characters and very long runs are shown escaped and shortened in messages. */
export function printable(text: string, max = 40): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return shown.replace(/[\x00-\x1f\x7f-\x9f`]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

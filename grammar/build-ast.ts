import type { IToken } from './chevrotain.js';
import type * as A from '../src/ast/types.js';
import { diag, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { syntaxCodes } from '../src/diagnostics/codes/syntax.js';
import { OffsetSpan, type SourceText, type Span } from '../src/diagnostics/span.js';
import { LiteralDecoder } from './literals.js';
import { describeToken } from './messages.js';
import * as T from './tokens.js';

/** What a statement rule yields: an item, or an import (kept apart: imports are not items). */
export type Statement = A.Item | A.Import;

export interface Block {
  open: IToken;
  items: A.Item[];
  close: IToken;
}

/** The parts of a declaration after its kind: `[LIT] NAME [LIT] [on REF] [in REF] [{ … }]`. */
export interface DeclParts {
  before?: IToken;
  name: IToken;
  after?: IToken;
  on?: A.Ref;
  in?: A.Ref;
  block?: Block;
  /** The declaration's last token, where its span ends. */
  last: IToken;
}

/**
 * Builds the AST of src/ast/types.ts for both parsers (the fast path in grammar/fast-parser.ts and the embedded
 * actions of grammar/parser.ts): one method per construct, taking the tokens and sub-results the grammar
 * matched. Gives every node its span, decodes literals (grammar/literals.ts), attaches `///` docs and reports
 * the errors the grammar leaves to it.
 */
export class AstBuilder {
  private readonly literals: LiteralDecoder;
  readonly imports: A.Import[] = [];

  constructor(
    private readonly src: SourceText,
    private readonly docs: Map<number, string>,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.literals = new LiteralDecoder(src, diagnostics);
  }

  /** The file: its items, the imports met on the way, and its comments. */
  file(items: A.Item[], comments: A.Comment[]): A.File {
    return { type: 'File', path: this.src.path, span: this.span(0, this.src.text.length), imports: this.imports, items, comments };
  }

  /** The items of a block or file; imports are valid only at the top of the file. Null marks a skipped statement. */
  items(results: (Statement | null)[], topLevel: boolean): A.Item[] {
    const items: A.Item[] = [];
    let seenOther = false;
    for (const r of results) {
      if (r === null || r === undefined) {
        seenOther = true;
      } else if (r.type === 'Import') {
        if (topLevel && !seenOther) this.imports.push(r);
        else this.diagnostics.push(diag(syntaxCodes.misplacedImport, this.span(r.span.start, r.span.start + 6), {}));
      } else {
        seenOther = true;
        items.push(r);
      }
    }
    return items.slice();
  }

  importStmt(kw: IToken, str: IToken): A.Import {
    const path = this.literals.string(str.image, str.startOffset, str.tokenType !== T.UnterminatedString).text;
    return { type: 'Import', span: this.between(kw, str), path, pathSpan: this.tokenSpan(str) };
  }

  kindDecl(kw: IToken, name: IToken, block: Block): A.KindDecl {
    const decl: A.KindDecl = { type: 'KindDecl', span: this.between(kw, block.close), name: this.name(name), body: block.items };
    return this.withDoc(decl, kw.startOffset);
  }

  flowDecl(kw: IToken, name: IToken, block: Block): A.FlowDecl {
    const decl: A.FlowDecl = { type: 'FlowDecl', span: this.between(kw, block.close), name: this.name(name), body: block.items };
    return this.withDoc(decl, kw.startOffset);
  }

  connection(kw: IToken, ends: A.Ref[], block: Block | undefined): A.Connection {
    const end = block ? endOf(block.close) : ends[ends.length - 1].span.end;
    const conn: A.Connection = {
      type: 'Connection', span: this.span(kw.startOffset, end), keyword: kw.tokenType === T.Link ? 'link' : 'control', ends: exact(ends),
    };
    if (block) conn.body = block.items;
    return conn;
  }

  bearer(kw: IToken, ue: A.Ref, via: A.Ref[], block: Block | undefined): A.Bearer {
    const end = block ? endOf(block.close) : via[via.length - 1].span.end;
    const bearer: A.Bearer = { type: 'Bearer', span: this.span(kw.startOffset, end), ue, via: exact(via) };
    if (block) bearer.body = block.items;
    return bearer;
  }

  assert(kw: IToken, soft: IToken | undefined, words: A.Atom[], checks: { checks: A.Check[] } | undefined, last: IToken): A.Assert {
    return { type: 'Assert', span: this.between(kw, last), soft: soft !== undefined, words: words.slice(), checks: (checks?.checks ?? []).slice() };
  }

  check(field: IToken[], op: IToken, value: A.Atom | undefined): A.Check {
    const names = field.map((t) => this.name(t));
    const fieldSpan = this.pathSpan(names);
    const check: A.Check = {
      type: 'Check', span: this.span(fieldSpan.start, value ? value.span.end : endOf(op)),
      field: names, fieldSpan, op: op.image as A.Check['op'], opSpan: this.tokenSpan(op),
    };
    if (value) check.value = value;
    return check;
  }

  property(path: IToken[], values: A.Term[]): A.Property {
    const key = path.map((t) => this.name(t));
    const keySpan = this.pathSpan(key);
    return { type: 'Property', span: this.span(keySpan.start, values[values.length - 1].span.end), key, keySpan, values: exact(values) };
  }

  decl(path: IToken[], p: DeclParts): A.Decl {
    if (p.before && p.after) this.diagnostics.push(diag(syntaxCodes.duplicatePrimary, this.tokenSpan(p.after), {}));
    const decl: A.Decl = { type: 'Decl', span: this.between(path[0], p.last), kind: this.pathRef(path), name: this.name(p.name) };
    const primary = p.before ?? p.after;
    if (primary) decl.primary = this.literal(primary);
    if (p.on) decl.on = p.on;
    if (p.in) decl.in = p.in;
    if (p.block) {
      decl.body = p.block.items;
      decl.bodySpan = this.between(p.block.open, p.block.close);
    }
    return this.withDoc(decl, path[0].startOffset);
  }

  /** A lone word is a flag; a lone dotted key lacks its value. */
  flag(path: IToken[], next: IToken): A.Flag | null {
    if (path.length > 1) {
      const after = `\`${path.map((w) => w.image).join('.')}\``;
      this.diagnostics.push(diag(syntaxCodes.syntaxError, this.span(next.startOffset, next.startOffset),
        { expected: '`:`', after, found: describeToken(next) }, { help: 'a dotted key needs a value: `KEY: VALUE`' }));
      return null;
    }
    return { type: 'Flag', span: this.tokenSpan(path[0]), name: this.name(path[0]) };
  }

  /** A statement or check that cannot start with its first token. */
  stray(first: IToken, expected: string): null {
    this.diagnostics.push(diag(syntaxCodes.syntaxError, this.tokenSpan(first), { expected, after: null, found: describeToken(first) }));
    return null;
  }

  term(atoms: A.Atom[], arrow: A.Atom[] | undefined): A.Term {
    const last = (arrow ?? atoms)[(arrow ?? atoms).length - 1];
    const span = last === atoms[0] ? last.span : this.span(atoms[0].span.start, last.span.end);
    const term: A.Term = { type: 'Term', span, atoms: exact(atoms) };
    if (arrow) term.arrow = exact(arrow);
    return term;
  }

  literal(t: IToken): A.Atom {
    if (t.tokenType === T.MacLike) return this.literals.mac(t.image, t.startOffset);
    if (t.tokenType === T.PortLike) return this.literals.port(t.image, t.startOffset);
    return this.literals.numberLike(t.image, t.startOffset);
  }

  stringAtom(t: IToken): A.Atom {
    return this.literals.stringAtom(t.image, t.startOffset, t.tokenType !== T.UnterminatedString);
  }

  op(t: IToken): A.Op {
    return { type: 'Op', span: this.tokenSpan(t), value: t.image };
  }

  /** A reference written as dotted words (`carrier.a2`), or a keyword used as a word. */
  pathRef(path: IToken[]): A.Ref {
    const parts = path.map((t) => this.name(t));
    return { type: 'Ref', span: this.pathSpan(parts), parts };
  }

  ref(parts: IToken[]): A.Ref {
    return this.pathRef(parts);
  }

  /** A name from a word or a quoted string. */
  private name(t: IToken): A.Name {
    if (t.tokenType !== T.StringLit && t.tokenType !== T.UnterminatedString) {
      return { type: 'Name', span: this.tokenSpan(t), text: t.image, quoted: false };
    }
    const { text } = this.literals.string(t.image, t.startOffset, t.tokenType === T.StringLit);
    return { type: 'Name', span: this.tokenSpan(t), text, quoted: true };
  }

  private withDoc<N extends { doc?: string }>(node: N, start: number): N {
    const doc = this.docs.get(start);
    if (doc !== undefined) node.doc = doc;
    return node;
  }

  /** The span of dotted names; a single name (the common case) shares its span object (spans are never mutated). */
  private pathSpan(names: A.Name[]): Span {
    return names.length === 1 ? names[0].span : this.span(names[0].span.start, names[names.length - 1].span.end);
  }

  private span(start: number, end: number): OffsetSpan {
    return new OffsetSpan(this.src, start, end);
  }

  private tokenSpan(t: IToken): Span {
    return this.span(t.startOffset, endOf(t));
  }

  private between(first: IToken, last: IToken): Span {
    return this.span(first.startOffset, Math.max(first.startOffset, endOf(last)));
  }
}

/**
 * The array without the spare capacity that growing it by push leaves (up to 16 slots): the AST lives as long
 * as the program, and a large file has hundreds of thousands of these arrays. The parsers start these lists
 * as `[first]` (exact) and push only the rest; lists started empty (items, assertion words, checks) are
 * copied whatever their length.
 */
function exact<T>(items: T[]): T[] {
  return items.length > 1 ? items.slice() : items;
}

/** End offset, exclusive. Synthetic tokens (grammar/token-stream.ts) have an empty span. */
function endOf(t: IToken): number {
  return t.endOffset! < t.startOffset ? t.startOffset : t.startOffset + t.image.length;
}

import type { IToken } from './chevrotain.js';
import type * as A from '../src/ast/types.js';
import { diag, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { syntaxCodes } from '../src/diagnostics/codes/syntax.js';
import { OffsetSpan, type SourceText, type Span } from '../src/diagnostics/span.js';
import { LiteralDecoder } from './literals.js';
import { describeToken } from './messages.js';
import { bearerNode, connectionNode, declNode, flagNode, nameNode, opNode, pathRefNode, propertyNode, termNode, wordRefNode } from './nodes.js';
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
 * the errors the grammar leaves to it. The frequent nodes are made by grammar/nodes.ts.
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
    return connectionNode(this.src, kw.startOffset, end, kw.tokenType === T.Link ? 'link' : 'control', ends, block?.items);
  }

  bearer(kw: IToken, ue: A.Ref, via: A.Ref[], block: Block | undefined): A.Bearer {
    const end = block ? endOf(block.close) : via[via.length - 1].span.end;
    return bearerNode(this.src, kw.startOffset, end, ue, exact(via), block?.items);
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
    const end = values[values.length - 1].span.end;
    const key = path.length === 1 ? this.name(path[0]) : path.map((t) => this.name(t));
    return propertyNode(this.src, path[0].startOffset, end, key, values.length === 1 ? values[0] : exact(values));
  }

  decl(path: IToken[], p: DeclParts): A.Decl {
    if (p.before && p.after) this.diagnostics.push(diag(syntaxCodes.duplicatePrimary, this.tokenSpan(p.after), {}));
    const start = path[0].startOffset;
    const primary = p.before ?? p.after;
    const block = p.block;
    return declNode(this.src, start, Math.max(start, endOf(p.last)), {
      kind: this.pathRef(path), name: this.name(p.name), primary: primary && this.literal(primary), on: p.on, in: p.in,
      doc: this.docs.get(start), body: block?.items,
      bodyStart: block ? block.open.startOffset : -1, bodyEnd: block ? Math.max(block.open.startOffset, endOf(block.close)) : -1,
    });
  }

  /** A lone word is a flag; a lone dotted key lacks its value. */
  flag(path: IToken[], next: IToken): A.Flag | null {
    if (path.length > 1) {
      const after = `\`${path.map((w) => w.image).join('.')}\``;
      this.diagnostics.push(diag(syntaxCodes.syntaxError, this.span(next.startOffset, next.startOffset),
        { expected: '`:`', after, found: describeToken(next) }, { help: 'a dotted key needs a value: `KEY: VALUE`' }));
      return null;
    }
    const t = path[0];
    return flagNode(this.src, t.startOffset, endOf(t), t.image);
  }

  /** A statement or check that cannot start with its first token. */
  stray(first: IToken, expected: string): null {
    this.diagnostics.push(diag(syntaxCodes.syntaxError, this.tokenSpan(first), { expected, after: null, found: describeToken(first) }));
    return null;
  }

  /** A term; one atom alone is its own term (see grammar/nodes.ts). */
  term(atoms: A.Atom[], arrow: A.Atom[] | undefined): A.Term {
    if (!arrow && atoms.length === 1) return atoms[0] as A.Atom & A.Term;
    const last = (arrow ?? atoms)[(arrow ?? atoms).length - 1];
    return termNode(this.src, atoms[0].span.start, last.span.end, exact(atoms), arrow && exact(arrow));
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
    return opNode(this.src, t.startOffset, endOf(t), t.image);
  }

  /** A reference written as dotted words (`carrier.a2`), or a keyword used as a word. */
  pathRef(path: IToken[]): A.Ref {
    if (path.length === 1) {
      const t = path[0];
      return wordRefNode(this.src, t.startOffset, endOf(t), this.nameText(t));
    }
    const parts = path.map((t) => this.name(t));
    return pathRefNode(this.src, parts[0].span.start, parts[parts.length - 1].span.end, parts);
  }

  ref(parts: IToken[]): A.Ref {
    return this.pathRef(parts);
  }

  /** A name from a word or a quoted string. */
  private name(t: IToken): A.Name {
    return nameNode(this.src, t.startOffset, endOf(t), this.nameText(t));
  }

  /** A word's text, or a quoted name's value (the node tells it was quoted from the source). */
  private nameText(t: IToken): string {
    if (t.tokenType !== T.StringLit && t.tokenType !== T.UnterminatedString) return t.image;
    return this.literals.string(t.image, t.startOffset, t.tokenType === T.StringLit).text;
  }

  private withDoc<N extends { doc?: string }>(node: N, start: number): N {
    const doc = this.docs.get(start);
    if (doc !== undefined) node.doc = doc;
    return node;
  }

  /** The span of dotted names. */
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

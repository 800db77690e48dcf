import type { CstElement, CstNode, IToken } from 'chevrotain';
import type * as A from '../src/ast/types.js';
import { diag, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { syntaxCodes } from '../src/diagnostics/codes/syntax.js';
import type { Span, SourceText } from '../src/diagnostics/span.js';
import { LiteralDecoder } from './literals.js';
import { describeToken } from './messages.js';
import * as T from './tokens.js';

type Children = Record<string, CstElement[] | undefined>;
type Recovered = CstNode & { recoveredNode?: boolean };

/**
 * Builds the AST of src/ast/types.ts from the parser's CST. Statements the parser recovered from are
 * dropped (their error is already reported); everything else gets a span and decoded literals.
 */
export class AstBuilder {
  private readonly literals: LiteralDecoder;
  private readonly imports: A.Import[] = [];

  constructor(
    private readonly src: SourceText,
    private readonly docs: Map<number, string>,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.literals = new LiteralDecoder(src, diagnostics);
  }

  file(cst: CstNode, comments: A.Comment[]): A.File {
    const items = this.statements(nodes(cst.children, 'statements')[0], true);
    return { type: 'File', path: this.src.path, span: this.src.span(0, this.src.text.length), imports: this.imports, items, comments };
  }

  private statements(node: CstNode | undefined, topLevel: boolean): A.Item[] {
    const items: A.Item[] = [];
    for (const stmt of nodes(node?.children ?? {}, 'statement') as Recovered[]) {
      if (stmt.recoveredNode) continue;
      const c = stmt.children;
      const importNode = nodes(c, 'importStmt')[0];
      if (importNode) {
        this.importStmt(importNode, topLevel && items.length === 0);
        continue;
      }
      const item = this.item(c);
      if (item) items.push(item);
    }
    return items;
  }

  private item(c: Children): A.Item | null {
    const [kind] = nodes(c, 'kindStmt');
    if (kind) return this.kindStmt(kind);
    const [conn] = nodes(c, 'connection');
    if (conn) return this.connection(conn);
    const [bearer] = nodes(c, 'bearer');
    if (bearer) return this.bearer(bearer);
    const [flow] = nodes(c, 'flow');
    if (flow) return this.flow(flow);
    const [assert] = nodes(c, 'assert');
    if (assert) return this.assert(assert);
    const [headed] = nodes(c, 'headed');
    if (headed) return this.headed(headed, tokens(c, 'Terminator')[0]);
    this.stray(nodes(c, 'stray')[0], 'a statement');
    return null;
  }

  private importStmt(node: CstNode, allowed: boolean): void {
    const kw = tokens(node.children, 'Import')[0];
    const str = tokens(node.children, 'String')[0];
    const span = this.range(kw, str);
    if (!allowed) {
      this.diagnostics.push(diag(syntaxCodes.misplacedImport, this.tokenSpan(kw), {}));
      return;
    }
    const path = this.literals.string(str.image, str.startOffset, str.tokenType !== T.UnterminatedString) ?? str.image;
    this.imports.push({ type: 'Import', span, path, pathSpan: this.tokenSpan(str) });
  }

  private kindStmt(node: CstNode): A.KindDecl {
    const c = node.children;
    const kw = tokens(c, 'Kind')[0];
    const block = nodes(c, 'block')[0];
    const decl: A.KindDecl = {
      type: 'KindDecl', span: this.range(kw, lastToken(block)), name: this.name(nodes(c, 'name')[0]), body: this.block(block),
    };
    return this.withDoc(decl, kw);
  }

  private flow(node: CstNode): A.FlowDecl {
    const c = node.children;
    const kw = tokens(c, 'Flow')[0];
    const block = nodes(c, 'block')[0];
    const decl: A.FlowDecl = {
      type: 'FlowDecl', span: this.range(kw, lastToken(block)), name: this.name(nodes(c, 'name')[0]), body: this.block(block),
    };
    return this.withDoc(decl, kw);
  }

  private connection(node: CstNode): A.Connection {
    const c = node.children;
    const kw = tokens(c, 'Link')[0] ?? tokens(c, 'Control')[0];
    const ends = nodes(c, 'ref').map((r) => this.ref(r));
    const block = nodes(c, 'block')[0];
    const conn: A.Connection = {
      type: 'Connection', span: this.range(kw, block ? lastToken(block) : lastToken(node)),
      keyword: kw.tokenType === T.Link ? 'link' : 'control', ends,
    };
    if (block) conn.body = this.block(block);
    return conn;
  }

  private bearer(node: CstNode): A.Bearer {
    const c = node.children;
    const kw = tokens(c, 'Bearer')[0];
    const [ue, ...via] = nodes(c, 'ref').map((r) => this.ref(r));
    const block = nodes(c, 'block')[0];
    const bearer: A.Bearer = { type: 'Bearer', span: this.range(kw, lastToken(node)), ue, via };
    if (block) bearer.body = this.block(block);
    return bearer;
  }

  private assert(node: CstNode): A.Assert {
    const c = node.children;
    const kw = tokens(c, 'Assert')[0];
    const words = nodes(c, 'assertWord').map((w) => this.assertWord(w));
    const checks: A.Check[] = [];
    const block = nodes(c, 'checks')[0];
    for (const check of nodes(block?.children ?? {}, 'check') as Recovered[]) {
      if (check.recoveredNode) continue;
      const built = this.check(check);
      if (built) checks.push(built);
    }
    return { type: 'Assert', span: this.range(kw, lastToken(node)), soft: tokens(c, 'Soft').length > 0, words, checks };
  }

  private assertWord(node: CstNode): A.Atom {
    const c = node.children;
    const [ref] = nodes(c, 'ref');
    if (ref) return this.ref(ref);
    const [lit] = tokens(c, 'Literal');
    if (lit) return this.literal(lit);
    const tok = firstToken(node);
    return { type: 'Op', span: this.tokenSpan(tok), value: tok.image };
  }

  private check(node: CstNode): A.Check | null {
    const c = node.children;
    const [path] = nodes(c, 'path');
    if (!path) {
      this.stray(nodes(c, 'stray')[0], 'a check');
      return null;
    }
    const field = this.pathNames(path);
    const opTok = tokens(c, 'CompareOp')[0] ?? tokens(c, 'In')[0] ?? tokens(c, 'Exists')[0];
    const [valueNode] = nodes(c, 'atom');
    const value = valueNode ? this.atom(valueNode) : undefined;
    const check: A.Check = {
      type: 'Check', span: this.range(firstToken(path), valueNode ? lastToken(valueNode) : opTok),
      field, fieldSpan: this.range(firstToken(path), lastToken(path)), op: opTok.image as A.Check['op'], opSpan: this.tokenSpan(opTok),
    };
    if (value) check.value = value;
    return check;
  }

  /** A property (`key: values`), a declaration (`KIND … NAME …`) or a flag (a lone word). */
  private headed(node: CstNode, terminator: IToken | undefined): A.Item | null {
    const c = node.children;
    const path = nodes(c, 'path')[0];
    const [values] = nodes(c, 'values');
    if (values) {
      const key = this.pathNames(path);
      const keySpan = this.range(firstToken(path), lastToken(path));
      const terms = nodes(values.children, 'term').map((t) => this.term(t));
      return { type: 'Property', span: this.range(firstToken(path), lastToken(values)), key, keySpan, values: terms };
    }
    const [rest] = nodes(c, 'declRest');
    if (rest) return this.decl(path, rest);
    const words = tokens(path.children, 'Identifier');
    if (words.length > 1) {
      const after = `\`${words.map((w) => w.image).join('.')}\``;
      this.diagnostics.push(diag(syntaxCodes.syntaxError, this.tokenSpan(terminator ?? lastToken(path), true),
        { expected: '`:`', after, found: describeToken(terminator) }, { help: 'a dotted key needs a value: `KEY: VALUE`' }));
      return null;
    }
    return { type: 'Flag', span: this.tokenSpan(words[0]), name: this.word(words[0]) };
  }

  private decl(path: CstNode, rest: CstNode): A.Decl {
    const c = rest.children;
    const name = this.name(nodes(c, 'name')[0]);
    const [first, second] = tokens(c, 'Literal');
    if (second) this.diagnostics.push(diag(syntaxCodes.duplicatePrimary, this.tokenSpan(second), {}));
    const refs = nodes(c, 'ref');
    const hasOn = tokens(c, 'On').length > 0;
    const hasIn = tokens(c, 'In').length > 0;
    const block = nodes(c, 'block')[0];
    const decl: A.Decl = {
      type: 'Decl', span: this.range(firstToken(path), lastToken(rest)), kind: this.pathRef(path), name,
    };
    if (first) decl.primary = this.literal(first);
    if (hasOn) decl.on = this.ref(refs[0]);
    if (hasIn) decl.in = this.ref(refs[hasOn ? 1 : 0]);
    if (block) {
      decl.body = this.block(block);
      decl.bodySpan = this.range(firstToken(block), lastToken(block));
    }
    return this.withDoc(decl, firstToken(path));
  }

  private term(node: CstNode): A.Term {
    const [lhs, rhs] = nodes(node.children, 'atoms');
    const term: A.Term = { type: 'Term', span: this.range(firstToken(node), lastToken(node)), atoms: this.atoms(lhs) };
    if (rhs) term.arrow = this.atoms(rhs);
    return term;
  }

  /** Atoms in source order, with touching colons kept as `Op` atoms. */
  private atoms(node: CstNode): A.Atom[] {
    const atoms = nodes(node.children, 'atom').map((a) => this.atom(a));
    const colons = tokens(node.children, 'Colon');
    if (colons.length === 0) return atoms;
    const ops: A.Atom[] = colons.map((t) => ({ type: 'Op', span: this.tokenSpan(t), value: ':' }));
    return [...atoms, ...ops].sort((x, y) => x.span.start - y.span.start);
  }

  private atom(node: CstNode): A.Atom {
    const c = node.children;
    const [path] = nodes(c, 'path');
    if (path) return this.pathRef(path);
    const [str] = tokens(c, 'String');
    if (str) return this.literals.stringAtom(str.image, str.startOffset, str.tokenType !== T.UnterminatedString);
    const [lit] = tokens(c, 'Literal');
    if (lit) return this.literal(lit);
    // A keyword used as a plain word in a value (`bgp: on`).
    const kw = tokens(c, 'Keyword')[0];
    const name = this.word(kw);
    return { type: 'Ref', span: name.span, parts: [name] };
  }

  private literal(t: IToken): A.Atom {
    if (t.tokenType === T.MacLike) return this.literals.mac(t.image, t.startOffset);
    if (t.tokenType === T.PortLike) return this.literals.port(t.image, t.startOffset);
    return this.literals.numberLike(t.image, t.startOffset);
  }

  private block(node: CstNode): A.Item[] {
    return this.statements(nodes(node.children, 'statements')[0], false);
  }

  private stray(node: CstNode, expected: string): void {
    const first = firstToken(node);
    this.diagnostics.push(diag(syntaxCodes.syntaxError, this.tokenSpan(first), { expected, after: null, found: describeToken(first) }));
  }

  private pathNames(path: CstNode): A.Name[] {
    return tokens(path.children, 'Identifier').map((t) => this.word(t));
  }

  private pathRef(path: CstNode): A.Ref {
    return { type: 'Ref', span: this.range(firstToken(path), lastToken(path)), parts: this.pathNames(path) };
  }

  private ref(node: CstNode): A.Ref {
    return { type: 'Ref', span: this.range(firstToken(node), lastToken(node)), parts: nodes(node.children, 'name').map((n) => this.name(n)) };
  }

  private name(node: CstNode): A.Name {
    const [id] = tokens(node.children, 'Identifier');
    if (id) return this.word(id);
    const str = tokens(node.children, 'String')[0];
    const text = this.literals.string(str.image, str.startOffset, str.tokenType !== T.UnterminatedString) ?? str.image;
    return { type: 'Name', span: this.tokenSpan(str), text, quoted: true };
  }

  private word(t: IToken): A.Name {
    return { type: 'Name', span: this.tokenSpan(t), text: t.image, quoted: false };
  }

  private withDoc<N extends { doc?: string }>(node: N, first: IToken): N {
    const doc = this.docs.get(first.startOffset);
    if (doc !== undefined) node.doc = doc;
    return node;
  }

  /** A token's span; `atStart` makes it zero-width (for "found end of line" errors). */
  private tokenSpan(t: IToken, atStart = false): Span {
    return this.src.span(t.startOffset, atStart ? t.startOffset : tokenEnd(t));
  }

  private range(first: IToken, last: IToken): Span {
    return this.src.span(first.startOffset, Math.max(first.startOffset, tokenEnd(last)));
  }
}

/** Synthetic tokens (added by grammar/token-stream.ts) are zero-width. */
function tokenEnd(t: IToken): number {
  return t.endOffset! < t.startOffset ? t.startOffset : t.startOffset + t.image.length;
}

function nodes(children: Children, key: string): CstNode[] {
  return (children[key] ?? []) as CstNode[];
}

function tokens(children: Children, key: string): IToken[] {
  return (children[key] ?? []) as IToken[];
}

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

/** The first / last token under a CST node (children are grouped by name, so compare offsets). */
function firstToken(node: CstNode): IToken {
  let best: IToken | undefined;
  for (const list of Object.values(node.children)) {
    for (const e of list ?? []) {
      const t = isToken(e) ? e : firstToken(e);
      if (best === undefined || t.startOffset < best.startOffset) best = t;
      break; // each list is in source order
    }
  }
  return best!;
}

function lastToken(node: CstNode): IToken {
  let best: IToken | undefined;
  for (const list of Object.values(node.children)) {
    if (!list || list.length === 0) continue;
    const e = list[list.length - 1];
    const t = isToken(e) ? e : lastToken(e);
    if (best === undefined || t.startOffset > best.startOffset) best = t;
  }
  return best!;
}

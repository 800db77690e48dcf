import type * as A from '../src/ast/types.js';
import { OffsetSpan, type SourceText, type Span } from '../src/diagnostics/span.js';

/**
 * The classes of the AST nodes a file has many of (names, references, properties, literals, declarations,
 * links). They implement the interfaces of src/ast/types.ts in as little memory as those allow, because a
 * million-line file has millions of them and they live as long as the program:
 *
 * - A node is its own span: it extends OffsetSpan (source, start, end) and `node.span` is the node itself,
 *   instead of pointing to a span object of its own.
 * - `type` is on the prototype, not in every node.
 * - A list that almost always has one element is stored as that element, and made into an array when read:
 *   a one-name reference is its own name (`parts`), a one-atom term is the atom itself (`atoms`), a property
 *   with one key or one value keeps just that one.
 * - A literal's `raw` text is read from the source when asked for.
 *
 * Because a node is a span, JSON.stringify gives its span (OffsetSpan.toJSON), as a span anywhere should.
 * Rare nodes (the file, imports, comments, kinds, flows, assertions) stay plain objects.
 */
abstract class Syntax extends OffsetSpan {
  get span(): Span {
    return this;
  }
}

/** Put the node's `type` on its class's prototype, where every node of the class finds it. */
function typed(cls: abstract new (...args: never[]) => unknown, type: string): void {
  Object.defineProperty(cls.prototype, 'type', { value: type });
}

/** An atom is also a one-atom term (see A.Term): its `atoms` are itself, and it has no arrow. */
abstract class AtomSyntax extends Syntax {
  get atoms(): A.Atom[] {
    return [this as unknown as A.Atom];
  }
}

export class NameNode extends Syntax implements A.Name {
  declare readonly text: string;
  declare readonly quoted: boolean;

  constructor(src: SourceText, start: number, end: number, text: string, quoted: boolean) {
    super(src, start, end);
    this.text = text;
    this.quoted = quoted;
  }
}

/** A reference of one name, which is also that name. */
export class WordRef extends AtomSyntax implements A.Ref, A.Name {
  declare readonly type: 'Ref';

  declare readonly text: string;
  declare readonly quoted: boolean;

  constructor(src: SourceText, start: number, end: number, text: string, quoted: boolean) {
    super(src, start, end);
    this.text = text;
    this.quoted = quoted;
  }

  get parts(): A.Name[] {
    return [this];
  }
}
typed(WordRef, 'Ref');

/** A dotted reference: `carrier.a2`. */
export class PathRef extends AtomSyntax implements A.Ref {
  declare readonly type: 'Ref';

  declare readonly parts: A.Name[];

  constructor(src: SourceText, start: number, end: number, parts: A.Name[]) {
    super(src, start, end);
    this.parts = parts;
  }
}
typed(PathRef, 'Ref');

/** A flag is its own name. */
export class FlagNode extends Syntax implements A.Flag, A.Name {
  declare readonly type: 'Flag';

  declare readonly text: string;

  constructor(src: SourceText, start: number, end: number, text: string) {
    super(src, start, end);
    this.text = text;
  }

  get quoted(): boolean {
    return false;
  }

  get name(): A.Name {
    return this;
  }
}
typed(FlagNode, 'Flag');

export class PropertyNode extends Syntax implements A.Property {
  declare readonly type: 'Property';
  /** One key or several (a dotted key), one value or several: read them as `key` and `values`. */
  declare private readonly keyNames: A.Name | A.Name[];
  declare private readonly terms: A.Term | A.Term[];

  constructor(src: SourceText, start: number, end: number, key: A.Name | A.Name[], values: A.Term | A.Term[]) {
    super(src, start, end);
    this.keyNames = key;
    this.terms = values;
  }

  get key(): A.Name[] {
    return Array.isArray(this.keyNames) ? this.keyNames : [this.keyNames];
  }

  get keySpan(): Span {
    const key = this.keyNames;
    return Array.isArray(key) ? new OffsetSpan(this.source, this.start, key[key.length - 1].span.end) : key.span;
  }

  get values(): A.Term[] {
    return Array.isArray(this.terms) ? this.terms : [this.terms];
  }
}
typed(PropertyNode, 'Property');

/** A term of several atoms or with an arrow (a one-atom term is the atom: see AtomSyntax). */
export class TermNode extends Syntax implements A.Term {
  declare readonly atoms: A.Atom[];
  declare readonly arrow: A.Atom[] | undefined;

  constructor(src: SourceText, start: number, end: number, atoms: A.Atom[], arrow: A.Atom[] | undefined) {
    super(src, start, end);
    this.atoms = atoms;
    this.arrow = arrow;
  }
}

export class DeclNode extends Syntax implements A.Decl {
  declare readonly type: 'Decl';
  declare readonly kind: A.Ref;
  declare readonly name: A.Name;
  declare primary: A.Atom | undefined;
  declare on: A.Ref | undefined;
  declare in: A.Ref | undefined;
  declare doc: string | undefined;
  declare body: A.Item[] | undefined;
  /** The span of the `{ … }` body, when there is one (-1 when not). */
  declare private bodyStart: number;
  declare private bodyEnd: number;

  constructor(src: SourceText, start: number, end: number, kind: A.Ref, name: A.Name) {
    super(src, start, end);
    this.kind = kind;
    this.name = name;
    // Every field set, in one order: one hidden class for all declarations.
    this.primary = undefined;
    this.on = undefined;
    this.in = undefined;
    this.doc = undefined;
    this.body = undefined;
    this.bodyStart = -1;
    this.bodyEnd = -1;
  }

  get bodySpan(): Span | undefined {
    return this.bodyStart < 0 ? undefined : new OffsetSpan(this.source, this.bodyStart, this.bodyEnd);
  }

  setBody(items: A.Item[], start: number, end: number): void {
    this.body = items;
    this.bodyStart = start;
    this.bodyEnd = end;
  }
}
typed(DeclNode, 'Decl');

export class ConnectionNode extends Syntax implements A.Connection {
  declare readonly type: 'Connection';

  declare readonly keyword: 'link' | 'control';
  declare readonly ends: A.Ref[];
  declare readonly body: A.Item[] | undefined;

  constructor(src: SourceText, start: number, end: number, keyword: 'link' | 'control', ends: A.Ref[], body: A.Item[] | undefined) {
    super(src, start, end);
    this.keyword = keyword;
    this.ends = ends;
    this.body = body;
  }
}
typed(ConnectionNode, 'Connection');

export class BearerNode extends Syntax implements A.Bearer {
  declare readonly type: 'Bearer';

  declare readonly ue: A.Ref;
  declare readonly via: A.Ref[];
  declare readonly body: A.Item[] | undefined;

  constructor(src: SourceText, start: number, end: number, ue: A.Ref, via: A.Ref[], body: A.Item[] | undefined) {
    super(src, start, end);
    this.ue = ue;
    this.via = via;
    this.body = body;
  }
}
typed(BearerNode, 'Bearer');

/** A literal whose `raw` text is its span's text. */
abstract class LiteralSyntax extends AtomSyntax {
  get raw(): string {
    return this.source.text.slice(this.start, this.end);
  }
}

export class NumberNode extends LiteralSyntax implements A.NumberLit {
  declare readonly type: 'Number';

  declare readonly value: number;
  declare readonly unit: A.Unit | null;
  declare readonly base: number;

  constructor(src: SourceText, start: number, end: number, value: number, unit: A.Unit | null, base: number) {
    super(src, start, end);
    this.value = value;
    this.unit = unit;
    this.base = base;
  }
}
typed(NumberNode, 'Number');

export class Ipv4Node extends LiteralSyntax implements A.Ipv4Lit {
  declare readonly type: 'Ipv4';

  declare readonly addr: number;
  declare readonly prefix: number | null;

  constructor(src: SourceText, start: number, end: number, addr: number, prefix: number | null) {
    super(src, start, end);
    this.addr = addr;
    this.prefix = prefix;
  }
}
typed(Ipv4Node, 'Ipv4');

export class MacNode extends LiteralSyntax implements A.MacLit {
  declare readonly type: 'Mac';

  get value(): string {
    return this.raw.toLowerCase();
  }
}
typed(MacNode, 'Mac');

export class PortNode extends LiteralSyntax implements A.PortLit {
  declare readonly type: 'Port';

  declare readonly protocol: 'tcp' | 'udp' | 'sctp';
  declare readonly port: number;
  declare readonly portEnd: number | null;

  constructor(src: SourceText, start: number, end: number, protocol: 'tcp' | 'udp' | 'sctp', port: number, portEnd: number | null) {
    super(src, start, end);
    this.protocol = protocol;
    this.port = port;
    this.portEnd = portEnd;
  }
}
typed(PortNode, 'Port');

export class InvalidNode extends LiteralSyntax implements A.Invalid {
  declare readonly type: 'Invalid';
}
typed(InvalidNode, 'Invalid');

export class StringNode extends AtomSyntax implements A.StringLit {
  declare readonly type: 'String';

  declare readonly value: string;

  constructor(src: SourceText, start: number, end: number, value: string) {
    super(src, start, end);
    this.value = value;
  }
}
typed(StringNode, 'String');

export class OpNode extends AtomSyntax implements A.Op {
  declare readonly type: 'Op';

  declare readonly value: string;

  constructor(src: SourceText, start: number, end: number, value: string) {
    super(src, start, end);
    this.value = value;
  }
}
typed(OpNode, 'Op');

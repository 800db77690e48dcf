import type * as A from '../src/ast/types.js';
import { OffsetSpan, type SourceText, type Span } from '../src/diagnostics/span.js';

/**
 * How the parser makes the AST nodes a file has many of (names, references, properties, literals,
 * declarations, links): in as little memory as the interfaces of src/ast/types.ts allow, because a
 * million-line file has millions of them and they live as long as the program.
 *
 * - A node is its own span: its prototype is an OffsetSpan's, it holds `source`, `start` and `end`, and
 *   `node.span` is the node itself rather than a span object of its own.
 * - `type` and the getters are on the prototype, not in every node.
 * - A list that almost always has one element is stored as that element and made into an array when read:
 *   a one-name reference is its own name (`parts`), a one-atom term is the atom itself (`atoms`), a property
 *   with one key or one value keeps just that one.
 * - A literal's `raw` text, and whether a name was `quoted`, are read from the source when asked for.
 *
 * Nodes are object literals with a `__proto__`, not class instances: V8 tracks where literals are made and
 * allocates those whose objects survive straight into the old generation, while class instances are all born
 * young and copied twice by the scavenger (that copying was half the parse time).
 *
 * Because a node is a span, JSON.stringify gives its span (OffsetSpan.toJSON), as a span anywhere should.
 * Rare nodes (the file, imports, comments, kinds, flows, assertions) stay plain objects.
 */

/** A prototype below `parent` with the members of each object given (getters stay getters). */
function extend(parent: object, ...members: object[]): object {
  const proto = Object.create(parent) as object;
  for (const m of members) Object.defineProperties(proto, Object.getOwnPropertyDescriptors(m));
  return proto;
}

interface Positioned {
  source: SourceText;
  start: number;
  end: number;
}

const SYNTAX = extend(OffsetSpan.prototype, {
  get span(): Span {
    return this as unknown as Span;
  },
});

/** An atom is also a one-atom term (see A.Term): its `atoms` are itself, and it has no arrow. */
const ATOM = extend(SYNTAX, {
  get atoms(): A.Atom[] {
    return [this as unknown as A.Atom];
  },
});

/** A literal whose `raw` text is its span's text. */
const LITERAL = extend(ATOM, {
  get raw(): string {
    const { source, start, end } = this as unknown as Positioned;
    return source.text.slice(start, end);
  },
});

/** A name is quoted when it was written as a string (its text is then the string's value). */
const QUOTED = {
  get quoted(): boolean {
    const { source, start } = this as unknown as Positioned;
    // start is NaN for a token the recovering parser made up.
    return start >= 0 && source.text.charCodeAt(start) === 34;
  },
};

const NAME = extend(SYNTAX, QUOTED);

/** A reference of one name, which is also that name. */
const WORD_REF = extend(ATOM, QUOTED, {
  type: 'Ref',
  get parts(): A.Name[] {
    return [this as unknown as A.Name];
  },
});

const PATH_REF = extend(ATOM, { type: 'Ref' });

/** A flag is its own name. */
const FLAG = extend(SYNTAX, {
  type: 'Flag',
  quoted: false,
  get name(): A.Name {
    return this as unknown as A.Name;
  },
});

/** Fields behind getters start with `_`: they are storage, not part of the node's interface. */
interface PropertyFields extends Positioned {
  /** One key or several (a dotted key), one value or several: read them as `key` and `values`. */
  _key: A.Name | A.Name[];
  _values: A.Term | A.Term[];
}

const PROPERTY = extend(SYNTAX, {
  type: 'Property',
  get key(): A.Name[] {
    const { _key } = this as unknown as PropertyFields;
    return Array.isArray(_key) ? _key : [_key];
  },
  get keySpan(): Span {
    const { _key, source, start } = this as unknown as PropertyFields;
    return Array.isArray(_key) ? new OffsetSpan(source, start, _key[_key.length - 1].span.end) : _key.span;
  },
  get values(): A.Term[] {
    const { _values } = this as unknown as PropertyFields;
    return Array.isArray(_values) ? _values : [_values];
  },
});

/** A term of several atoms or with an arrow (a one-atom term is the atom: see ATOM). */
const TERM = SYNTAX;

interface DeclFields extends Positioned {
  /** The span of the `{ … }` body, when there is one (-1 when not). */
  _bodyStart: number;
  _bodyEnd: number;
}

const DECL = extend(SYNTAX, {
  type: 'Decl',
  get bodySpan(): Span | undefined {
    const { _bodyStart, _bodyEnd, source } = this as unknown as DeclFields;
    return _bodyStart < 0 ? undefined : new OffsetSpan(source, _bodyStart, _bodyEnd);
  },
});

/** A declaration with nothing but its kind and name (most): the other fields read as undefined. */
const PLAIN_DECL = extend(DECL, {
  get bodySpan(): undefined {
    return undefined;
  },
});

const CONNECTION = extend(SYNTAX, { type: 'Connection' });

/** A connection of two ends (a chain `a -- b -- c` has an array of them). */
const PAIR = extend(CONNECTION, {
  get ends(): A.Ref[] {
    const { _a, _b } = this as unknown as { _a: A.Ref; _b: A.Ref };
    return [_a, _b];
  },
});
const BEARER = extend(SYNTAX, { type: 'Bearer' });
const NUMBER = extend(LITERAL, { type: 'Number' });
const IPV4 = extend(LITERAL, { type: 'Ipv4' });
const MAC = extend(LITERAL, {
  type: 'Mac',
  get value(): string {
    return (this as unknown as A.MacLit).raw.toLowerCase();
  },
});
const PORT = extend(LITERAL, { type: 'Port' });
const INVALID = extend(LITERAL, { type: 'Invalid' });
const STRING = extend(ATOM, { type: 'String' });
const OP = extend(ATOM, { type: 'Op' });

// Each maker is one object literal: V8 decides per literal whether its objects are made in the old generation.

export function nameNode(source: SourceText, start: number, end: number, text: string): A.Name {
  return { __proto__: NAME, source, start, end, text } as unknown as A.Name;
}

export function wordRefNode(source: SourceText, start: number, end: number, text: string): A.Ref {
  return { __proto__: WORD_REF, source, start, end, text } as unknown as A.Ref;
}

export function pathRefNode(source: SourceText, start: number, end: number, parts: A.Name[]): A.Ref {
  return { __proto__: PATH_REF, source, start, end, parts } as unknown as A.Ref;
}

export function flagNode(source: SourceText, start: number, end: number, text: string): A.Flag {
  return { __proto__: FLAG, source, start, end, text } as unknown as A.Flag;
}

export function propertyNode(source: SourceText, start: number, end: number, key: A.Name | A.Name[], values: A.Term | A.Term[]): A.Property {
  return { __proto__: PROPERTY, source, start, end, _key: key, _values: values } as unknown as A.Property;
}

export function termNode(source: SourceText, start: number, end: number, atoms: A.Atom[], arrow: A.Atom[] | undefined): A.Term {
  return { __proto__: TERM, source, start, end, atoms, arrow } as unknown as A.Term;
}

/** A declaration's fields; a declaration that has more than a kind and a name gets all of them (one shape). */
export interface DeclInit {
  kind: A.Ref;
  name: A.Name;
  primary: A.Atom | undefined;
  on: A.Ref | undefined;
  in: A.Ref | undefined;
  doc: string | undefined;
  body: A.Item[] | undefined;
  bodyStart: number;
  bodyEnd: number;
}

export function declNode(source: SourceText, start: number, end: number, d: DeclInit): A.Decl {
  if (!d.primary && !d.on && !d.in && d.doc === undefined && !d.body) return plainDecl(source, start, end, d.kind, d.name);
  return {
    __proto__: DECL, source, start, end, kind: d.kind, name: d.name, primary: d.primary, on: d.on, in: d.in, doc: d.doc,
    body: d.body, _bodyStart: d.bodyStart, _bodyEnd: d.bodyEnd,
  } as unknown as A.Decl;
}

function plainDecl(source: SourceText, start: number, end: number, kind: A.Ref, name: A.Name): A.Decl {
  return { __proto__: PLAIN_DECL, source, start, end, kind, name } as unknown as A.Decl;
}

export function connectionNode(source: SourceText, start: number, end: number, keyword: 'link' | 'control', ends: A.Ref[], body: A.Item[] | undefined): A.Connection {
  if (ends.length === 2) return { __proto__: PAIR, source, start, end, keyword, _a: ends[0], _b: ends[1], body } as unknown as A.Connection;
  // A chain's list was grown by push: keep an exact copy (see `exact` in grammar/build-ast.ts).
  return { __proto__: CONNECTION, source, start, end, keyword, ends: ends.slice(), body } as unknown as A.Connection;
}

export function bearerNode(source: SourceText, start: number, end: number, ue: A.Ref, via: A.Ref[], body: A.Item[] | undefined): A.Bearer {
  return { __proto__: BEARER, source, start, end, ue, via, body } as unknown as A.Bearer;
}

export function numberNode(source: SourceText, start: number, end: number, value: number, unit: A.Unit | null, base: number): A.NumberLit {
  return { __proto__: NUMBER, source, start, end, value, unit, base } as unknown as A.NumberLit;
}

export function ipv4Node(source: SourceText, start: number, end: number, addr: number, prefix: number | null): A.Ipv4Lit {
  return { __proto__: IPV4, source, start, end, addr, prefix } as unknown as A.Ipv4Lit;
}

export function macNode(source: SourceText, start: number, end: number): A.MacLit {
  return { __proto__: MAC, source, start, end } as unknown as A.MacLit;
}

export function portNode(source: SourceText, start: number, end: number, protocol: 'tcp' | 'udp' | 'sctp', port: number, portEnd: number | null): A.PortLit {
  return { __proto__: PORT, source, start, end, protocol, port, portEnd } as unknown as A.PortLit;
}

export function invalidNode(source: SourceText, start: number, end: number): A.Invalid {
  return { __proto__: INVALID, source, start, end } as unknown as A.Invalid;
}

export function stringNode(source: SourceText, start: number, end: number, value: string): A.StringLit {
  return { __proto__: STRING, source, start, end, value } as unknown as A.StringLit;
}

export function opNode(source: SourceText, start: number, end: number, value: string): A.Op {
  return { __proto__: OP, source, start, end, value } as unknown as A.Op;
}

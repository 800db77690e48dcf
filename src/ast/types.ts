import type { Span } from '../diagnostics/span.js';

/**
 * The typed AST of one `.topo` file. Every node carries the span of the text it was built from.
 * The AST is syntax only: names are not resolved and kinds are not bound (that is resolve/'s job),
 * but literals are already decoded and validated (a bad literal becomes an `Invalid` atom plus a diagnostic).
 *
 * Read it through these interfaces only: the parser makes most nodes as the compact objects of
 * grammar/nodes.ts, where a node may be its own span and a list field may be made when read (a new array each
 * time: read it once, and do not spread a node to copy it). Fields that may be getters are read-only.
 */
export interface File {
  type: 'File';
  path: string;
  span: Span;
  imports: Import[];
  items: Item[];
  /** Comments in source order; `///` doc comments are also attached to the item that follows them. */
  comments: Comment[];
}

export interface Comment {
  type: 'Comment';
  span: Span;
  /** `line` = `// …`, `doc` = `/// …`, `block` = `/* … *\/`. */
  style: 'line' | 'doc' | 'block';
  text: string;
}

/** `import "std/lte"` or `import "./common.topo"`. */
export interface Import {
  type: 'Import';
  span: Span;
  /** The path as written, without quotes. */
  path: string;
  pathSpan: Span;
}

/** Anything that may appear at top level or inside a block. Which items fit where is checked in resolve/. */
export type Item = KindDecl | Decl | Property | Flag | Connection | Bearer | FlowDecl | Assert;

/** A name as declared: an identifier or a quoted string (for names that are not identifiers). */
export interface Name {
  readonly span: Span;
  readonly text: string;
  readonly quoted: boolean;
}

/** A reference to a declared name, possibly qualified by its containers: `a2`, `carrier.a2`, `"odd name"`. */
export interface Ref {
  type: 'Ref';
  span: Span;
  /** Outermost first; a plain name (most references) has one. */
  readonly parts: readonly Name[];
  /** The name's text when the reference is one name (most are), without making `parts`; else undefined. */
  readonly text?: string;
}

/** `kind pgw { is: gtp_anchor, router; shape: "box3d" }` — declares a kind from behaviours and defaults. */
export interface KindDecl {
  type: 'KindDecl';
  span: Span;
  name: Name;
  doc?: string;
  body: Item[];
}

/**
 * An instance of a kind: `KIND [LITERAL] NAME [LITERAL] [on REF] [in REF] [{ body }]`.
 * `router a2`, `as 64500 carrier { … }`, `subnet web 192.168.1.0/24`, `vm haproxy on hostA in web`.
 * The literal (before or after the name) binds to the kind's `primary` property.
 */
export interface Decl {
  type: 'Decl';
  span: Span;
  kind: Ref;
  name: Name;
  primary?: Atom;
  on?: Ref;
  in?: Ref;
  doc?: string;
  /** undefined when the declaration has no `{ … }` block. */
  body?: Item[];
  readonly bodySpan?: Span;
}

/** `key: value, value` — a key may be dotted (`a2.local_pref: 200`) to address one end of a link. */
export interface Property {
  type: 'Property';
  span: Span;
  readonly key: readonly Name[];
  readonly keySpan: Span;
  readonly values: readonly Term[];
}

/** A bare word on its own: `ebgp`, `route_reflector`, `idempotency_key`. */
export interface Flag {
  type: 'Flag';
  span: Span;
  readonly name: Name;
}

/**
 * One comma-separated element of a property's value: atoms separated by spaces, optionally `-> atoms`.
 * The parser gives a term of one atom as the atom itself (every atom it builds is also a Term).
 */
export interface Term {
  span: Span;
  readonly atoms: readonly Atom[];
  /** The right-hand side of `->`, e.g. `public: 198.51.100.10 -> haproxy`. */
  readonly arrow?: readonly Atom[];
}

/**
 * `link a -- b { … }` (a physical link; a chain `a -- b -- c` is two links) and
 * `control a -- b -- c` (signalling adjacency, e.g. S1-MME and S6a).
 */
export interface Connection {
  type: 'Connection';
  span: Span;
  keyword: 'link' | 'control';
  readonly ends: readonly Ref[];
  body?: Item[];
}

/** `bearer phone via enb, sgw, pgw { … }` — a mobile bearer and its GTP-U tunnels. */
export interface Bearer {
  type: 'Bearer';
  span: Span;
  ue: Ref;
  via: Ref[];
  body?: Item[];
}

/** `flow order { from: phone; to: "https://shop.example.com/orders"; … }` */
export interface FlowDecl {
  type: 'FlowDecl';
  span: Span;
  name: Name;
  doc?: string;
  body: Item[];
}

/**
 * `assert [soft] WORDS… [{ CHECKS }]`. The words keep their order and separators (`->`, `--`, `,`, `:`,
 * comparison operators) so that assert/ can interpret the forms (`order reaches orderdb`,
 * `not reachable internet -> controller`, `order at sgw -> pgw { … }`) and point at any word.
 */
export interface Assert {
  type: 'Assert';
  span: Span;
  soft: boolean;
  words: Atom[];
  checks: Check[];
}

/** `outer.ip.src == sgw`, `gtpu.teid exists`, `pathMtu >= 1400`, `ip.src in 100.64.0.0/10`. */
export interface Check {
  type: 'Check';
  span: Span;
  field: Name[];
  fieldSpan: Span;
  op: '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'exists';
  opSpan: Span;
  value?: Atom;
}

export type Atom =
  | Ref
  | StringLit
  | NumberLit
  | Ipv4Lit
  | MacLit
  | PortLit
  | Op
  | Invalid;

export interface StringLit {
  type: 'String';
  span: Span;
  value: string;
}

/** A number with an optional unit, already validated: `1500B`, `1Gbps`, `10ms`, `5%`, `64500`, `0x11`. */
export interface NumberLit {
  type: 'Number';
  span: Span;
  readonly raw: string;
  /** The number as written, in its unit (10 for `10ms`). */
  value: number;
  unit: Unit | null;
  /** The value in the unit's base: bytes, bits/s, seconds, fraction (5% → 0.05); equals `value` with no unit. */
  base: number;
}

export type Unit = 'B' | 'KB' | 'MB' | 'GB' | 'bps' | 'Kbps' | 'Mbps' | 'Gbps' | 'us' | 'ms' | 's' | 'min' | 'h' | '%';

/** `10.0.1.2`, `10.0.1.0/24`, `10.0.1.2/24` (an interface address with its prefix length). */
export interface Ipv4Lit {
  type: 'Ipv4';
  span: Span;
  readonly raw: string;
  /** The address as an unsigned 32-bit integer. */
  addr: number;
  prefix: number | null;
}

export interface MacLit {
  type: 'Mac';
  span: Span;
  readonly raw: string;
  /** Lower-case, colon-separated, six octets. */
  readonly value: string;
}

/** `tcp/443`, `udp/53`, `tcp/8000-8010`. */
export interface PortLit {
  type: 'Port';
  span: Span;
  readonly raw: string;
  protocol: 'tcp' | 'udp' | 'sctp';
  port: number;
  portEnd: number | null;
}

/** A separator or operator kept inside assertion words: `->`, `--`, `,`, `:`, `==`, `>=`, … and keywords `not`, `in`, `via`, `on`. */
export interface Op {
  type: 'Op';
  span: Span;
  value: string;
}

/** A literal that failed validation; its diagnostic was already reported. Later stages skip it silently. */
export interface Invalid {
  type: 'Invalid';
  span: Span;
  readonly raw: string;
}


import type { Assert, Unit } from '../ast/types.js';
import type { Span } from '../diagnostics/span.js';
import type { Behaviour, Nature, PropTable } from './behaviours.js';
import { DefaultedProps } from './defaults.js';

/**
 * The resolved program: every file's declarations joined, every name bound, every property typed.
 * Plain data (no methods) consumed by check/, the network model, the control plane and the diagrams.
 * Node ids are indices into `Program.nodes`; references between records are ids, never object pointers.
 */
export type NodeId = number;
export type ScopeId = number;

/** A typed property value. Every value keeps the span it came from (built-in defaults: see Prop.values). */
export type Value =
  | { kind: 'ip'; addr: number; span: Span }
  /** `len` is null when written without `/len`: the interface takes its link subnet's length. */
  | { kind: 'iface'; addr: number; len: number | null; span: Span }
  | { kind: 'prefix'; addr: number; len: number; span: Span }
  | { kind: 'mac'; value: string; span: Span }
  | { kind: 'port'; protocol: 'tcp' | 'udp' | 'sctp'; port: number; portEnd: number | null; span: Span }
  | { kind: 'number'; value: number; span: Span }
  /** A number with a unit; `base` is in bytes, bits/s, seconds or a fraction. */
  | { kind: 'quantity'; unit: Unit; value: number; base: number; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'word'; value: string; span: Span }
  | { kind: 'flag'; span: Span }
  | { kind: 'ref'; node: NodeId; span: Span }
  /** `NODE:PORT` (a flow destination). */
  | { kind: 'nodePort'; node: NodeId; port: PortValue; span: Span }
  | { kind: 'arrow'; from: Value; to: Value; span: Span };

export type PortValue = Extract<Value, { kind: 'port' }>;
export type PrefixValue = Extract<Value, { kind: 'prefix' }>;
export type IfaceValue = Extract<Value, { kind: 'iface' }>;
export type RefValue = Extract<Value, { kind: 'ref' }>;

/** A value without its span: how the behaviour registry writes built-in defaults. */
export type BareValue = Value extends infer V ? (V extends { span: Span } ? Omit<V, 'span'> : never) : never;

/** Where an effective property came from: the declaration, its kind's defaults, or the behaviour's default. */
export type Origin = 'decl' | 'kind' | 'builtin';

export interface Prop {
  key: string;
  /** The key as written; for defaults, the kind's key (origin `kind`) or the declaration's name (`builtin`). */
  keySpan: Span;
  /**
   * Read-only: defaults are shared between declarations. Built-in default values have no source text:
   * their span is BUILTIN_SPAN (file `<builtin>`), so diagnostics about them use `keySpan`.
   * May be made when read (a property's one value is stored without an array): read it once.
   */
  readonly values: Value[];
  origin: Origin;
}

/**
 * Effective properties by key, read-only, in a deterministic order (declaration order, then defaults).
 * A declaration's own properties are stored with it; defaults are shared (see resolve/defaults.ts).
 */
export type Props = ReadonlyMap<string, Prop>;

export interface Kind {
  name: string;
  nameSpan: Span;
  file: string;
  doc?: string;
  /** Own and inherited behaviours, sorted. */
  behaviours: Behaviour[];
  /** Kinds named in `is`, nearest first. */
  bases: string[];
  nature: Nature;
  /** The property set by a declaration's positional literal. */
  primary?: string;
  shape?: string;
  domain?: string;
  /** Defaults from this kind and its bases (the nearest wins). */
  defaults: Props;
  /** Every property a declaration of this kind accepts. */
  accepts: PropTable;
}

export interface Placed {
  node: NodeId;
  span: Span;
}

export interface Node {
  id: NodeId;
  /** The simple name; `qualifiedName(program, id)` gives `carrier.a2`. Read from the declaration, as are the spans and doc. */
  readonly name: string;
  readonly nameSpan: Span;
  readonly span: Span;
  file: string;
  readonly doc?: string;
  /** The kind's name; null when the kind is unknown (already reported: later checks skip the node). */
  kind: string | null;
  readonly kindSpan: Span;
  behaviours: ReadonlySet<Behaviour>;
  nature: Nature;
  /** The enclosing container declaration, or null at file level. */
  container: NodeId | null;
  /** The scope the name is declared in. */
  scope: ScopeId;
  /** For containers: the scope of the body. */
  bodyScope: ScopeId | null;
  on?: Placed;
  in?: Placed;
  props: Props;
}

export interface End {
  node: NodeId;
  span: Span;
}

export interface LinkEnd extends End {
  /**
   * `END.key` properties for this end (`a2.local_pref: 200`). Made when read (see resolve/connections.ts): a new
   * object each time, so compare values, not the object, and do not spread an end expecting to copy them.
   */
  readonly props: Props;
}

export interface Link {
  id: number;
  ends: [LinkEnd, LinkEnd];
  /** The `link` statement (a chain `a -- b -- c` gives two links with the same span). */
  span: Span;
  container: NodeId | null;
  props: Props;
}

export interface Control {
  ends: [End, End];
  span: Span;
}

export interface Bearer {
  ue: End;
  via: End[];
  span: Span;
}

export interface Flow {
  name: string;
  nameSpan: Span;
  span: Span;
  file: string;
  doc?: string;
  container: NodeId | null;
  props: Props;
}

/** An assertion, unresolved: its words are interpreted by assert/, which looks names up from `scope`. */
export interface AssertStmt {
  ast: Assert;
  scope: ScopeId;
}

export interface Scope {
  id: ScopeId;
  parent: ScopeId | null;
  /** The container whose body this is; null for a file scope. */
  node: NodeId | null;
  file: string;
  names: Map<string, NodeId>;
}

/**
 * Every resolved use of a name (link end, placement, property value…), the i-th use in each column: the lint
 * for unused names reads these. Columns rather than one object per use: there are several per declaration.
 */
export interface References {
  spans: Span[];
  targets: NodeId[];
  /** The declaration whose placement or property holds the reference; null for links, flows and bearers. */
  froms: (NodeId | null)[];
}

export interface Program {
  /** Every loaded file, in load order. */
  files: string[];
  /** Files of the standard library (their declarations are exempt from lints). */
  stdFiles: Set<string>;
  kinds: Map<string, Kind>;
  nodes: Node[];
  links: Link[];
  controls: Control[];
  bearers: Bearer[];
  flows: Flow[];
  asserts: AssertStmt[];
  scopes: Scope[];
  /** Nodes by simple name across the whole program: the first declared with each name. */
  byName: Map<string, NodeId>;
  /** Names declared in more than one scope: every declaration, in order (most names are unique). */
  homonyms: Map<string, NodeId[]>;
  references: References;
  /** File-level properties (`link_pool`) by file. */
  fileProps: Map<string, Props>;
}

/** `carrier.a2`: the names of the enclosing containers and the node's own (built when a message needs it). */
export function qualifiedName(program: Pick<Program, 'nodes'>, id: NodeId): string {
  const names: string[] = [];
  for (let c: NodeId | null = id; c !== null; c = program.nodes[c].container) names.push(program.nodes[c].name);
  return names.reverse().join('.');
}

export function hasBehaviour(node: Node, ...behaviours: Behaviour[]): boolean {
  return behaviours.some((b) => node.behaviours.has(b));
}

/** One shared empty list, for the many records that hold none. */
export const NONE: readonly never[] = Object.freeze([]);

/** The values of a property, or none. */
export function values(props: Props, key: string): readonly Value[] {
  return (props instanceof DefaultedProps ? props.valuesFor(key) : props.get(key)?.values) ?? NONE;
}

/** The values of a property that have the given kind (a property may mix kinds, e.g. `answer: ip|ref`). */
export function valuesOf<K extends Value['kind']>(props: Props, key: string, kind: K): readonly Extract<Value, { kind: K }>[] {
  // Straight to the values: DefaultedProps.get makes a Prop for a built-in default, and checks ask often.
  const all = props instanceof DefaultedProps ? props.valuesFor(key) : props.get(key)?.values;
  if (!all) return NONE;
  // Indexed: the frozen arrays of built-in defaults take for…of down the generic iterator, an object per step.
  for (let i = 0; i < all.length; i++) {
    if (all[i].kind !== kind) return all.filter((w): w is Extract<Value, { kind: K }> => w.kind === kind);
  }
  return all as readonly Extract<Value, { kind: K }>[];
}

/**
 * The first value of a property that has the given kind: `valuesOf(props, key, kind)[0]`, without the filtered
 * copy `valuesOf` makes of a list that mixes kinds (the checks ask this of every node and link).
 */
export function firstOf<K extends Value['kind']>(props: Props, key: string, kind: K): Extract<Value, { kind: K }> | undefined {
  const all = values(props, key);
  for (let i = 0; i < all.length; i++) {
    if (all[i].kind === kind) return all[i] as Extract<Value, { kind: K }>;
  }
  return undefined;
}

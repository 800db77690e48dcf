import type { Span } from '../diagnostics/span.js';
import type { PropSpec, PropTable } from './behaviours.js';
import type { Prop, Props, Value } from './program.js';

/** Where built-in default values come from: no source text. Report on the Prop's `keySpan` instead. */
export const BUILTIN_SPAN: Span = Object.freeze({ file: '<builtin>', start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 });

/**
 * What every declaration of one kind (or every link, link end, flow) falls back to, built once and shared:
 * the kind's defaults, the built-in defaults the kind does not override, and the required keys neither gives.
 */
export interface Defaults {
  kind: Props;
  builtin: ReadonlyMap<string, readonly Value[]>;
  /** The values of `kind` and `builtin` in one map: what `valuesOf` falls back to. */
  values: ReadonlyMap<string, readonly Value[]>;
  required: readonly { key: string; spec: PropSpec }[];
  /** The properties of every owner that sets none, when there are no built-in defaults (see withDefaults). */
  bare?: DefaultedProps;
}

const NO_KIND_DEFAULTS: Props = new Map();
const cache = new WeakMap<PropTable, WeakMap<Props, Defaults>>();

export function defaultsFor(table: PropTable, kind: Props = NO_KIND_DEFAULTS): Defaults {
  let byKind = cache.get(table);
  if (!byKind) cache.set(table, (byKind = new WeakMap()));
  let defaults = byKind.get(kind);
  if (!defaults) byKind.set(kind, (defaults = build(table, kind)));
  return defaults;
}

function build(table: PropTable, kind: Props): Defaults {
  const builtin = new Map<string, readonly Value[]>();
  const required: { key: string; spec: PropSpec }[] = [];
  for (const [key, spec] of Object.entries(table)) {
    if (kind.has(key)) continue;
    if (spec.default) builtin.set(key, Object.freeze(spec.default.map((v) => Object.freeze({ ...v, span: BUILTIN_SPAN }) as Value)));
    else if (spec.required) required.push({ key, spec });
  }
  const values = new Map<string, readonly Value[]>(builtin);
  for (const [key, prop] of kind) values.set(key, prop.values);
  return { kind, builtin, values, required };
}

/**
 * A declaration's effective properties: its own over shared defaults, in the order declaration, kind,
 * built-in. Defaults are not copied per declaration (tens of thousands of links each have an `mtu`):
 * a built-in default's Prop is made when asked for, with the owner's span as its `keySpan`.
 */
export class DefaultedProps implements Props {
  /** The declaration's properties, distinct keys (see typeProps). */
  declare private readonly own: readonly Prop[];
  declare private readonly defaults: Defaults;
  declare private readonly ownerSpan: Span;

  /** For properties made when read and soon dropped (a link end's); `kept` for those the program holds. */
  constructor(own: readonly Prop[], defaults: Defaults, ownerSpan: Span) {
    this.own = own;
    this.defaults = defaults;
    this.ownerSpan = ownerSpan;
  }

  /**
   * Properties the program holds (one per declaration and link), made as an object literal, not by `new`:
   * V8 allocates the objects of a literal that mostly survive straight into the old generation, sparing the
   * scavenger their copying, which it does not do for class instances.
   */
  static kept(own: readonly Prop[], defaults: Defaults, ownerSpan: Span): DefaultedProps {
    return { __proto__: DefaultedProps.prototype, own, defaults, ownerSpan } as unknown as DefaultedProps;
  }

  get(key: string): Prop | undefined {
    return this.ownProp(key) ?? this.defaults.kind.get(key) ?? this.builtin(key);
  }

  /** The values `get(key)` would give, without making a Prop for a built-in default. */
  valuesFor(key: string): readonly Value[] | undefined {
    return this.ownProp(key)?.values ?? this.defaults.values.get(key);
  }

  has(key: string): boolean {
    return this.ownProp(key) !== undefined || this.defaults.kind.has(key) || this.defaults.builtin.has(key);
  }

  get size(): number {
    let n = this.own.length;
    for (const key of this.defaults.kind.keys()) if (!this.ownProp(key)) n++;
    for (const key of this.defaults.builtin.keys()) if (!this.ownProp(key)) n++;
    return n;
  }

  *values(): IterableIterator<Prop> {
    yield* this.written();
    for (const key of this.defaults.builtin.keys()) if (!this.ownProp(key)) yield this.builtin(key)!;
  }

  *keys(): IterableIterator<string> {
    for (const prop of this.values()) yield prop.key;
  }

  *entries(): IterableIterator<[string, Prop]> {
    for (const prop of this.values()) yield [prop.key, prop];
  }

  [Symbol.iterator](): IterableIterator<[string, Prop]> {
    return this.entries();
  }

  forEach(fn: (value: Prop, key: string, map: Props) => void): void {
    for (const prop of this.values()) fn(prop, prop.key, this);
  }

  /** Own properties, then the kind's defaults not overridden (no copy when the kind has none: most). */
  written(): readonly Prop[] {
    if (this.defaults.kind.size === 0) return this.own;
    const out = this.own.slice();
    this.defaults.kind.forEach((prop, key) => {
      if (!this.ownProp(key)) out.push(prop);
    });
    return out;
  }

  // An indexed loop: every property lookup comes through here, and for…of over the shared frozen empty list
  // takes the generic iterator, an object per step.
  private ownProp(key: string): Prop | undefined {
    const own = this.own;
    for (let i = 0; i < own.length; i++) if (own[i].key === key) return own[i];
    return undefined;
  }

  private builtin(key: string): Prop | undefined {
    const values = this.defaults.builtin.get(key);
    return values && { key, keySpan: this.ownerSpan, values: values as Value[], origin: 'builtin' };
  }
}

/**
 * The properties the program keeps for an owner: `own` over `defaults`. Owners that set nothing share one
 * object when there are no built-in defaults to point at the owner's span.
 */
export function defaulted(own: readonly Prop[], defaults: Defaults, ownerSpan: Span): DefaultedProps {
  if (own.length === 0 && defaults.builtin.size === 0) return (defaults.bare ??= DefaultedProps.kept(own, defaults, BUILTIN_SPAN));
  return DefaultedProps.kept(own, defaults, ownerSpan);
}

/** The properties a declaration sets itself or takes from its kind: what was written, without built-in defaults. */
export function writtenProps(props: Props): readonly Prop[] {
  return props instanceof DefaultedProps ? props.written() : [...props.values()].filter((p) => p.origin !== 'builtin');
}

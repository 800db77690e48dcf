import type { Flag, Item, Property } from '../ast/types.js';
import { diag } from '../diagnostics/diagnostic.js';
import { resolveCodes } from '../diagnostics/codes/index.js';
import type { Span } from '../diagnostics/span.js';
import { describeType, type PropSpec, type PropTable } from './behaviours.js';
import { defaulted, type Defaults } from './defaults.js';
import { NONE, type Origin, type Prop, type Props, type Value } from './program.js';
import { closest } from './suggest.js';
import { typeTerm, type ValueContext } from './values.js';

export type PropItem = Property | Flag;

export const isProp = (i: Item): i is PropItem => i.type === 'Property' || i.type === 'Flag';

/** A body's properties: the body itself when it holds nothing else (most do), so as not to copy it. */
export function propsOf(body: readonly Item[] | undefined): readonly PropItem[] {
  if (!body || body.length === 0) return NONE;
  let n = 0;
  for (const i of body) if (isProp(i)) n++;
  return n === body.length ? (body as readonly PropItem[]) : n === 0 ? NONE : body.filter(isProp);
}

/**
 * Type a body's properties and flags against the table of what its owner accepts: unknown keys (with a
 * suggestion), duplicates (both sites), flags given a value, several values for a single-valued key.
 * Returns the typed properties in the order written; few per body, so an array searched by key.
 */
export function typeProps(items: readonly PropItem[], table: PropTable, owner: string, ctx: ValueContext, origin: Origin = 'decl'): readonly Prop[] {
  // Most declarations, links and link ends set nothing.
  if (items.length === 0) return NONE;
  // Exact length when every item types (the usual case): arrays grown by push keep spare capacity.
  const props = new Array<Prop>(items.length);
  let n = 0;
  /** Keys given a value that did not type: a later duplicate is still reported. */
  let failed: { key: string; keySpan: Span }[] | undefined;
  for (const item of items) {
    const keys = item.type === 'Flag' ? null : item.key;
    const written = keys === null ? (item as Flag).name.text : keys.length === 1 ? keys[0].text : keys.map((k) => k.text).join('.');
    const keySpan = keys === null ? (item as Flag).name.span : (item as Property).keySpan;
    const key = tableKey(table, written);
    if (key === undefined) {
      const accepted = Object.keys(table).join(', ');
      ctx.diagnostics.push(diag(resolveCodes.unknownProperty, keySpan, { key: written, owner, suggestion: closest(written, Object.keys(table)), accepted }));
      continue;
    }
    const first = findProp(props, key, n) ?? failed?.find((f) => f.key === key);
    if (first) {
      ctx.diagnostics.push(diag(resolveCodes.duplicateProperty, keySpan, { key }, { related: [{ span: first.keySpan, label: 'first set here' }] }));
      continue;
    }
    const values = typeValues(item, table[key], key, ctx);
    if (values) props[n++] = typedProp(key, keySpan, values, origin);
    else (failed ??= []).push({ key, keySpan });
  }
  if (n === 0) return NONE;
  props.length = n;
  return keptList(props);
}

/**
 * The list as the program keeps it. The few-element lists most owners have are remade as array literals:
 * V8 makes those of a literal that mostly survive in the old generation (see DefaultedProps.kept), while an
 * array made by `new Array` or `slice` is always born young and copied twice by the scavenger.
 */
function keptList<T>(list: T[]): T[] {
  switch (list.length) {
    case 1: return [list[0]];
    case 2: return [list[0], list[1]];
    case 3: return [list[0], list[1], list[2]];
    default: return list;
  }
}

/** A typed property: one value (most have one) is kept as it is, and `values` makes the array when read. */
const TYPED_PROP = {
  get values(): Value[] {
    const { typed } = this as unknown as { typed: Value | Value[] };
    return Array.isArray(typed) ? typed : [typed];
  },
};

/** An object literal with a prototype, not a class: see DefaultedProps.kept. */
function typedProp(key: string, keySpan: Span, values: Value | Value[], origin: Origin): Prop {
  return { __proto__: TYPED_PROP, key, keySpan, typed: Array.isArray(values) && values.length === 1 ? values[0] : values, origin } as unknown as Prop;
}

const tableKeys = new WeakMap<PropTable, Map<string, string>>();

/**
 * The table's key equal to `written`, if it accepts it. Props keep the table's string, not the source's copy:
 * one string per key instead of one per use, and lookups by a constant key compare internalized strings.
 */
function tableKey(table: PropTable, written: string): string | undefined {
  let keys = tableKeys.get(table);
  if (!keys) tableKeys.set(table, (keys = new Map(Object.keys(table).map((k) => [k, k]))));
  return keys.get(written);
}

/** The property with this key among the first `count`, if set. */
export function findProp(props: readonly Prop[], key: string, count = props.length): Prop | undefined {
  for (let i = 0; i < count; i++) if (props[i].key === key) return props[i];
  return undefined;
}

/** Properties by key, for the few owners whose properties are a plain map (kinds, files). */
export function propMap(props: readonly Prop[]): Map<string, Prop> {
  return new Map(props.map((p) => [p.key, p]));
}

/** The typed values of a property: one Value when the key takes one (most), or the list; null when none typed. */
function typeValues(item: PropItem, spec: PropSpec, key: string, ctx: ValueContext): Value | Value[] | null {
  if (spec.type.t === 'flag') {
    if (item.type === 'Flag') return { kind: 'flag', span: item.span };
    ctx.diagnostics.push(diag(resolveCodes.wrongType, item.values[0]?.span ?? item.span, { key, expected: describeType(spec.type), found: 'a value' }, { help: `write \`${key}\` alone` }));
    return null;
  }
  if (item.type === 'Flag') {
    ctx.diagnostics.push(diag(resolveCodes.wrongType, item.span, { key, expected: describeType(spec.type), found: 'no value' }));
    return null;
  }
  const terms = item.values;
  if (!spec.many) {
    if (terms.length > 1) ctx.diagnostics.push(diag(resolveCodes.tooManyValues, terms[1].span, { key }, { label: 'second value' }));
    return typeTerm(terms[0], spec.type, key, ctx);
  }
  // map, not push: arrays grown by push keep spare capacity, and these live as long as the program.
  const out = terms.map((term) => typeTerm(term, spec.type, key, ctx));
  const typed = out.includes(null) ? out.filter((v): v is Value => v !== null) : (out as Value[]);
  return typed.length > 0 ? typed : null;
}

/**
 * A declaration's effective properties: its own over the shared defaults. Reports required properties that
 * neither gives, at `nameSpan` (which is also the `keySpan` of built-in defaults, to point diagnostics at).
 */
export function withDefaults(own: readonly Prop[], defaults: Defaults, nameSpan: Span, owner: string, ctx: ValueContext): Props {
  reportMissing(own, defaults, nameSpan, owner, ctx);
  return defaulted(own, defaults, nameSpan);
}

/** Report the required properties that neither `own` nor the defaults give, at `nameSpan`. */
export function reportMissing(own: readonly Prop[], defaults: Defaults, nameSpan: Span, owner: string, ctx: ValueContext): void {
  for (const { key, spec } of defaults.required) {
    if (!findProp(own, key)) ctx.diagnostics.push(diag(resolveCodes.missingProperty, nameSpan, { key, owner, example: exampleOf(spec) }));
  }
}

function exampleOf(spec: PropSpec): string {
  const m = /like (\S+)/.exec(describeType(spec.type));
  return m ? m[1] : spec.type.t === 'ref' ? 'NAME' : spec.type.t === 'asn' ? '64500' : spec.type.t === 'target' ? '"https://example.com/"' : '…';
}

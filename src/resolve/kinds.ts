import type { KindDecl, Property } from '../ast/types.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { resolveCodes } from '../diagnostics/codes/index.js';
import {
  BEHAVIOUR_SPECS, BEHAVIOURS, KIND_PROPS, isBehaviour, type Behaviour, type Nature, type Placement, type PropTable,
} from './behaviours.js';
import type { Kind } from './program.js';
import { propMap, typeProps, type PropItem } from './properties.js';
import { closest } from './suggest.js';
import type { ValueContext } from './values.js';

interface Draft {
  decl: KindDecl;
  file: string;
  own: Behaviour[];
  /** Base kinds with the span of their name in `is`. */
  bases: { name: string; span: KindDecl['span'] }[];
  defaults: PropItem[];
  kind: Kind;
}

const NATURE_ORDER: Nature[] = ['container', 'range', 'process', 'node'];

/**
 * Build the kind table: `is` names a behaviour or another kind (a kind wins, except the kind itself, so that
 * `kind router { is: router }` means the behaviour). Inheritance cycles and unknown names are reported.
 * Defaults are typed later by typeKindDefaults, once names can be resolved.
 */
export function buildKinds(decls: { decl: KindDecl; file: string }[], diagnostics: Diagnostic[]): { kinds: Map<string, Kind>; order: Draft[] } {
  const drafts = new Map<string, Draft>();
  for (const { decl, file } of decls) {
    const name = decl.name.text;
    const first = drafts.get(name);
    if (first) {
      diagnostics.push(diag(resolveCodes.duplicateKind, decl.name.span, { name }, { related: [{ span: first.decl.name.span, label: 'first declared here' }] }));
      continue;
    }
    drafts.set(name, draft(decl, file, diagnostics));
  }
  for (const d of drafts.values()) splitIs(d, drafts, diagnostics);

  // Depth-first over bases: a kind is finished after its bases, giving the order defaults are merged in.
  const order: Draft[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const visit = (d: Draft, path: string[]): void => {
    state.set(d.kind.name, 'active');
    for (const base of d.bases) {
      const b = drafts.get(base.name)!;
      const s = state.get(base.name);
      if (s === 'active') {
        const cycle = [...path.slice(path.indexOf(base.name)), base.name].join(' -> ');
        diagnostics.push(diag(resolveCodes.kindCycle, base.span, { cycle }));
        d.bases = d.bases.filter((x) => x !== base);
      } else if (s === undefined) visit(b, [...path, base.name]);
    }
    finish(d, drafts);
    state.set(d.kind.name, 'done');
    order.push(d);
  };
  for (const d of drafts.values()) if (!state.has(d.kind.name)) visit(d, [d.kind.name]);

  const kinds = new Map<string, Kind>();
  for (const d of drafts.values()) kinds.set(d.kind.name, d.kind);
  return { kinds, order };
}

function draft(decl: KindDecl, file: string, diagnostics: Diagnostic[]): Draft {
  const kind: Kind = {
    name: decl.name.text, nameSpan: decl.name.span, file, behaviours: [], bases: [], nature: 'node', defaults: new Map(), accepts: {},
  };
  if (decl.doc !== undefined) kind.doc = decl.doc;
  const d: Draft = { decl, file, own: [], bases: [], defaults: [], kind };
  for (const item of decl.body) {
    if (item.type !== 'Property' && item.type !== 'Flag') {
      diagnostics.push(diag(resolveCodes.notAllowedHere, item.span, { what: 'this statement', where: 'in a kind (a kind holds properties only)' }));
      continue;
    }
    const key = item.type === 'Flag' ? item.name.text : item.key.map((k) => k.text).join('.');
    if (key === 'shape' || key === 'domain' || key === 'primary') kindLevel(kind, item, key, diagnostics);
    else if (key !== 'is') d.defaults.push(item);
  }
  return d;
}

function kindLevel(kind: Kind, item: PropItem, key: 'shape' | 'domain' | 'primary', diagnostics: Diagnostic[]): void {
  const ctx: ValueContext = { diagnostics, lookup: () => null, fits: () => true };
  const v = typeProps([item], KIND_PROPS, `kind \`${kind.name}\``, ctx)[0]?.values[0];
  if (v?.kind === 'string' && key === 'shape') kind.shape = v.value;
  if (v?.kind === 'word' && key === 'domain') kind.domain = v.value;
  if (v?.kind === 'word' && key === 'primary') kind.primary = v.value;
}

/** Sort the names in `is` into behaviours and base kinds. */
function splitIs(d: Draft, drafts: Map<string, Draft>, diagnostics: Diagnostic[]): void {
  const isProps = d.decl.body.filter((i): i is Property => i.type === 'Property' && i.key.length === 1 && i.key[0].text === 'is');
  if (isProps.length === 0) {
    diagnostics.push(diag(resolveCodes.missingProperty, d.decl.name.span, { key: 'is', owner: `kind \`${d.kind.name}\``, example: 'router' }));
  }
  isProps.slice(1).forEach((p) => diagnostics.push(diag(resolveCodes.duplicateProperty, p.keySpan, { key: 'is' }, { related: [{ span: isProps[0].keySpan, label: 'first set here' }] })));
  for (const term of isProps[0]?.values ?? []) {
    const atom = term.atoms[0];
    if (term.atoms.length !== 1 || term.arrow || atom.type !== 'Ref' || atom.parts.length !== 1) {
      diagnostics.push(diag(resolveCodes.wrongType, term.span, { key: 'is', expected: 'a behaviour or kind name', found: 'something else' }));
      continue;
    }
    const name = atom.parts[0].text;
    if (drafts.has(name) && name !== d.kind.name) d.bases.push({ name, span: atom.span });
    else if (isBehaviour(name)) d.own.push(name);
    else {
      const suggestion = closest(name, [...BEHAVIOURS, ...drafts.keys()]);
      diagnostics.push(diag(resolveCodes.unknownBase, atom.span, { name, suggestion }));
    }
  }
}

/** Fill in behaviours, nature, primary and accepted properties once the bases are finished. */
function finish(d: Draft, drafts: Map<string, Draft>): void {
  const k = d.kind;
  const behaviours = new Set<Behaviour>(d.own);
  for (const base of d.bases) {
    const b = drafts.get(base.name)!.kind;
    b.behaviours.forEach((x) => behaviours.add(x));
    k.bases.push(b.name);
    k.primary ??= b.primary;
    k.shape ??= b.shape;
    k.domain ??= b.domain;
  }
  k.behaviours = BEHAVIOURS.filter((b) => behaviours.has(b));
  k.nature = NATURE_ORDER.find((n) => k.behaviours.some((b) => BEHAVIOUR_SPECS[b].nature === n)) ?? 'node';
  const accepts: Record<string, PropTable[string]> = {};
  for (const b of k.behaviours) {
    for (const [key, spec] of Object.entries(BEHAVIOUR_SPECS[b].props)) accepts[key] ??= spec;
  }
  k.accepts = accepts;
  k.primary ??= k.behaviours.map((b) => BEHAVIOUR_SPECS[b].primary).find((p) => p !== undefined);
  if (k.primary === undefined) delete k.primary;
}

/** Type each kind's defaults (bases first, so that inherited defaults are already final). */
export function typeKindDefaults(order: Draft[], kinds: Map<string, Kind>, ctxFor: (file: string) => ValueContext): void {
  for (const d of order) {
    const k = d.kind;
    const ctx = ctxFor(d.file);
    const own = propMap(typeProps(d.defaults, k.accepts, `kind \`${k.name}\``, ctx, 'kind'));
    for (const base of k.bases) {
      for (const [key, prop] of kinds.get(base)!.defaults) if (!own.has(key)) own.set(key, prop);
    }
    k.defaults = own;
    const primaryItem = d.decl.body.find((i) => i.type === 'Property' && i.key[0]?.text === 'primary');
    if (k.primary !== undefined && !Object.hasOwn(k.accepts, k.primary) && primaryItem?.type === 'Property') {
      ctx.diagnostics.push(diag(resolveCodes.unknownProperty, primaryItem.values[0]?.span ?? primaryItem.span, {
        key: k.primary, owner: `kind \`${k.name}\``, suggestion: closest(k.primary, Object.keys(k.accepts)), accepted: Object.keys(k.accepts).join(', '),
      }));
      delete k.primary;
    }
  }
}

/**
 * Where a kind's declarations may go. Overlay behaviours (VM, virtual gateway, subnet) decide alone when
 * present; otherwise the rules of all behaviours combine (allowed containers intersect). Computed once per kind.
 */
export function placementOf(kind: Kind): Placement {
  let placement = placements.get(kind);
  if (!placement) placements.set(kind, (placement = combinePlacements(kind)));
  return placement;
}

const placements = new WeakMap<Kind, Placement>();

function combinePlacements(kind: Kind): Placement {
  const specs = kind.behaviours.map((b) => BEHAVIOUR_SPECS[b]);
  const ruling = specs.some((s) => s.overlay) ? specs.filter((s) => s.overlay) : specs;
  const out: { within?: (Behaviour | 'top')[]; notWithin: Behaviour[]; on?: Placement['on']; in?: Placement['in'] } = { notWithin: [] };
  for (const { placement: p } of ruling) {
    if (p.within) out.within = out.within ? out.within.filter((w) => p.within!.includes(w)) : [...p.within];
    out.notWithin.push(...(p.notWithin ?? []));
    for (const clause of ['on', 'in'] as const) {
      const rule = p[clause];
      if (!rule) continue;
      const prev = out[clause];
      out[clause] = prev
        ? { behaviours: [...new Set([...prev.behaviours, ...rule.behaviours])], required: prev.required || rule.required }
        : rule;
    }
  }
  return out;
}

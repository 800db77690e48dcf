import type { Decl, Property, Ref } from '../ast/types.js';
import { diag } from '../diagnostics/diagnostic.js';
import { resolveCodes } from '../diagnostics/codes/index.js';
import type { Behaviour, Placement } from './behaviours.js';
import type { KindRules, Resolver } from './context.js';
import { article } from './suggest.js';
import { placementOf } from './kinds.js';
import type { Kind, Node, NodeId, Placed } from './program.js';
import { defaultsFor } from './defaults.js';
import { typeProps, withDefaults, type PropItem } from './properties.js';

/** Resolve one declaration: its positional literal, properties (with defaults), container and `on`/`in`. */
export function resolveNode(r: Resolver, id: NodeId, decl: Decl, props: readonly PropItem[]): void {
  r.current = id;
  try {
    resolveDecl(r, r.program.nodes[id], decl, props);
  } finally {
    r.current = null;
  }
}

function resolveDecl(r: Resolver, node: Node, decl: Decl, props: readonly PropItem[]): void {
  const ctx = r.at(node.scope);
  if (node.kind === null) {
    // Unknown kind, already reported: still resolve names so that they count as used, but check nothing.
    if (decl.on) r.resolve(decl.on, node.scope);
    if (decl.in) r.resolve(decl.in, node.scope);
    return;
  }
  const { kind, defaults, placement } = kindRules(r, node.kind);
  const primary = primaryItem(r, decl, kind);
  const items = primary ? [primary, ...props] : props;
  const owner = `${kind.name} \`${node.name}\``;
  node.props = withDefaults(typeProps(items, kind.accepts, owner, ctx), defaults, node.nameSpan, owner, ctx);

  checkContainer(r, node, placement);
  // Named, not keyed, accesses: these objects come in several shapes.
  if (decl.on || placement.on) {
    const on = place(r, node, kind, owner, 'on', decl.on, placement.on);
    if (on) node.on = on;
  }
  if (decl.in || placement.in) {
    const inside = place(r, node, kind, owner, 'in', decl.in, placement.in);
    if (inside) node.in = inside;
  }
}

/** Resolve an `on`/`in` clause against the kind's rule for it; the placement, if it is valid. */
function place(r: Resolver, node: Node, kind: Kind, owner: string, clause: 'on' | 'in', ref: Ref | undefined, rule: Placement['on']): Placed | undefined {
  if (ref && !rule) {
    r.diagnostics.push(diag(resolveCodes.placementNotAccepted, ref.span, { kind: article(kind.name), clause }));
    r.resolve(ref, node.scope);
  } else if (ref && rule) {
    const target = r.resolve(ref, node.scope);
    if (target !== null && fitsPlacement(r, target, rule.behaviours, `the \`${clause}\` of ${owner}`, ref.span)) return { node: target, span: ref.span };
  } else if (rule?.required) {
    r.diagnostics.push(diag(resolveCodes.placementMissing, node.nameSpan, { name: node.name, kind: kind.name, clause, expected: expectedOf(rule.behaviours) }));
  }
  return undefined;
}

/** What a declaration of the kind is resolved against, looked up once per kind rather than per declaration. */
function kindRules(r: Resolver, name: string): KindRules {
  let rules = r.kindRules.get(name);
  if (!rules) {
    const kind = r.program.kinds.get(name)!;
    r.kindRules.set(name, (rules = { kind, defaults: defaultsFor(kind.accepts, kind.defaults), placement: placementOf(kind) }));
  }
  return rules;
}

/** The positional literal as a property of the kind's primary key, so that duplicates and types are checked alike. */
function primaryItem(r: Resolver, decl: Decl, kind: Kind): Property | null {
  if (!decl.primary) return null;
  if (kind.primary === undefined) {
    r.diagnostics.push(diag(resolveCodes.noPrimary, decl.primary.span, { kind: kind.name }));
    return null;
  }
  const span = decl.primary.span;
  return {
    type: 'Property', span, keySpan: span,
    key: [{ span, text: kind.primary, quoted: false }],
    values: [{ span, atoms: [decl.primary] }],
  };
}

/** An `on`/`in` target: one of the behaviours, or any node (not a container, range or process) when none. */
function fitsPlacement(r: Resolver, target: NodeId, behaviours: readonly Behaviour[], slot: string, span: Node['span']): boolean {
  const node = r.program.nodes[target];
  if (behaviours.length > 0) return r.fits(target, behaviours, slot, span);
  if (node.kind === null || node.nature === 'node') return true;
  r.wrongKind(node, slot, 'a node (not a container, subnet or process)', span);
  return false;
}

function expectedOf(behaviours: readonly Behaviour[]): string {
  return behaviours.length > 0 ? behaviours.map(article).join(' or ') : 'a node to run on';
}

/** Whether a declaration whose container is `parent` (null: top level) is inside `b`. */
function within(parent: Node | null, b: Behaviour | 'top'): boolean {
  return b === 'top' ? parent === null : parent !== null && parent.behaviours.has(b);
}

function checkContainer(r: Resolver, node: Node, placement: Placement): void {
  const parent = node.container === null ? null : r.program.nodes[node.container];
  if (parent?.kind === null) return;
  if ((!placement.within || placement.within.some((b) => within(parent, b))) && !placement.notWithin?.some((b) => within(parent, b))) return;
  const where = parent ? `inside ${parent.kind} \`${parent.name}\`` : 'at top level';
  const options = placement.within?.map((w) => (w === 'top' ? 'at top level' : `inside ${article(w)}`)).join(' or ')
    ?? `outside ${(placement.notWithin ?? []).map(article).join(' and ')}`;
  r.diagnostics.push(diag(resolveCodes.wrongContainer, node.kindSpan, { kind: article(node.kind!), where, allowed: options },
    parent ? { related: [{ span: parent.nameSpan, label: `\`${parent.name}\` is a ${parent.kind}` }] } : {}));
}

import type { Bearer as BearerAst, Connection, FlowDecl, Item, Property, Ref } from '../ast/types.js';
import { diag } from '../diagnostics/diagnostic.js';
import { resolveCodes } from '../diagnostics/codes/index.js';
import { spanFromTo, type Span } from '../diagnostics/span.js';
import { FLOW_PROPS, LINK_END_PROPS, LINK_PROPS, NO_PROPS } from './behaviours.js';
import type { Resolver } from './context.js';
import type { Pending } from './declare.js';
import { NONE, type End, type Link, type LinkEnd, type NodeId, type Prop, type Props, type ScopeId } from './program.js';
import { DefaultedProps, defaultsFor } from './defaults.js';
import { findProp, isProp, propsOf, reportMissing, typeProps, withDefaults, type PropItem } from './properties.js';
import { lookup } from './scopes.js';
import type { ValueContext } from './values.js';

/** `link a -- b -- c` (one Link per consecutive pair) and `control a -- b …` (one Control per pair). */
export function resolveConnection(r: Resolver, { item, scope, container }: Pending<Connection>): void {
  const refs = item.ends;
  const nodes = refs.map((ref) => r.resolve(ref, scope));
  const body = propItems(r, item.body, `\`${item.keyword}\``);
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i];
    const b = nodes[i + 1];
    if (a === null || b === null) continue;
    if (item.keyword === 'control') r.program.controls.push({ ends: [{ node: a, span: refs[i].span }, { node: b, span: refs[i + 1].span }], span: item.span });
    else r.program.links.push(link(r, a, refs[i].span, b, refs[i + 1].span, item, container, body, scope));
  }
  if (item.keyword === 'control') typeProps(body, NO_PROPS, '`control`', r.at(scope));
}

/**
 * A link from `a` to `b` of a `link` statement, and its properties; `END.key` sets a property of one end, which
 * must be an end of this link. The ends come as ids and spans: no End records to make and throw away.
 */
function link(r: Resolver, a: NodeId, aSpan: Span, b: NodeId, bSpan: Span, stmt: Connection, container: NodeId | null, items: readonly PropItem[], scope: ScopeId): Link {
  const ctx = r.at(scope);
  const dotted = items.some((i) => i.type === 'Property' && i.key.length > 1);
  let own = typeProps(dotted ? items.filter((i) => i.type === 'Flag' || i.key.length === 1) : items, LINK_PROPS, '`link`', ctx);
  const provider = findProp(own, 'provider')?.values[0];
  if (provider?.kind === 'ref' && provider.node !== a && provider.node !== b) {
    r.diagnostics.push(diag(resolveCodes.notALinkEnd, provider.span, { name: r.program.nodes[provider.node].name, ends: endNames(r, a, b) }));
    own = own.filter((p) => p.key !== 'provider');
  }
  const props = withDefaults(own, LINK_DEFAULTS, stmt.span, '`link`', ctx);
  const perEnd = dotted ? endItems(r, a, b, items, scope) : NO_END_ITEMS;
  const id = r.program.links.length;
  return { id, span: stmt.span, container, props, ends: [linkEnd(a, aSpan, perEnd[0], ctx), linkEnd(b, bSpan, perEnd[1], ctx)] };
}

function linkEnd(node: NodeId, span: Span, items: readonly PropItem[], ctx: ValueContext): ResolvedEnd {
  const own = typeProps(items, LINK_END_PROPS, 'a link end', ctx);
  reportMissing(own, LINK_END_DEFAULTS, span, 'a link end', ctx);
  return ResolvedEnd.of(node, span, own);
}

/**
 * A link end whose effective properties are made when read: nearly every end sets none, they are read
 * rarely (routing policies, host-bit checks), and two per link would be a good share of the program.
 */
class ResolvedEnd implements LinkEnd {
  declare readonly node: NodeId;
  declare readonly span: Span;
  declare private readonly own: readonly Prop[];

  /** An object literal, not `new`: see DefaultedProps.kept. */
  static of(node: NodeId, span: Span, own: readonly Prop[]): ResolvedEnd {
    return { __proto__: ResolvedEnd.prototype, node, span, own } as unknown as ResolvedEnd;
  }

  get props(): Props {
    return new DefaultedProps(this.own, LINK_END_DEFAULTS, this.span);
  }
}

const LINK_DEFAULTS = defaultsFor(LINK_PROPS);
const LINK_END_DEFAULTS = defaultsFor(LINK_END_PROPS);
const FLOW_DEFAULTS = defaultsFor(FLOW_PROPS);
const NO_END_ITEMS: readonly [readonly PropItem[], readonly PropItem[]] = [NONE, NONE];

/** The `END.key` properties of each end, as plain `key` properties. */
function endItems(r: Resolver, a: NodeId, b: NodeId, items: readonly PropItem[], scope: ScopeId): [Property[], Property[]] {
  const perEnd: [Property[], Property[]] = [[], []];
  for (const prop of items) {
    if (prop.type === 'Flag' || prop.key.length === 1) continue;
    const path = prop.key.slice(0, -1);
    const found = lookup(r.program, path, scope);
    const index = found === a ? 0 : found === b ? 1 : -1;
    if (index === -1) {
      const span = spanFromTo(path[0].span, path[path.length - 1].span);
      r.diagnostics.push(diag(resolveCodes.notALinkEnd, span, { name: path.map((p) => p.text).join('.'), ends: endNames(r, a, b) }));
      continue;
    }
    const last = prop.key[prop.key.length - 1];
    perEnd[index].push({ type: 'Property', span: prop.span, key: [last], keySpan: last.span, values: prop.values });
  }
  return perEnd;
}

function endNames(r: Resolver, a: NodeId, b: NodeId): string {
  return `\`${r.program.nodes[a].name}\` and \`${r.program.nodes[b].name}\``;
}

export function resolveBearer(r: Resolver, { item, scope }: Pending<BearerAst>): void {
  const ue = end(r, item.ue, scope);
  const via = item.via.map((ref) => end(r, ref, scope)).filter((e): e is End => e !== null);
  typeProps(propItems(r, item.body, 'a `bearer`'), NO_PROPS, 'a `bearer`', r.at(scope));
  if (ue) r.program.bearers.push({ ue, via, span: item.span });
}

export function resolveFlow(r: Resolver, { item, scope, container }: Pending<FlowDecl>, seen: Map<string, FlowDecl>): void {
  const first = seen.get(item.name.text);
  if (first) {
    r.diagnostics.push(diag(resolveCodes.duplicateName, item.name.span, { name: item.name.text }, { related: [{ span: first.name.span, label: 'first declared here' }] }));
    return;
  }
  seen.set(item.name.text, item);
  const ctx = r.at(scope);
  const owner = `flow \`${item.name.text}\``;
  const props = withDefaults(typeProps(propItems(r, item.body, owner), FLOW_PROPS, owner, ctx), FLOW_DEFAULTS, item.name.span, owner, ctx);
  r.program.flows.push({ name: item.name.text, nameSpan: item.name.span, span: item.span, file: item.span.file, doc: item.doc, container, props });
}

function end(r: Resolver, ref: Ref, scope: number): End | null {
  const node = r.resolve(ref, scope);
  return node === null ? null : { node, span: ref.span };
}

/** The properties of a body that holds nothing else; anything else is reported. */
function propItems(r: Resolver, body: readonly Item[] | undefined, owner: string): readonly PropItem[] {
  const props = propsOf(body);
  if (body && props.length < body.length) {
    for (const i of body) {
      if (!isProp(i)) r.diagnostics.push(diag(resolveCodes.notAllowedHere, i.span, { what: 'this statement', where: `inside ${owner} (it holds properties only)` }));
    }
  }
  return props;
}

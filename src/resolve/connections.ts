import type { Bearer as BearerAst, Connection, FlowDecl, Item, Property, Ref } from '../ast/types.js';
import { diag } from '../diagnostics/diagnostic.js';
import { resolveCodes } from '../diagnostics/codes/index.js';
import { spanFromTo } from '../diagnostics/span.js';
import { FLOW_PROPS, LINK_END_PROPS, LINK_PROPS, NO_PROPS } from './behaviours.js';
import type { Resolver } from './context.js';
import type { Pending } from './declare.js';
import type { End, Link, Props } from './program.js';
import { defaultsFor } from './defaults.js';
import { typeProps, withDefaults, type PropItem } from './properties.js';
import { lookup } from './scopes.js';

/** `link a -- b -- c` (one Link per consecutive pair) and `control a -- b …` (one Control per pair). */
export function resolveConnection(r: Resolver, { item, scope, container }: Pending<Connection>): void {
  const ends = item.ends.map((ref) => end(r, ref, scope));
  const body = propItems(r, item.body, `\`${item.keyword}\``);
  for (let i = 0; i + 1 < ends.length; i++) {
    const a = ends[i];
    const b = ends[i + 1];
    if (!a || !b) continue;
    if (item.keyword === 'control') {
      r.program.controls.push({ ends: [a, b], span: item.span });
      continue;
    }
    const link: Link = {
      id: r.program.links.length, span: item.span, container, props: NO_END_PROPS,
      ends: [{ node: a.node, span: a.span, props: NO_END_PROPS }, { node: b.node, span: b.span, props: NO_END_PROPS }],
    };
    linkProps(r, link, body, scope);
    r.program.links.push(link);
  }
  if (item.keyword === 'control') typeProps(body, NO_PROPS, '`control`', r.at(scope));
}

/** Placeholder until linkProps sets the real ones. */
const NO_END_PROPS: Props = new Map();

/** Link properties; `END.key` sets a property of one end, which must be an end of this link. */
function linkProps(r: Resolver, link: Link, items: PropItem[], scope: number): void {
  const ctx = r.at(scope);
  const plain = items.filter((i) => i.type === 'Flag' || i.key.length === 1);
  let own = typeProps(plain, LINK_PROPS, '`link`', ctx);
  const provider = own.get('provider')?.values[0];
  if (provider?.kind === 'ref' && !link.ends.some((e) => e.node === provider.node)) {
    r.diagnostics.push(diag(resolveCodes.notALinkEnd, provider.span, { name: r.program.nodes[provider.node].name, ends: endNames(r, link) }));
    own = new Map([...own].filter(([key]) => key !== 'provider'));
  }
  link.props = withDefaults(own, defaultsFor(LINK_PROPS), link.span, '`link`', ctx);
  const perEnd: [Property[], Property[]] = [[], []];
  for (const prop of items) {
    if (prop.type === 'Flag' || prop.key.length === 1) continue;
    const path = prop.key.slice(0, -1);
    const found = lookup(r.program, path, scope);
    const index = found.ok ? link.ends.findIndex((e) => e.node === found.node) : -1;
    if (index < 0) {
      const span = spanFromTo(path[0].span, path[path.length - 1].span);
      r.diagnostics.push(diag(resolveCodes.notALinkEnd, span, { name: path.map((p) => p.text).join('.'), ends: endNames(r, link) }));
      continue;
    }
    const last = prop.key[prop.key.length - 1];
    perEnd[index].push({ ...prop, key: [last], keySpan: last.span });
  }
  for (const [i, e] of link.ends.entries()) {
    e.props = withDefaults(typeProps(perEnd[i], LINK_END_PROPS, 'a link end', ctx), defaultsFor(LINK_END_PROPS), e.span, 'a link end', ctx);
  }
}

function endNames(r: Resolver, link: Link): string {
  return link.ends.map((e) => `\`${r.program.nodes[e.node].name}\``).join(' and ');
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
  const props = withDefaults(typeProps(propItems(r, item.body, owner), FLOW_PROPS, owner, ctx), defaultsFor(FLOW_PROPS), item.name.span, owner, ctx);
  const flow = { name: item.name.text, nameSpan: item.name.span, span: item.span, file: item.span.file, container, props };
  r.program.flows.push(item.doc === undefined ? flow : { ...flow, doc: item.doc });
}

function end(r: Resolver, ref: Ref, scope: number): End | null {
  const node = r.resolve(ref, scope);
  return node === null ? null : { node, span: ref.span };
}

/** The properties of a body that holds nothing else; anything else is reported. */
function propItems(r: Resolver, body: readonly Item[] | undefined, owner: string): PropItem[] {
  const out: PropItem[] = [];
  for (const i of body ?? []) {
    if (i.type === 'Property' || i.type === 'Flag') out.push(i);
    else r.diagnostics.push(diag(resolveCodes.notAllowedHere, i.span, { what: 'this statement', where: `inside ${owner} (it holds properties only)` }));
  }
  return out;
}

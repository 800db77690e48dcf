import { mobileCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Behaviour } from '../resolve/behaviours.js';
import type { Bearer, End, NodeId, Program } from '../resolve/program.js';
import { firstOf, NONE, valuesOf } from '../resolve/program.js';
import { article } from '../resolve/suggest.js';
import { joinSpans } from './l2.js';

/** The hops of a bearer, in order, and how messages name them. */
const ROLES: { behaviour: Behaviour; role: string }[] = [
  { behaviour: 'radio_access', role: 'radio access (first hop)' },
  { behaviour: 'gtp_relay', role: 'GTP-U relay (second hop)' },
  { behaviour: 'gtp_anchor', role: 'GTP-U anchor (third hop)' },
];

/**
 * Mobile core: a bearer runs UE via radio_access -> gtp_relay -> gtp_anchor; the anchor has a UE pool;
 * the UE is a subscriber of a subscriber store that a mobility manager serving the radio access node
 * reaches over `control` adjacencies.
 */
export function checkMobile(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  const control = adjacency(program);
  const component = components(control);
  const stores = subscriberStores(program);
  const managersOf = mobilityManagers(program, control);
  const { bearers, nodes } = program;
  for (let i = 0; i < bearers.length; i++) {
    const bearer = bearers[i];
    if (!shape(program, bearer, out)) continue;
    const access = bearer.via[0];
    const anchor = bearer.via[2];
    const anchorNode = nodes[anchor.node];
    if (!firstOf(anchorNode.props, 'ue_pool', 'prefix')) {
      out.push(diag(mobileCodes.anchorWithoutPool, anchor.span, { name: anchorNode.name }, { related: [{ span: anchorNode.nameSpan, label: 'declared here' }] }));
    }
    const ue = nodes[bearer.ue.node];
    const home = stores[ue.id];
    if (!home) {
      out.push(diag(mobileCodes.notSubscriber, bearer.ue.span, { ue: ue.name }));
      continue;
    }
    const managers = managersOf(access.node);
    if (managers.length === 0) {
      out.push(diag(mobileCodes.noMobilityManager, access.span, { name: nodes[access.node].name }));
      continue;
    }
    if (!someReaches(managers, home, component)) {
      out.push(diag(mobileCodes.subscriberUnreachable, bearer.ue.span, { ue: ue.name }, {
        related: [
          ...managers.map((m) => ({ span: nodes[m].nameSpan, label: `mobility manager \`${nodes[m].name}\`` })),
          ...home.map((h) => ({ span: nodes[h].nameSpan, label: `\`${nodes[h].name}\` lists \`${ue.name}\`` })),
        ],
      }));
    }
  }
  return out;
}

/** Bearer shape and roles; false when the later checks cannot apply. */
function shape(program: Program, bearer: Bearer, out: Diagnostic[]): boolean {
  let ok = hasRole(program, bearer.ue, 'ue', 'UE', out);
  if (bearer.via.length !== ROLES.length) {
    const span = bearer.via.length > 0 ? joinSpans(bearer.via[0].span, bearer.via[bearer.via.length - 1].span) : bearer.span;
    out.push(diag(mobileCodes.bearerLength, span, { count: bearer.via.length }));
    return false;
  }
  for (let i = 0; i < ROLES.length; i++) {
    if (!hasRole(program, bearer.via[i], ROLES[i].behaviour, ROLES[i].role, out)) ok = false;
  }
  return ok;
}

/** Whether the node at a bearer position has the behaviour its role needs (an unknown kind is reported already). */
function hasRole(program: Program, end: End, behaviour: Behaviour, role: string, out: Diagnostic[]): boolean {
  const node = program.nodes[end.node];
  if (node.kind === null || node.behaviours.has(behaviour)) return true;
  out.push(diag(mobileCodes.bearerRole, end.span, { name: node.name, role, kind: article(node.kind) }, { related: [{ span: node.nameSpan, label: 'declared here' }] }));
  return false;
}

/** Per radio access node, the mobility managers among its control neighbours: found once per node, shared by its bearers. */
function mobilityManagers(program: Program, control: Map<NodeId, NodeId[]>): (access: NodeId) => readonly NodeId[] {
  const found = new Map<NodeId, readonly NodeId[]>();
  return (access) => {
    let managers = found.get(access);
    if (!managers) {
      managers = (control.get(access) ?? NONE).filter((n) => program.nodes[n].behaviours.has('mobility_manager'));
      found.set(access, managers);
    }
    return managers;
  };
}

/** Whether some mobility manager reaches some subscriber store over control adjacencies. */
function someReaches(managers: readonly NodeId[], stores: readonly NodeId[], component: Map<NodeId, NodeId>): boolean {
  for (let i = 0; i < managers.length; i++) {
    const m = managers[i];
    for (let j = 0; j < stores.length; j++) {
      const h = stores[j];
      if (m === h || (component.has(m) && component.get(m) === component.get(h))) return true;
    }
  }
  return false;
}

function adjacency(program: Program): Map<NodeId, NodeId[]> {
  const adj = new Map<NodeId, NodeId[]>();
  const add = (a: NodeId, b: NodeId) => {
    const list = adj.get(a);
    if (list) list.push(b); else adj.set(a, [b]);
  };
  for (const c of program.controls) {
    add(c.ends[0].node, c.ends[1].node);
    add(c.ends[1].node, c.ends[0].node);
  }
  return adj;
}

/** Per UE id, the subscriber stores listing it (none: undefined). */
function subscriberStores(program: Program): (NodeId[] | undefined)[] {
  const { nodes } = program;
  const stores = new Array<NodeId[] | undefined>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!node.behaviours.has('subscriber_store')) continue;
    for (const ref of valuesOf(node.props, 'subscriber', 'ref')) {
      const list = stores[ref.node];
      if (list) list.push(node.id); else stores[ref.node] = [node.id];
    }
  }
  return stores;
}

/**
 * The connected components of the control adjacencies (which go both ways): node -> the first node of its
 * component. Found once, so that each bearer's reachability question is a lookup, not a search.
 */
function components(adj: Map<NodeId, NodeId[]>): Map<NodeId, NodeId> {
  const component = new Map<NodeId, NodeId>();
  for (const start of adj.keys()) {
    if (component.has(start)) continue;
    component.set(start, start);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      for (const next of adj.get(queue[i])!) {
        if (!component.has(next)) {
          component.set(next, start);
          queue.push(next);
        }
      }
    }
  }
  return component;
}

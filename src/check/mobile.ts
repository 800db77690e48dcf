import { mobileCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Behaviour } from '../resolve/behaviours.js';
import type { Bearer, NodeId, Program } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
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
  const reaches = (a: NodeId, b: NodeId) => a === b || (component.has(a) && component.get(a) === component.get(b));
  const stores = subscriberStores(program);
  for (const bearer of program.bearers) {
    if (!shape(program, bearer, out)) continue;
    const [access, , anchor] = bearer.via;
    const anchorNode = program.nodes[anchor.node];
    if (valuesOf(anchorNode.props, 'ue_pool', 'prefix').length === 0) {
      out.push(diag(mobileCodes.anchorWithoutPool, anchor.span, { name: anchorNode.name }, { related: [{ span: anchorNode.nameSpan, label: 'declared here' }] }));
    }
    const ue = program.nodes[bearer.ue.node];
    const home = stores.get(ue.id) ?? [];
    if (home.length === 0) {
      out.push(diag(mobileCodes.notSubscriber, bearer.ue.span, { ue: ue.name }));
      continue;
    }
    const managers = (control.get(access.node) ?? []).filter((n) => program.nodes[n].behaviours.has('mobility_manager'));
    if (managers.length === 0) {
      out.push(diag(mobileCodes.noMobilityManager, access.span, { name: program.nodes[access.node].name }));
      continue;
    }
    if (!managers.some((m) => home.some((h) => reaches(m, h)))) {
      out.push(diag(mobileCodes.subscriberUnreachable, bearer.ue.span, { ue: ue.name }, {
        related: [
          ...managers.map((m) => ({ span: program.nodes[m].nameSpan, label: `mobility manager \`${program.nodes[m].name}\`` })),
          ...home.map((h) => ({ span: program.nodes[h].nameSpan, label: `\`${program.nodes[h].name}\` lists \`${ue.name}\`` })),
        ],
      }));
    }
  }
  return out;
}

/** Bearer shape and roles; false when the later checks cannot apply. */
function shape(program: Program, bearer: Bearer, out: Diagnostic[]): boolean {
  let ok = true;
  const role = (id: NodeId, behaviour: Behaviour, name: string, span: Bearer['span']) => {
    const node = program.nodes[id];
    if (node.kind === null || node.behaviours.has(behaviour)) return;
    out.push(diag(mobileCodes.bearerRole, span, { name: node.name, role: name, kind: article(node.kind) }, { related: [{ span: node.nameSpan, label: 'declared here' }] }));
    ok = false;
  };
  role(bearer.ue.node, 'ue', 'UE', bearer.ue.span);
  if (bearer.via.length !== ROLES.length) {
    const span = bearer.via.length > 0 ? joinSpans(bearer.via[0].span, bearer.via[bearer.via.length - 1].span) : bearer.span;
    out.push(diag(mobileCodes.bearerLength, span, { count: bearer.via.length }));
    return false;
  }
  bearer.via.forEach((hop, i) => role(hop.node, ROLES[i].behaviour, ROLES[i].role, hop.span));
  return ok;
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

/** UE id -> the subscriber stores listing it. */
function subscriberStores(program: Program): Map<NodeId, NodeId[]> {
  const stores = new Map<NodeId, NodeId[]>();
  for (const node of program.nodes) {
    if (!node.behaviours.has('subscriber_store')) continue;
    for (const ref of valuesOf(node.props, 'subscriber', 'ref')) {
      const list = stores.get(ref.node);
      if (list) list.push(node.id); else stores.set(ref.node, [node.id]);
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

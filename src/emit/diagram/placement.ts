// Which cluster each drawn node goes in. Graphviz clusters nest strictly, so every node has one parent:
//  - a node placed `on` another (a VM on its physical host, a process on its server) goes in that node's
//    "on-cluster", which holds the host and everything on it, recursively (host ⊃ VM ⊃ processes);
//  - otherwise it goes in its container's cluster (an AS, a VPC), and inside it in a cluster for its kind's
//    `domain` when the container mixes domains (the mobile core inside a carrier's AS);
//  - VPC membership of VMs that sit on hosts in another container is shown by fill colour, not nesting.
import type { Node, NodeId, Program } from '../../resolve/program.js';
import { cluster, type DCluster, type Diagram, type DNode, type Line } from './graph.js';
import type { ClusterStyle } from './style.js';

/**
 * Adds the given nodes (keyed by program node id) to the diagram, each in its cluster, building the cluster
 * tree under `d.root` as needed. Nodes and clusters are listed in declaration order.
 */
export function placeNodes(program: Program, d: Diagram, drawnNodes: Map<NodeId, DNode>, containerLabel: (c: Node) => Line[]): void {
  const nodes = program.nodes;
  const isDrawn = (id: NodeId) => drawnNodes.has(id);
  const drawn = (n: Node) => drawnNodes.has(n.id);
  const domainOf = (n: Node) => (n.kind === null ? undefined : program.kinds.get(n.kind)?.domain);

  const placedOn = new Map<NodeId, NodeId[]>();
  for (const n of nodes) {
    if (drawn(n) && n.on && isDrawn(n.on.node)) (placedOn.get(n.on.node) ?? placedOn.set(n.on.node, []).get(n.on.node)!).push(n.id);
  }
  const hostOf = (n: Node): NodeId | null => (n.on && isDrawn(n.on.node) ? n.on.node : null);

  // Domains of the nodes that sit directly in each container: a container that mixes them gets sub-clusters.
  const domainsIn = new Map<NodeId, Set<string | undefined>>();
  for (const n of nodes) {
    if (!drawn(n) || hostOf(n) !== null || n.container === null) continue;
    (domainsIn.get(n.container) ?? domainsIn.set(n.container, new Set()).get(n.container)!).add(domainOf(n));
  }

  const containerClusters = new Map<NodeId, DCluster>();
  const containerCluster = (id: NodeId | null): DCluster => {
    if (id === null) return d.root;
    const known = containerClusters.get(id);
    if (known) return known;
    const c = nodes[id];
    const style: ClusterStyle = c.behaviours.has('vpc') ? 'vpc' : c.behaviours.has('autonomous_system') ? 'as' : 'plain';
    const made = cluster(`cluster_c${id}`, style, containerLabel(c));
    containerCluster(c.container).clusters.push(made);
    containerClusters.set(id, made);
    return made;
  };

  const domainClusters = new Map<string, DCluster>();
  const home = (n: Node): DCluster => {
    const parent = containerCluster(n.container);
    if (n.container === null) return parent;
    const domain = domainOf(n);
    const mixed = (domainsIn.get(n.container)?.size ?? 0) > 1;
    if (!mixed || domain === undefined || domain === domainOf(nodes[n.container])) return parent;
    const key = `${n.container}/${domain}`;
    let sub = domainClusters.get(key);
    if (!sub) {
      sub = cluster(`cluster_c${n.container}_d${domainClusters.size}`, 'domain', [{ text: domain, tone: 'detail' }]);
      parent.clusters.push(sub);
      domainClusters.set(key, sub);
    }
    return sub;
  };

  // `slot`: where a node, or the on-cluster standing for it, sits. `visiting` guards against `on` cycles,
  // which the checker reports; here they only fall back to the container.
  const slots = new Map<NodeId, DCluster>();
  const onClusters = new Map<NodeId, DCluster>();
  const visiting = new Set<NodeId>();
  const slot = (n: Node): DCluster => {
    const known = slots.get(n.id);
    if (known) return known;
    const host = hostOf(n);
    visiting.add(n.id);
    const s = host !== null && !visiting.has(host) ? onCluster(nodes[host]) : home(n);
    visiting.delete(n.id);
    slots.set(n.id, s);
    return s;
  };
  const onCluster = (host: Node): DCluster => {
    const known = onClusters.get(host.id);
    if (known) return known;
    const hostsNodes = (placedOn.get(host.id) ?? []).some((id) => nodes[id].nature === 'node');
    const made = cluster(`cluster_on${host.id}`, hostsNodes ? 'host' : 'processes');
    slot(host).clusters.push(made);
    onClusters.set(host.id, made);
    return made;
  };
  const clusterOf = (id: NodeId): DCluster => (placedOn.has(id) ? onCluster(nodes[id]) : slot(nodes[id]));

  for (const [id, node] of [...drawnNodes].sort((a, b) => a[0] - b[0])) {
    clusterOf(id).nodes.push(node.id);
    d.nodes.set(node.id, node);
  }
}

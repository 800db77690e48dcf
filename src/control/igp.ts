// The IGP of each AS: shortest paths on link cost (Dijkstra), carrying every router's connected prefixes to
// the other routers of its AS. Equal-cost paths are not split: the first hop with the lowest router index wins.
import type { Net } from './ip.js';
import { netKey, type Iface, type Topology } from './topology.js';

export interface IgpRoute {
  net: Net;
  cost: number;
  /** The neighbour interface the path starts at. */
  via: Iface;
  /** Our interface toward it. */
  out: Iface;
}

interface Edge {
  to: number;
  cost: number;
  via: Iface;
  out: Iface;
}

/** IGP routes per router index (empty for routers outside any AS). */
export function computeIgp(topo: Topology): IgpRoute[][] {
  const result: IgpRoute[][] = topo.routers.map(() => []);
  const adjacency: Edge[][] = topo.routers.map(() => []);
  for (const link of topo.links) {
    for (const out of link.members) {
      for (const via of link.members) {
        const from = topo.routers[out.router];
        const to = topo.routers[via.router];
        if (from === to || from.asn === null || from.asn !== to.asn) continue;
        adjacency[from.index].push({ to: to.index, cost: link.cost, via, out });
      }
    }
  }
  const byAs = new Map<number, number[]>();
  for (const r of topo.routers) if (r.asn !== null) byAs.set(r.asn, [...(byAs.get(r.asn) ?? []), r.index]);
  for (const members of byAs.values()) {
    for (const source of members) result[source] = routesFrom(topo, source, members, adjacency);
  }
  return result;
}

function routesFrom(topo: Topology, source: number, members: number[], adjacency: Edge[][]): IgpRoute[] {
  const { dist, first } = dijkstra(source, adjacency);
  const own = new Set(topo.routers[source].interfaces.map((i) => netKey(i.net)));
  const best = new Map<string, IgpRoute>();
  for (const target of members) {
    const edge = first.get(target);
    if (target === source || edge === undefined) continue;
    for (const iface of topo.routers[target].interfaces) {
      const key = netKey(iface.net);
      if (own.has(key)) continue;
      const cost = dist.get(target)!;
      const current = best.get(key);
      if (current === undefined || cost < current.cost) best.set(key, { net: iface.net, cost, via: edge.via, out: edge.out });
    }
  }
  return [...best.values()];
}

/** Distances and the first edge of the chosen path; ties go to the first hop with the lowest router index. */
function dijkstra(source: number, adjacency: Edge[][]): { dist: Map<number, number>; first: Map<number, Edge> } {
  const dist = new Map<number, number>([[source, 0]]);
  const first = new Map<number, Edge>();
  const done = new Set<number>();
  const heap = new MinHeap();
  heap.push(0, source);
  while (heap.size > 0) {
    const node = heap.pop();
    if (done.has(node)) continue;
    done.add(node);
    for (const edge of adjacency[node]) {
      if (edge.to === source) continue;
      const d = dist.get(node)! + edge.cost;
      const hop = node === source ? edge : first.get(node)!;
      const known = dist.get(edge.to);
      const better =
        known === undefined || d < known || (d === known && !done.has(edge.to) && hopBefore(hop, first.get(edge.to)!));
      if (!better) continue;
      dist.set(edge.to, d);
      first.set(edge.to, hop);
      heap.push(d, edge.to);
    }
  }
  return { dist, first };
}

function hopBefore(a: Edge, b: Edge): boolean {
  return a.to < b.to || (a.to === b.to && a.via.address < b.via.address);
}

/** A binary heap of (priority, node), ties by node index so the pop order never depends on push order. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, node: number): void {
    this.keys.push(key);
    this.nodes.push(node);
    let i = this.keys.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const top = this.nodes[0];
    const lastKey = this.keys.pop()!;
    const lastNode = this.nodes.pop()!;
    if (this.keys.length > 0) {
      this.keys[0] = lastKey;
      this.nodes[0] = lastNode;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.keys.length && this.less(l, m)) m = l;
        if (r < this.keys.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.nodes[i] < this.nodes[j]);
  }

  private swap(i: number, j: number): void {
    [this.keys[i], this.keys[j]] = [this.keys[j], this.keys[i]];
    [this.nodes[i], this.nodes[j]] = [this.nodes[j], this.nodes[i]];
  }
}

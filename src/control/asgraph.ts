// Propagation of one prefix over an AS-level graph with Gao–Rexford policies, in typed arrays so that
// Internet-sized graphs (~78k ASes, ~500k links) take milliseconds. Preference: the route's relationship
// (customer > peer > provider), then AS-path length, then the lowest neighbour index. Export is valley-free:
// customer-learned and own routes go to everyone, peer- and provider-learned routes only to customers.
// Three phases compute the unique stable outcome: customer routes up the hierarchy (BFS), one peer hop,
// then provider routes down (a bucket queue on path length).

/** What a neighbour is to an AS. */
export const CUSTOMER = 1;
export const PEER = 2;
export const PROVIDER = 3;

/** Adjacency in compressed sparse rows: the neighbours of AS i are neighbours[offsets[i] .. offsets[i+1]). */
export interface AsGraph {
  size: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  /** CUSTOMER, PEER or PROVIDER: what neighbours[k] is to its row's AS. */
  relations: Uint8Array;
}

/** Route class per AS, in preference order. */
export const NONE = 0;
export const ORIGIN = 1;
export const FROM_CUSTOMER = 2;
export const FROM_PEER = 3;
export const FROM_PROVIDER = 4;

export interface AsRoutes {
  /** ORIGIN, FROM_CUSTOMER, FROM_PEER, FROM_PROVIDER, or NONE when the AS has no route. */
  kind: Uint8Array;
  /** AS-path length of the best route (0 at the origin, -1 without a route). */
  length: Int32Array;
  /** The neighbour the best route was learned from (-1 at the origin or without a route). */
  via: Int32Array;
}

/** Builds the graph from (customer, provider) pairs and (peer, peer) pairs, both flat. */
export function buildAsGraph(size: number, customerProvider: Int32Array, peers: Int32Array): AsGraph {
  const degree = new Int32Array(size + 1);
  for (const list of [customerProvider, peers]) for (let k = 0; k < list.length; k++) degree[list[k] + 1]++;
  const offsets = degree;
  for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, size);
  const neighbours = new Int32Array(offsets[size]);
  const relations = new Uint8Array(offsets[size]);
  const add = (from: number, to: number, relation: number) => {
    neighbours[fill[from]] = to;
    relations[fill[from]++] = relation;
  };
  for (let k = 0; k < customerProvider.length; k += 2) {
    add(customerProvider[k], customerProvider[k + 1], PROVIDER);
    add(customerProvider[k + 1], customerProvider[k], CUSTOMER);
  }
  for (let k = 0; k < peers.length; k += 2) {
    add(peers[k], peers[k + 1], PEER);
    add(peers[k + 1], peers[k], PEER);
  }
  return { size, offsets, neighbours, relations };
}

export function propagateAsPrefix(graph: AsGraph, origin: number): AsRoutes {
  const { size, offsets, neighbours, relations } = graph;
  const kind = new Uint8Array(size);
  const length = new Int32Array(size).fill(-1);
  const via = new Int32Array(size).fill(-1);
  kind[origin] = ORIGIN;
  length[origin] = 0;

  // Offer `from`'s route to `to` as a route of class `cls`; true when `to` took it as its first route.
  const offer = (from: number, to: number, cls: number): boolean => {
    const len = length[from] + 1;
    if (kind[to] === NONE) {
      kind[to] = cls;
      length[to] = len;
      via[to] = from;
      return true;
    }
    if (kind[to] === cls && (len < length[to] || (len === length[to] && from < via[to]))) {
      length[to] = len;
      via[to] = from;
    }
    return false;
  };

  // 1. Customer routes climb to providers, level by level, so the first offer is the shortest.
  const up: number[] = [origin];
  let frontier = [origin];
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        if (relations[k] === PROVIDER && offer(u, neighbours[k], FROM_CUSTOMER)) next.push(neighbours[k]);
      }
    }
    up.push(...next);
    frontier = next;
  }
  // 2. ASes with their own or a customer route give it to their peers; peers pass it to nobody but customers.
  for (const u of up) {
    for (let k = offsets[u]; k < offsets[u + 1]; k++) if (relations[k] === PEER) offer(u, neighbours[k], FROM_PEER);
  }
  // 3. Every AS with a route gives it to its customers, shortest first.
  const buckets: number[][] = [];
  for (let u = 0; u < size; u++) if (kind[u] !== NONE) (buckets[length[u]] ??= []).push(u);
  for (let len = 0; len < buckets.length; len++) {
    for (const u of buckets[len] ?? []) {
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        if (relations[k] === CUSTOMER && offer(u, neighbours[k], FROM_PROVIDER)) (buckets[len + 1] ??= []).push(neighbours[k]);
      }
    }
  }
  return { kind, length, via };
}

/** The AS path of `as` toward the origin, following `via` (own AS first). */
export function asPathOf(routes: AsRoutes, as: number): number[] {
  if (routes.kind[as] === NONE) return [];
  const path = [as];
  for (let at = as; routes.via[at] >= 0; at = routes.via[at]) path.push(routes.via[at]);
  return path;
}

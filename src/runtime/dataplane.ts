// The compiler's data plane, rebuilt from a spec: the simulator forwards with exactly the tables and step
// functions `topo hops` uses (src/dataplane/), so both put the same headers on every wire.
import type { RoutingResult } from '../control/index.js';
import { buildDataplane, type Dataplane } from '../dataplane/index.js';
import type { Program } from '../resolve/program.js';
import type { SimSpec } from './spec.js';

export function dataplaneOf(spec: SimSpec): Dataplane {
  // buildDataplane reads only which nodes are switches and how links join them; a spec keeps exactly that.
  const program = {
    nodes: spec.network.nodes.map((n) => ({ behaviours: new Set(n.behaviours) })),
    links: spec.cables.map(([a, b]) => ({ ends: [{ node: a }, { node: b }] })),
  } as unknown as Program;
  const routing = { nodes: Object.fromEntries(spec.network.nodes.map((n) => [n.name, { fib: spec.fibs[n.id] ?? [] }])) } as unknown as RoutingResult;
  return buildDataplane(program, spec.network, routing);
}

import type { Program } from '../resolve/program.js';
import { assignAddresses } from './addresses.js';
import { buildListeners, buildNats } from './services.js';
import { buildSkeleton } from './topology.js';
import { buildTunnels } from './tunnels.js';
import type { Network } from './types.js';

export * from './types.js';

/** The network model of a checked program (call only when checking found no errors). */
export function buildNetwork(program: Program): Network {
  const sk = buildSkeleton(program);
  assignAddresses(program, sk);
  return {
    nodes: sk.nodes,
    interfaces: sk.interfaces,
    segments: sk.segments,
    tunnels: buildTunnels(program, sk),
    nats: buildNats(program, sk),
    listeners: buildListeners(program),
  };
}

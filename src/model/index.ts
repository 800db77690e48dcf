import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Program } from '../resolve/program.js';
import { assignAddresses } from './addresses.js';
import { buildListeners, buildNats } from './services.js';
import { buildSkeleton } from './topology.js';
import { buildTunnels } from './tunnels.js';
import type { Network } from './types.js';

export * from './types.js';

/** The network model of a checked program (call only when checking found no errors), and what it found. */
export function buildNetwork(program: Program): { network: Network; diagnostics: Diagnostic[] } {
  const sk = buildSkeleton(program);
  const diagnostics = assignAddresses(program, sk);
  const network: Network = {
    nodes: sk.nodes,
    interfaces: sk.interfaces,
    segments: sk.segments,
    tunnels: buildTunnels(program, sk),
    nats: buildNats(program, sk),
    listeners: buildListeners(program),
  };
  return { network, diagnostics };
}

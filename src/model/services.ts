import type { Program } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
import { formatIp, network } from './ipv4.js';
import type { Skeleton } from './topology.js';
import type { Listener, NatRule } from './types.js';

/** NAPT on `nat` nodes; 1:1 NAT from each `public` address of a virtual gateway to its VM's address. */
export function buildNats(program: Program, sk: Skeleton): NatRule[] {
  const rules: NatRule[] = [];
  for (const n of program.nodes) {
    if (n.behaviours.has('nat')) {
      const pool = valuesOf(n.props, 'pool', 'prefix')[0];
      const inside = valuesOf(n.props, 'inside', 'prefix').map((p) => `${formatIp(network(p.addr, p.len))}/${p.len}`);
      if (pool) rules.push({ type: 'napt', node: n.id, inside, pool: `${formatIp(network(pool.addr, pool.len))}/${pool.len}` });
    }
    if (n.behaviours.has('virtual_gateway')) {
      for (const v of valuesOf(n.props, 'public', 'arrow')) {
        if (v.from.kind !== 'ip' || v.to.kind !== 'ref') continue;
        const target = v.to.node;
        const address = sk.nodes[target].interfaces.map((i) => sk.interfaces[i].address).find((a) => a !== null);
        if (address) rules.push({ type: 'static', node: n.id, public: formatIp(v.from.addr), private: address, target });
      }
    }
  }
  return rules;
}

/** Every process's `listen` ports on the node it runs on (defaults from the behaviour registry included). */
export function buildListeners(program: Program): Listener[] {
  const listeners: Listener[] = [];
  for (const p of program.nodes) {
    if (p.nature !== 'process' || !p.on) continue;
    for (const port of valuesOf(p.props, 'listen', 'port')) {
      listeners.push({ process: p.id, node: p.on.node, protocol: port.protocol, port: port.port });
    }
  }
  return listeners;
}

// Longest-prefix match in a node's FIB (the control plane's), turned into a forwarding decision.
import { fibTable } from '../control/fib.js';
import type { FibEntry } from '../control/index.js';
import { parseIp } from '../model/ipv4.js';
import { dropped, type Drop } from './drop.js';

export interface Egress {
  /** The egress interface's name on the node. */
  iface: string;
  /** The address to resolve with ARP: the route's next hop, or the destination on a connected subnet. */
  nextHop: string;
  prefix: string;
}

export function lpm(fib: readonly FibEntry[], dst: string): Egress | Drop {
  const e = fibTable(fib).lookup(parseIp(dst));
  if (!e) return dropped('no-route', `no route to ${dst}`);
  if (e.action === 'drop') return dropped('null-route', `null route ${e.prefix} discards ${dst}`);
  if (e.interface === null) return dropped('no-route', `route ${e.prefix} has no egress interface`);
  return { iface: e.interface, nextHop: e.nextHop ?? dst, prefix: e.prefix };
}

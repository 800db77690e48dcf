// Longest-prefix match in a node's FIB (the control plane's), turned into a forwarding decision.
import { parsePrefix } from '../control/ip.js';
import type { FibEntry } from '../control/index.js';
import { PrefixTable } from '../control/prefix-table.js';
import { dropped, type Drop } from './drop.js';

export interface Egress {
  /** The egress interface's name on the node. */
  iface: string;
  /** The address to resolve with ARP: the route's next hop, or the destination on a connected subnet. */
  nextHop: string;
  prefix: string;
}

const tables = new WeakMap<readonly FibEntry[], PrefixTable<FibEntry>>();

/**
 * A dotted quad as a number, without validation: packet addresses come from the model, already valid.
 * (control/ip.ts's parser validates every octet, which costs more than the lookup itself at a hop per packet.)
 */
export function ipNumber(text: string): number {
  let value = 0;
  let octet = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      value = value * 256 + octet;
      octet = 0;
    } else octet = octet * 10 + (c - 48);
  }
  return value * 256 + octet;
}

export function lpm(fib: readonly FibEntry[], dst: string): Egress | Drop {
  let table = tables.get(fib);
  if (!table) {
    table = new PrefixTable<FibEntry>();
    for (const entry of fib) table.set(parsePrefix(entry.prefix), entry);
    tables.set(fib, table);
  }
  const e = table.lookup(ipNumber(dst));
  if (!e) return dropped('no-route', `no route to ${dst}`);
  if (e.action === 'drop') return dropped('null-route', `null route ${e.prefix} discards ${dst}`);
  if (e.interface === null) return dropped('no-route', `route ${e.prefix} has no egress interface`);
  return { iface: e.interface, nextHop: e.nextHop ?? dst, prefix: e.prefix };
}

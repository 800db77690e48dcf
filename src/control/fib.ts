// Longest-prefix-match lookup over a node's FIB as printed in RoutingResult.
import { parseIp, parsePrefix } from './ip.js';
import { PrefixTable } from './prefix-table.js';
import type { FibEntry, Ipv4 } from './types.js';

const tables = new WeakMap<readonly FibEntry[], PrefixTable<FibEntry>>();

/** The FIB entry that forwards packets to `address`, or null when none covers it. */
export function lookupFib(fib: readonly FibEntry[], address: Ipv4): FibEntry | null {
  let table = tables.get(fib);
  if (!table) {
    table = new PrefixTable<FibEntry>();
    for (const entry of fib) table.set(parsePrefix(entry.prefix), entry);
    tables.set(fib, table);
  }
  return table.lookup(parseIp(address)) ?? null;
}

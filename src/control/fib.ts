// Longest-prefix-match lookup over a node's FIB as printed in RoutingResult.
import { parseIp, parsePrefix } from './ip.js';
import { PrefixTable } from './prefix-table.js';
import type { FibEntry, Ipv4 } from './types.js';

const tables = new WeakMap<readonly FibEntry[], PrefixTable<FibEntry>>();

/** The FIB as a prefix table, built once per FIB (the data plane looks up every hop of every packet). */
export function fibTable(fib: readonly FibEntry[]): PrefixTable<FibEntry> {
  let table = tables.get(fib);
  if (!table) {
    table = new PrefixTable<FibEntry>();
    for (const entry of fib) table.set(parsePrefix(entry.prefix), entry);
    tables.set(fib, table);
  }
  return table;
}

/** The FIB entry that forwards packets to `address`, or null when none covers it. */
export function lookupFib(fib: readonly FibEntry[], address: Ipv4): FibEntry | null {
  return fibTable(fib).lookup(parseIp(address)) ?? null;
}

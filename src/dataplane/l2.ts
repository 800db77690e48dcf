// Layer 2: resolving a next hop's MAC as ARP would, and rewriting the Ethernet header at each routed hop.
import type { Iface, Network } from '../model/types.js';
import { dropped, type Drop } from './drop.js';
import type { Eth, Header, Packet } from './packet.js';

/** What ARP on every segment would learn: per segment, interfaces by address (no key string built per lookup). */
export type ArpTable = Map<number, Map<string, Iface>>;

export function arpTable(net: Network): ArpTable {
  const table: ArpTable = new Map();
  for (const i of net.interfaces) {
    if (i.address === null) continue;
    const onSegment = table.get(i.segment) ?? table.set(i.segment, new Map()).get(i.segment)!;
    if (!onSegment.has(i.address)) onSegment.set(i.address, i);
  }
  return table;
}

/** The interface on `segment` that holds `address` (what an ARP request would find), or an ARP failure. */
export function arp(net: Network, table: ArpTable, segment: number, address: string): Iface | Drop {
  return table.get(segment)?.get(address) ?? dropped('arp-failure', `no interface on ${net.segments[segment].label} answers ARP for ${address}`);
}

/**
 * Source MAC = the egress interface's, destination MAC = the next hop's. Replaces the outermost Ethernet
 * header, or adds one to a bare IP packet (as it leaves a tunnel or a socket). The stacks are built with
 * slice and concat, which size them exactly: a spread into a literal leaves room for growth in every stack,
 * and a simulator's flow cache keeps many.
 */
export function rewriteL2(p: Packet, src: string, dst: string, onWire: boolean): Packet {
  const eth: Eth = { proto: 'eth', src, dst, onWire };
  if (p.headers[0]?.proto !== 'eth') return { headers: [eth as Header].concat(p.headers), payload: p.payload };
  const headers = p.headers.slice();
  headers[0] = eth;
  return { headers, payload: p.payload };
}


// Layer 2: resolving a next hop's MAC as ARP would, and rewriting the Ethernet header at each routed hop.
import type { Iface, Network } from '../model/types.js';
import { dropped, type Drop } from './drop.js';
import type { Eth, Packet } from './packet.js';

/** The interface on `segment` that holds `address` (what an ARP request would find), or an ARP failure. */
export function arp(net: Network, segment: number, address: string): Iface | Drop {
  for (const id of net.segments[segment].interfaces) {
    if (net.interfaces[id].address === address) return net.interfaces[id];
  }
  return dropped('arp-failure', `no interface on ${net.segments[segment].label} answers ARP for ${address}`);
}

/**
 * Source MAC = the egress interface's, destination MAC = the next hop's. Replaces the outermost Ethernet
 * header, or adds one to a bare IP packet (as it leaves a tunnel or a socket).
 */
export function rewriteL2(p: Packet, src: string, dst: string, onWire: boolean): Packet {
  const eth: Eth = { proto: 'eth', src, dst, onWire };
  const rest = p.headers[0]?.proto === 'eth' ? p.headers.slice(1) : p.headers;
  return { headers: [eth, ...rest], payload: p.payload };
}


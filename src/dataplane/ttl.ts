import { dropped, type Drop } from './drop.js';
import { ipAt, replaceAt, type Packet } from './packet.js';

/** A router decrements the TTL of the IP header it routes on; a packet that would leave with TTL 0 is dropped. */
export function decrementTtl(p: Packet, ipIndex: number): Packet | Drop {
  const ip = ipAt(p, ipIndex);
  if (ip.ttl <= 1) return dropped('ttl-exceeded', `TTL of ${ip.src} → ${ip.dst} reached 0`);
  // Spelled out, not spread: this runs at every routed hop, and a literal is several times cheaper.
  return replaceAt(p, ipIndex, { proto: 'ipv4', src: ip.src, dst: ip.dst, ttl: ip.ttl - 1, df: ip.df });
}

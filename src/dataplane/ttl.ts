import { dropped, type Drop } from './drop.js';
import { ipAt, replaceAt, type Packet } from './packet.js';

/** A router decrements the TTL of the IP header it routes on; a packet that would leave with TTL 0 is dropped. */
export function decrementTtl(p: Packet, ipIndex: number): Packet | Drop {
  const ip = ipAt(p, ipIndex);
  if (ip.ttl <= 1) return dropped('ttl-exceeded', `TTL of ${ip.src} → ${ip.dst} reached 0`);
  return replaceAt(p, ipIndex, { ...ip, ttl: ip.ttl - 1 });
}

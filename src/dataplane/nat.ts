// NAT: source NAPT with connection tracking (a carrier-grade NAT), and 1:1 NAT (a cloud's floating IP).
import { dropped, type Drop } from './drop.js';
import { ipAt, portsAfter, replaceAt, type Packet, type Transport } from './packet.js';

export interface Endpoint {
  ip: string;
  port: number;
}

/** A NAPT pool's addresses, in order: an array, or computed on demand for a large prefix. */
export interface Pool {
  length: number;
  at(index: number): string | undefined;
}

export const FIRST_NAPT_PORT = 1024;
const LAST_PORT = 65535;

/**
 * One NAPT's connection-tracking table. Mappings are handed out deterministically: the pool's addresses in
 * order, ports from 1024 upward on each; a source that already has a mapping keeps it.
 */
export class Conntrack {
  private readonly out = new Map<string, Endpoint>();
  private readonly back = new Map<string, Endpoint>();
  private address = 0;
  private port = FIRST_NAPT_PORT;

  constructor(private readonly pool: Pool) {}

  map(proto: Transport, inside: Endpoint): Endpoint | null {
    const key = `${proto} ${inside.ip}:${inside.port}`;
    const known = this.out.get(key);
    if (known) return known;
    if (this.port > LAST_PORT) {
      this.address++;
      this.port = FIRST_NAPT_PORT;
    }
    if (this.address >= this.pool.length) return null;
    const outside = { ip: this.pool.at(this.address)!, port: this.port++ };
    this.out.set(key, outside);
    this.back.set(`${proto} ${outside.ip}:${outside.port}`, inside);
    return outside;
  }

  reverse(proto: Transport, outside: Endpoint): Endpoint | null {
    return this.back.get(`${proto} ${outside.ip}:${outside.port}`) ?? null;
  }
}

function rewrite(p: Packet, ipIndex: number, side: 'src' | 'dst', to: Endpoint): Packet {
  const ports = portsAfter(p, ipIndex)!;
  const q = replaceAt(p, ipIndex, { ...ipAt(p, ipIndex), [side]: to.ip });
  return replaceAt(q, ipIndex + 1, { ...ports, [side]: to.port });
}

/** Outbound NAPT: the source address and port become a pool address and port, remembered in `ct`. */
export function napt(p: Packet, ipIndex: number, ct: Conntrack): Packet | Drop {
  const ip = ipAt(p, ipIndex);
  const ports = portsAfter(p, ipIndex);
  if (!ports) return dropped('no-nat-mapping', `NAPT cannot translate ${ip.src}: no TCP or UDP ports`);
  const outside = ct.map(ports.proto, { ip: ip.src, port: ports.src });
  if (!outside) return dropped('no-nat-mapping', 'the NAT pool has no free port');
  return rewrite(p, ipIndex, 'src', outside);
}

/** Inbound NAPT: a reply to a pool address and port goes back to the inside source that has that mapping. */
export function unnapt(p: Packet, ipIndex: number, ct: Conntrack): Packet | Drop {
  const ip = ipAt(p, ipIndex);
  const ports = portsAfter(p, ipIndex);
  const inside = ports ? ct.reverse(ports.proto, { ip: ip.dst, port: ports.dst }) : null;
  if (!inside || !ports) return dropped('no-nat-mapping', `no NAT mapping for ${ip.dst}${ports ? `:${ports.dst}` : ''}`);
  return rewrite(p, ipIndex, 'dst', inside);
}

/** 1:1 NAT inbound: the public destination becomes the private one (ports unchanged). */
export function staticNatIn(p: Packet, ipIndex: number, privateIp: string): Packet {
  return replaceAt(p, ipIndex, { ...ipAt(p, ipIndex), dst: privateIp });
}

/** 1:1 NAT outbound: the private source becomes the public one. */
export function staticNatOut(p: Packet, ipIndex: number, publicIp: string): Packet {
  return replaceAt(p, ipIndex, { ...ipAt(p, ipIndex), src: publicIp });
}

/** Dotted-quad helpers for the model (the program stores addresses as unsigned 32-bit integers). */
import { formatIp, mask, network } from '../check/ipv4.js';

export { formatIp, mask, network };

export function parseIp(text: string): number {
  const [a, b, c, d] = text.split('.').map(Number);
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** `02:00:` then the address in hex: a MAC that tells which address it belongs to. */
export function macFromIp(addr: number): string {
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return ['02', '00', hex(addr >>> 24), hex((addr >>> 16) & 255), hex((addr >>> 8) & 255), hex(addr & 255)].join(':');
}

/** For interfaces with no address: `02:01:` then the interface id. */
export function macFromId(id: number): string {
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return ['02', '01', hex((id >>> 24) & 255), hex((id >>> 16) & 255), hex((id >>> 8) & 255), hex(id & 255)].join(':');
}

/** The prefix length of the smallest subnet holding `hosts` host addresses (at most /30, at least /8). */
export function lengthFor(hosts: number): number {
  let len = 30;
  while (len > 8 && 2 ** (32 - len) - 2 < hosts) len--;
  return len;
}

/** Dotted-quad helpers for the model (the program stores addresses as unsigned 32-bit integers). */
import { formatIp, mask, network } from '../check/ipv4.js';

export { formatIp, mask, network };

/**
 * A dotted quad as a number, without validation: the model's addresses are already valid (control/ip.ts's
 * parser validates every octet, which costs more than a FIB lookup at every hop of every packet).
 */
export function parseIp(text: string): number {
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

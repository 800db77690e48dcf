// IPv4 addresses as unsigned 32-bit numbers: the control plane compares and masks millions of them.
// Formatting and masks are the checker's (one implementation); parsing here validates, because RoutingInput
// is a public input that may come from outside the compiler.
import { formatIp, mask } from '../check/ipv4.js';
import type { Ipv4, Prefix } from './types.js';

export { formatIp, mask };

export interface Net {
  /** Network address, host bits cleared. */
  network: number;
  length: number;
}

export function parseIp(text: Ipv4): number {
  const parts = text.split('.');
  if (parts.length !== 4) throw new Error(`not an IPv4 address: ${text}`);
  let value = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (!/^\d{1,3}$/.test(part) || octet > 255) throw new Error(`not an IPv4 address: ${text}`);
    value = value * 256 + octet;
  }
  return value;
}

export function parsePrefix(text: Prefix): Net {
  const slash = text.indexOf('/');
  if (slash < 0) throw new Error(`not an IPv4 prefix: ${text}`);
  const length = Number(text.slice(slash + 1));
  if (!Number.isInteger(length) || length < 0 || length > 32) throw new Error(`not an IPv4 prefix: ${text}`);
  return { network: (parseIp(text.slice(0, slash)) & mask(length)) >>> 0, length };
}

export function formatPrefix(net: Net): Prefix {
  return `${formatIp(net.network)}/${net.length}`;
}

export function netOf(address: number, length: number): Net {
  return { network: (address & mask(length)) >>> 0, length };
}

export function contains(net: Net, address: number): boolean {
  return ((address & mask(net.length)) >>> 0) === net.network;
}

/** Sort order for prefixes in every output: by network address, then shorter first. */
export function compareNets(a: Net, b: Net): number {
  return a.network - b.network || a.length - b.length;
}

/** An address inside the prefix to aim test packets at: the first host, or the address itself for a /31 or /32. */
export function probeAddress(net: Net): number {
  return net.length >= 31 ? net.network : net.network + 1;
}

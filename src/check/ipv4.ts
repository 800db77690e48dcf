/** IPv4 arithmetic on unsigned 32-bit integers (the AST's representation of addresses). */

export function formatIp(addr: number): string {
  return [addr >>> 24, (addr >>> 16) & 255, (addr >>> 8) & 255, addr & 255].join('.');
}

export function mask(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

export function network(addr: number, len: number): number {
  return (addr & mask(len)) >>> 0;
}

export function broadcast(addr: number, len: number): number {
  return (network(addr, len) | ~mask(len)) >>> 0;
}

export function contains(prefix: { addr: number; len: number }, addr: number): boolean {
  return network(addr, prefix.len) === network(prefix.addr, prefix.len);
}

export function formatPrefix(p: { addr: number; len: number }): string {
  return `${formatIp(p.addr)}/${p.len}`;
}

/** "10.0.3.1 – 10.0.3.254": the usable host addresses of a subnet (all of a /31 or /32). */
export function hostRange(p: { addr: number; len: number }): string {
  const lo = network(p.addr, p.len);
  const hi = broadcast(p.addr, p.len);
  return p.len >= 31 ? `${formatIp(lo)} – ${formatIp(hi)}` : `${formatIp(lo + 1)} – ${formatIp(hi - 1)}`;
}

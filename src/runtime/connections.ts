// A node's TCP connections by their four-tuple. Looked up for every segment a node receives, so no key string
// is built per lookup: connections are found by their two ports, and the few that share both apart by their
// addresses.

interface Entry<T> {
  localIp: string;
  remoteIp: string;
  value: T;
}

export class Connections<T> {
  private readonly byPorts = new Map<number, Entry<T>[]>();

  get(localIp: string, localPort: number, remoteIp: string, remotePort: number): T | undefined {
    const entries = this.byPorts.get(portsKey(localPort, remotePort));
    if (entries === undefined) return undefined;
    for (const e of entries) if (e.localIp === localIp && e.remoteIp === remoteIp) return e.value;
    return undefined;
  }

  set(localIp: string, localPort: number, remoteIp: string, remotePort: number, value: T): void {
    const k = portsKey(localPort, remotePort);
    const entries = this.byPorts.get(k);
    const known = entries?.find((e) => e.localIp === localIp && e.remoteIp === remoteIp);
    if (known) known.value = value;
    else if (entries) entries.push({ localIp, remoteIp, value });
    else this.byPorts.set(k, [{ localIp, remoteIp, value }]); // a literal: sized for one, as most are
  }

  /** Forgets the four-tuple if it still names `value` (not a newer connection on the same ports and addresses). */
  delete(localIp: string, localPort: number, remoteIp: string, remotePort: number, value: T): void {
    const k = portsKey(localPort, remotePort);
    const entries = this.byPorts.get(k);
    const at = entries?.findIndex((e) => e.localIp === localIp && e.remoteIp === remoteIp && e.value === value) ?? -1;
    if (at < 0) return;
    entries!.splice(at, 1);
    if (entries!.length === 0) this.byPorts.delete(k);
  }
}

/**
 * The two ports as one 32-bit integer, distinct for every pair: `localPort * 65536 + remotePort` would pass 2^31
 * for an ephemeral local port, and V8 boxes every such key in a heap number; this wraps to a negative int32.
 */
function portsKey(localPort: number, remotePort: number): number {
  return (localPort << 16) | remotePort;
}

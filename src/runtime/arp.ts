// ARP with a cache (RFC 826): before a node sends its first frame to a next hop on a wire it broadcasts
// "who-has", the owner answers "is-at", and frames wait meanwhile. The answer itself comes from the data
// plane (`forward` already found the next hop's MAC); what ARP adds here is the time and the exchange.

/** How long a node waits for an answer before asking again (Linux retransmits ARP after 1 s). */
export const ARP_RETRY = 1;
const ARP_BYTES = 42;

export interface ArpWaiter {
  flush: Array<() => void>;
}

export class ArpCache {
  /** Resolved next hops by `segment|peer interface`, and the frames waiting for one. */
  private readonly known = new Set<number>();
  private readonly waiting = new Map<number, ArpWaiter>();

  has(key: number): boolean {
    return this.known.has(key);
  }

  /** Queue `send` until `key` resolves; returns true when this is the first frame waiting (ask now). */
  wait(key: number, send: () => void): boolean {
    const w = this.waiting.get(key);
    if (w) {
      w.flush.push(send);
      return false;
    }
    this.waiting.set(key, { flush: [send] });
    return true;
  }

  resolved(key: number): void {
    if (this.known.has(key)) return;
    this.known.add(key);
    const w = this.waiting.get(key);
    this.waiting.delete(key);
    for (const send of w?.flush ?? []) send();
  }

  pending(key: number): boolean {
    return this.waiting.has(key);
  }
}

export { ARP_BYTES };

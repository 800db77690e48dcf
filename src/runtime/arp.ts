// ARP with a cache (RFC 826): before a node sends its first frame to a next hop on a wire it broadcasts
// "who-has", the owner answers "is-at", and frames wait meanwhile. The answer itself comes from the data
// plane (`forward` already found the next hop's MAC); what ARP adds here is the time and the exchange.

/** How long a node waits for an answer before asking again, and how often it asks (Linux: 1 s, 3 probes). */
export const ARP_RETRY = 1;
export const ARP_ATTEMPTS = 3;
/** An ARP request or reply on Ethernet: 14 + 28 bytes. */
export const ARP_BYTES = 42;

interface ArpWaiter {
  flush: Array<() => void>;
  asked: number;
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
    this.waiting.set(key, { flush: [send], asked: 0 });
    return true;
  }

  /** Counts a request; false when every attempt is spent: the waiting frames are dropped, the next one asks anew. */
  ask(key: number): boolean {
    const w = this.waiting.get(key);
    if (!w) return false;
    if (w.asked++ < ARP_ATTEMPTS) return true;
    this.waiting.delete(key);
    return false;
  }

  resolved(key: number): void {
    if (this.known.has(key)) return;
    this.known.add(key);
    const w = this.waiting.get(key);
    this.waiting.delete(key);
    for (const send of w?.flush ?? []) send();
  }

}


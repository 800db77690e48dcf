import { mask } from './ipv4.js';

export interface Range {
  lo: number;
  hi: number;
}

/**
 * Hands out aligned subnets from a pool in request order, skipping the ranges already taken (declared
 * subnets anywhere in the program), so assigned subnets never overlap declared ones. The cursor only moves
 * forward and the taken ranges are sorted, so a whole allocation run is linear.
 */
export class SubnetPool {
  private cursor: number;
  private readonly end: number;
  private readonly taken: Range[];
  private next_ = 0;

  constructor(base: number, len: number, taken: readonly Range[]) {
    this.cursor = rangeOf(base, len).lo;
    this.end = this.cursor + 2 ** (32 - len);
    this.taken = [...taken].sort((a, b) => a.lo - b.lo || a.hi - b.hi);
  }

  /** The next free aligned /len, or null when the pool is exhausted. */
  next(len: number): number | null {
    const size = 2 ** (32 - len);
    const align = (x: number) => Math.ceil(x / size) * size;
    let at = align(this.cursor);
    while (at + size <= this.end) {
      while (this.next_ < this.taken.length && this.taken[this.next_].hi < at) this.next_++;
      const r = this.taken[this.next_];
      if (r && r.lo < at + size) {
        at = align(r.hi + 1);
        continue;
      }
      this.cursor = at + size;
      return at >>> 0;
    }
    return null;
  }
}

export function rangeOf(addr: number, len: number): Range {
  const lo = (addr & mask(len)) >>> 0;
  return { lo, hi: lo + 2 ** (32 - len) - 1 };
}

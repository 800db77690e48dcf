// Longest-prefix match: one hash map per prefix length, probed from the longest length present.
// Keys are `network | 0` (see ownerOf in topology.ts for why).
import { mask, type Net } from './ip.js';

export class PrefixTable<T> {
  /** Lengths in use, longest first, with the mask and the map of each. */
  private lengths: number[] = [];
  private masks: number[] = [];
  private maps: Map<number, T>[] = [];

  get(net: Net): T | undefined {
    const i = this.lengths.indexOf(net.length);
    return i < 0 ? undefined : this.maps[i].get(net.network | 0);
  }

  set(net: Net, value: T): void {
    let i = this.lengths.indexOf(net.length);
    if (i < 0) {
      i = this.lengths.findIndex((l) => l < net.length);
      if (i < 0) i = this.lengths.length;
      this.lengths.splice(i, 0, net.length);
      this.masks.splice(i, 0, mask(net.length) | 0);
      this.maps.splice(i, 0, new Map());
    }
    this.maps[i].set(net.network | 0, value);
  }

  /** The value of the longest prefix containing the address. */
  lookup(address: number): T | undefined {
    for (let i = 0; i < this.masks.length; i++) {
      const value = this.maps[i].get(address & this.masks[i]);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

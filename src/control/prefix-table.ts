// Longest-prefix match: one hash map per prefix length, probed from the longest length present.
import { mask, type Net } from './ip.js';

export class PrefixTable<T> {
  private readonly byLength = new Map<number, Map<number, T>>();
  /** Lengths in use, longest first. */
  private lengths: number[] = [];

  get(net: Net): T | undefined {
    return this.byLength.get(net.length)?.get(net.network);
  }

  set(net: Net, value: T): void {
    let table = this.byLength.get(net.length);
    if (!table) {
      table = new Map();
      this.byLength.set(net.length, table);
      this.lengths = [...this.byLength.keys()].sort((x, y) => y - x);
    }
    table.set(net.network, value);
  }

  /** The value of the longest prefix containing the address, with that prefix. */
  lookup(address: number): { net: Net; value: T } | undefined {
    for (const length of this.lengths) {
      const network = (address & mask(length)) >>> 0;
      const value = this.byLength.get(length)!.get(network);
      if (value !== undefined) return { net: { network, length }, value };
    }
    return undefined;
  }
}

/** IPv4 blocks handed out from disjoint regions, so that no two generated subnets or pools ever overlap. */

export function formatIpv4(addr: number): string {
  return `${addr >>> 24}.${(addr >>> 16) & 255}.${(addr >>> 8) & 255}.${addr & 255}`;
}

/** An aligned power-of-two block of addresses: `base/len`. */
export class Block {
  constructor(readonly base: number, readonly len: number) {}

  get size(): number {
    return 2 ** (32 - this.len);
  }

  /** The i-th aligned sub-block of prefix length `len` inside this one. */
  sub(index: number, len: number): Block {
    const block = new Block(this.base + index * 2 ** (32 - len), len);
    if (len < this.len || block.base + block.size > this.base + this.size) {
      throw new RangeError(`sub-block ${index}/${len} is outside ${this.toString()}`);
    }
    return block;
  }

  /** The address `offset` places after the block's base, e.g. `.1` of a subnet. */
  host(offset: number): string {
    return formatIpv4(this.base + offset);
  }

  toString(): string {
    return `${formatIpv4(this.base)}/${this.len}`;
  }
}

/** Prefix length of the smallest block holding `count` addresses (at least a /30). */
export function prefixFor(count: number): number {
  let len = 30;
  while (len > 0 && 2 ** (32 - len) < count) len--;
  return len;
}

/** A bump allocator over [start, end): each block is aligned to its own size. */
export class AddressRegion {
  private cursor: number;

  constructor(private readonly name: string, start: string, private readonly end: number) {
    this.cursor = parseIpv4(start);
  }

  alloc(count: number): Block {
    const len = prefixFor(count);
    const size = 2 ** (32 - len);
    const base = Math.ceil(this.cursor / size) * size;
    if (base + size > this.end) throw new RangeError(`the generator ran out of ${this.name} addresses`);
    this.cursor = base + size;
    return new Block(base, len);
  }
}

export function parseIpv4(text: string): number {
  return text.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

/**
 * The generator's address plan: public space (announcements, link pools, NAT pools, gateway links)
 * from 11.0.0.0 up to 100.0.0.0, UE pools from 100.64.0.0/10, VPC subnets from 10.0.0.0/8.
 */
export function addressPlan(): { pub: AddressRegion; ue: AddressRegion; vpc: AddressRegion } {
  return {
    pub: new AddressRegion('public', '11.0.0.0', parseIpv4('100.0.0.0')),
    ue: new AddressRegion('UE pool', '100.64.0.0', parseIpv4('100.128.0.0')),
    vpc: new AddressRegion('VPC', '10.0.0.0', parseIpv4('11.0.0.0')),
  };
}

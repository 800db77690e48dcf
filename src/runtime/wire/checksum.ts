// The Internet checksum (RFC 1071) shared by IPv4, UDP and TCP.

/**
 * The 16-bit ones' complement sum of `bytes[start, end)` added to `initial`, folded to 16 bits. A trailing odd
 * byte is padded with zero on the right, as RFC 1071 §4.1 does. Summing in a plain number and folding once at
 * the end is exact: a 1500-byte frame adds at most 750 × 0xffff, far below 2^53.
 */
export function onesSum(bytes: Uint8Array, start: number, end: number, initial = 0): number {
  let sum = initial;
  let i = start;
  for (; i + 1 < end; i += 2) sum += (bytes[i] << 8) | bytes[i + 1];
  if (i < end) sum += bytes[i] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum;
}

/** The checksum to store: the complement of the sum. */
export function internetChecksum(bytes: Uint8Array, start: number, end: number, initial = 0): number {
  return ~onesSum(bytes, start, end, initial) & 0xffff;
}

/**
 * The sum of the IPv4 pseudo-header UDP and TCP checksums cover (RFC 768, RFC 9293 §3.1): source and destination
 * address, zero, protocol, and the transport length. `ip` is the offset of the IPv4 header whose addresses apply.
 */
export function pseudoHeaderSum(bytes: Uint8Array, ip: number, protocol: number, length: number): number {
  return onesSum(bytes, ip + 12, ip + 20, protocol + length);
}

// The Internet checksum against RFC 1071's worked example and a real IPv4 header.
import { describe, expect, test } from 'vitest';
import { internetChecksum, onesSum, pseudoHeaderSum } from '../../src/runtime/wire/checksum.js';

const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex.replace(/\s/g, ''), 'hex'));

describe('internet checksum (RFC 1071)', () => {
  test('RFC 1071 §3 example: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2', () => {
    const data = bytes('0001 f203 f4f5 f6f7');
    expect(onesSum(data, 0, data.length)).toBe(0xddf2);
    expect(internetChecksum(data, 0, data.length)).toBe(0x220d);
  });

  test('an IPv4 header with its checksum field zeroed gives the checksum it was sent with (b861)', () => {
    // 192.168.0.1 → 192.168.0.199, UDP, TTL 64, DF, total length 115: the classic textbook header.
    const header = bytes('4500 0073 0000 4000 4011 0000 c0a8 0001 c0a8 00c7');
    expect(internetChecksum(header, 0, 20)).toBe(0xb861);
    header.set([0xb8, 0x61], 10);
    expect(internetChecksum(header, 0, 20)).toBe(0); // the receiver's check: the whole header sums to ffff
  });

  test('an odd trailing byte counts as the high byte of a word padded with zero', () => {
    expect(onesSum(bytes('0102 03'), 0, 3)).toBe(0x0102 + 0x0300);
  });

  test('carries wrap around (end-around carry)', () => {
    expect(onesSum(bytes('ffff 0001'), 0, 4)).toBe(0x0001);
    expect(onesSum(bytes('ffff'), 0, 2, 0xffff)).toBe(0xffff);
  });

  test('the range is respected', () => {
    expect(onesSum(bytes('ffff 1234 ffff'), 2, 4)).toBe(0x1234);
  });

  test('pseudo-header: both addresses of the IPv4 header at the offset, the protocol and the length', () => {
    const header = bytes('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7');
    const expected = (0xc0a8 + 0x0001 + 0xc0a8 + 0x00c7 + 17 + 95) % 0xffff;
    expect(pseudoHeaderSum(header, 0, 17, 95)).toBe(expected);
  });
});

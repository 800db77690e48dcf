// The classic pcap format (pcap-savefile(5)): file header and records, byte for byte.
import { describe, expect, test } from 'vitest';
import { pcapFile, pcapHeader, pcapRecord, SNAPLEN } from '../../src/runtime/wire/index.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('pcap', () => {
  test('file header: microsecond magic, version 2.4, zone and sigfigs 0, snaplen 262144, linktype 1 — little-endian', () => {
    expect(hex(pcapHeader())).toBe('d4c3b2a1' + '0200' + '0400' + '00000000' + '00000000' + '00000400' + '01000000');
  });

  test('record: seconds, microseconds, captured and original length, then the bytes', () => {
    expect(hex(pcapRecord({ time: 1.5, bytes: Uint8Array.of(0xaa, 0xbb, 0xcc) }))).toBe(
      '01000000' + '20a10700' + '03000000' + '03000000' + 'aabbcc', // 500000 µs = 0x0007a120
    );
  });

  test('timestamps are rounded to the microsecond: 3 × 1 ms stays 3000 µs despite floating point', () => {
    const record = pcapRecord({ time: 3 * 0.001, bytes: new Uint8Array(0) });
    expect(new DataView(record.buffer).getUint32(4, true)).toBe(3000);
  });

  test('a file is the header and the records in order, and the same frames give the same bytes', () => {
    const frames = [
      { time: 0.001, bytes: Uint8Array.of(1) },
      { time: 0.002, bytes: Uint8Array.of(2, 2) },
    ];
    const file = pcapFile(frames);
    expect(hex(file)).toBe(hex(pcapHeader()) + hex(pcapRecord(frames[0])) + hex(pcapRecord(frames[1])));
    expect(file.length).toBe(24 + 17 + 18);
    expect(pcapFile(frames)).toEqual(file);
  });

  test('refuses what it cannot write faithfully', () => {
    expect(() => pcapRecord({ time: -1, bytes: new Uint8Array(1) })).toThrow(RangeError);
    expect(() => pcapRecord({ time: Number.NaN, bytes: new Uint8Array(1) })).toThrow(RangeError);
    expect(() => pcapRecord({ time: 0, bytes: new Uint8Array(SNAPLEN + 1) })).toThrow(/snapshot length/);
  });
});

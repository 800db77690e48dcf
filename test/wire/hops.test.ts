// `topo hops --pcap`: one frame per hop, the radio hops left out, hop N at N ms. Read back with a small
// pcap reader here; test/wire/tshark.test.ts has Wireshark decode the same file.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { encodeFrame, hopsCapture } from '../../src/runtime/wire/index.js';
import { topo } from '../cli/helpers.js';
import { FLAGSHIP, hops } from '../hops/helpers.js';

/** The records of a pcap file this writer made (little-endian): time in µs and the frame. */
function records(file: Uint8Array): { micros: number; bytes: Uint8Array }[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: { micros: number; bytes: Uint8Array }[] = [];
  for (let at = 24; at < file.length; ) {
    const length = view.getUint32(at + 8, true);
    out.push({ micros: view.getUint32(at, true) * 1e6 + view.getUint32(at + 4, true), bytes: file.subarray(at + 16, at + 16 + length) });
    at += 16 + length;
  }
  return out;
}

describe('hopsCapture', () => {
  for (const reply of [false, true]) {
    test(`flagship order${reply ? ' reply' : ''}: every wired hop once, at its index in ms; radio hops left out`, () => {
      const { traces } = hops(FLAGSHIP, { flow: 'order', reply, format: 'json' });
      const capture = hopsCapture(traces);
      const wired = traces[0].hops.filter((h) => h.medium !== 'radio');
      expect(capture.frames).toBe(wired.length);
      expect(capture.skipped).toBe(2); // the phone's packet to the eNodeB, or the eNodeB's to the phone
      expect(records(capture.bytes)).toEqual(wired.map((h) => ({ micros: h.index * 1000, bytes: encodeFrame(h.packet) })));
    });
  }

  test('several flows: hops are numbered on across flows, so each keeps its own millisecond', () => {
    const { traces } = hops(FLAGSHIP, { format: 'json' });
    expect(traces.length).toBeGreaterThan(1);
    const times = records(hopsCapture(traces).bytes).map((r) => r.micros);
    expect(new Set(times).size).toBe(times.length);
    expect(times.at(-1)).toBe(traces.reduce((n, t) => n + t.hops.length, 0) * 1000);
  });
});

describe('topo hops --pcap', () => {
  test('writes the capture, prints the tables as before, and says what it wrote', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'topo-pcap-')), 'order.pcap');
    const r = topo(['hops', FLAGSHIP, '--flow', 'order', '--pcap', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync('examples/order-from-phone.order.hops.txt', 'utf8'));
    expect(r.stderr).toBe(`wrote 26 frames to ${out} (2 radio hops left out: no Ethernet on the air)\n`);
    const { traces } = hops(FLAGSHIP, { flow: 'order', format: 'json' });
    expect(new Uint8Array(readFileSync(out))).toEqual(hopsCapture(traces).bytes);
  });
});

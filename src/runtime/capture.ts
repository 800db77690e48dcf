// A packet capture of the run: every Ethernet frame the wires carry, encoded with the wire encoder (real
// lengths, checksums, TCP sequence numbers and flags) and written as a pcap file Wireshark reads. A UE's
// packets over the radio carry no Ethernet and are left out, as a tap on a cable would not see them.
import type { WireRecord } from './fabric.js';
import { encodeFrame, isEthernetFrame, pcapFile, type PcapFrame } from './wire/index.js';

export class Capture {
  private readonly frames: PcapFrame[] = [];

  readonly tap = (r: WireRecord): void => {
    if (!isEthernetFrame(r.packet)) return;
    const b = r.body;
    const tcp = b.kind === 'tcp' ? { seq: b.seq, ack: b.ack, flags: b.flags, window: b.window } : undefined;
    this.frames.push({ time: r.t, bytes: encodeFrame(r.packet, tcp ? { tcp } : {}) });
  };

  get count(): number {
    return this.frames.length;
  }

  /** The pcap file; frames in the order they left their nodes. */
  bytes(): Uint8Array {
    const ordered = this.frames.map((f, i) => ({ f, i })).sort((a, b) => a.f.time - b.f.time || a.i - b.i);
    return pcapFile(ordered.map(({ f }) => f));
  }
}

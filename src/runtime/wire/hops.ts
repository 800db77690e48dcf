// `topo hops --pcap`: the traced hops as a capture file, one frame per hop, as if one tap saw every wire.
import type { FlowTrace } from '../../trace/types.js';
import { encodeFrame, isEthernetFrame } from './frame.js';
import { pcapFile, type PcapFrame } from './pcap.js';

/** The spacing of hops in the capture: the k-th hop listed (counting every flow) is at k milliseconds. */
export const HOP_INTERVAL = 0.001;

export interface HopsCapture {
  /** The pcap file. */
  bytes: Uint8Array;
  frames: number;
  /** Hops with no Ethernet on the wire (a UE's radio): an Ethernet capture cannot hold them. */
  skipped: number;
}

/**
 * Every hop of the traces, in order, as one Ethernet frame each. A hop keeps its place in time when a radio hop
 * before it is skipped, so for a single flow hop N is at N ms and Wireshark's time column names the hop.
 */
export function hopsCapture(traces: readonly FlowTrace[]): HopsCapture {
  const frames: PcapFrame[] = [];
  let k = 0;
  let skipped = 0;
  for (const trace of traces) {
    for (const hop of trace.hops) {
      k++;
      if (isEthernetFrame(hop.packet)) frames.push({ time: k * HOP_INTERVAL, bytes: encodeFrame(hop.packet) });
      else skipped++;
    }
  }
  return { bytes: pcapFile(frames), frames: frames.length, skipped };
}

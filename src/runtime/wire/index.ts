// Packets as bytes on the wire, and capture files Wireshark opens. docs/pcap.md describes what is encoded.
//
//   encodeFrame(packet, { tcp?, ipId?, payload? })  → the Ethernet frame's bytes (lengths, checksums filled in)
//   isEthernetFrame(packet)                          → false for a UE's packet on the radio (no Ethernet to encode)
//   pcapFile([{ time, bytes }])                      → a classic pcap file (linktype Ethernet, µs timestamps)
//   pcapHeader(), pcapRecord({ time, bytes })        → the same, in pieces, to stream a long capture
//   hopsCapture(traces)                              → `topo hops --pcap`: one frame per traced hop, 1 ms apart
export { encodeFrame, isEthernetFrame, MIN_FRAME, type EncodeOptions } from './frame.js';
export { TCP_FLAG, type TcpFields } from './layers.js';
export { LINKTYPE_ETHERNET, pcapFile, pcapHeader, pcapRecord, SNAPLEN, type PcapFrame } from './pcap.js';
export { hopsCapture, HOP_INTERVAL, type HopsCapture } from './hops.js';

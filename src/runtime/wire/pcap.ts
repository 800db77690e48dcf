// Classic libpcap files (https://www.tcpdump.org/manpages/pcap-savefile.5.html): a 24-byte file header, then
// per frame a 16-byte record header and the frame's bytes. Written little-endian with microsecond timestamps,
// the format every capture tool reads; nothing depends on the clock or the host, so the same frames give the
// same file.

export const LINKTYPE_ETHERNET = 1;
/** Frames longer than this are refused rather than cut: a capture of the model must hold every byte. */
export const SNAPLEN = 262144;

const MAGIC_MICROSECONDS = 0xa1b2c3d4;

export interface PcapFrame {
  /** Seconds since the start of the capture (the file's epoch, 1970-01-01 in Wireshark's absolute view). */
  time: number;
  /** One link-layer frame, as `encodeFrame` returns it. */
  bytes: Uint8Array;
}

/** The file header: version 2.4, UTC, the snapshot length, Ethernet link type. */
export function pcapHeader(): Uint8Array {
  const out = new Uint8Array(24);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC_MICROSECONDS, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  // thiszone (8) and sigfigs (12) stay 0, as every writer since libpcap 0.4 leaves them
  view.setUint32(16, SNAPLEN, true);
  view.setUint32(20, LINKTYPE_ETHERNET, true);
  return out;
}

/** One frame's record: its timestamp rounded to the microsecond, then its bytes. For streaming after `pcapHeader()`. */
export function pcapRecord(frame: PcapFrame): Uint8Array {
  const { time, bytes } = frame;
  if (!(time >= 0)) throw new RangeError(`pcap time must be a non-negative number of seconds, not ${time}`);
  if (bytes.length > SNAPLEN) throw new RangeError(`frame of ${bytes.length} bytes exceeds the snapshot length ${SNAPLEN}`);
  const micros = Math.round(time * 1e6);
  const out = new Uint8Array(16 + bytes.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, Math.floor(micros / 1e6), true);
  view.setUint32(4, micros % 1e6, true);
  view.setUint32(8, bytes.length, true); // captured length
  view.setUint32(12, bytes.length, true); // length on the wire: nothing was cut
  out.set(bytes, 16);
  return out;
}

/** A whole capture file: the header and every frame, in the order given. */
export function pcapFile(frames: readonly PcapFrame[]): Uint8Array {
  const parts = [pcapHeader(), ...frames.map(pcapRecord)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

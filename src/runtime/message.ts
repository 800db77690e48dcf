// What packets carry above their headers. The data plane's Packet is a header stack and a payload size; the
// simulator adds the transport fields (TCP sequence numbers, flags) and the application messages, which
// travel beside the packet through every hop and come out unchanged at the far end.

/** An application message: what it is (for the timeline), how many bytes it takes, and its content. */
export interface Message<T = unknown> {
  label: string;
  size: number;
  data: T;
}

/** TCP flag bits, as in the header (RFC 9293 §3.1). */
export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const PSH = 0x08;
export const ACK = 0x10;

/** A message ending inside a segment, at `end` (the offset one past its last byte, counted from the SYN). */
export interface Carried {
  end: number;
  msg: Message;
}

export interface TcpSegment {
  kind: 'tcp';
  /** Sequence and acknowledgment numbers as on the wire (mod 2^32). */
  seq: number;
  ack: number;
  flags: number;
  window: number;
  /** Data bytes. */
  len: number;
  msgs: readonly Carried[];
}

export interface Datagram {
  kind: 'udp';
  msg: Message;
}

export type Body = TcpSegment | Datagram;

/** The bytes a body puts after its packet's headers. */
export function payloadOf(b: Body): number {
  return b.kind === 'tcp' ? b.len : b.msg.size;
}

export function flagNames(flags: number): string {
  const names: string[] = [];
  if (flags & SYN) names.push('SYN');
  if (flags & FIN) names.push('FIN');
  if (flags & RST) names.push('RST');
  if (flags & PSH) names.push('PSH');
  if (flags & ACK) names.push('ACK');
  return names.join('+');
}

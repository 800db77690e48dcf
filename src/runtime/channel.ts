// A reliable, ordered message channel: what TCP gives an application, and what TLS gives one over TCP.
// HTTP, RPC and the database protocol speak over a Channel without knowing which one it is.
import type { Message } from './message.js';

export type CloseReason = 'closed' | 'reset' | 'timeout';

export interface ChannelHandlers {
  /** The channel can carry messages (TCP established; TLS handshake finished). */
  open?(): void;
  message?(m: Message): void;
  /** The peer closed its side (no more messages will come). */
  end?(): void;
  /** The channel is gone; `timeout` means the transport gave up retransmitting. */
  closed?(reason: CloseReason): void;
}

export interface Channel {
  /** "phone:40001 → 198.51.100.10:443", for the timeline. */
  readonly label: string;
  handlers: ChannelHandlers;
  send(m: Message): void;
  close(): void;
}

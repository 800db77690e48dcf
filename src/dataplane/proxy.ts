// A proxy ends the client's TCP connection (the client's state and window live on it) and opens its own to
// the backend: the backend sees the proxy as its client, never the original one (seed step 58).
import { innerIp, originate, portsAfter, type Packet } from './packet.js';

export interface Upstream {
  /** The proxy's own address toward the backend, and the port it opens the connection from. */
  src: string;
  sport: number;
  dst: string;
  dport: number;
}

/** The first packet of the proxy's own connection, carrying the client's request (same payload). */
export function terminate(request: Packet, upstream: Upstream): Packet {
  const proto = portsAfter(request, innerIp(request))?.proto ?? 'tcp';
  return originate(upstream.src, upstream.dst, proto, upstream.sport, upstream.dport, request.payload);
}

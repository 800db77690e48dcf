// Request/response over a channel: HTTP/1.1, the RPC between tiers and the database protocol share the shape
// (one request, one response, then the client closes). The client retries a request that got no answer on
// a fresh connection with the same idempotency key; the server hands each request to its application once.
import type { Channel } from './channel.js';
import type { Message } from './message.js';
import type { Scheduler, Timer } from './scheduler.js';
import type { Endpoint, Stack } from './stack.js';
import type { TcpConnection } from './tcp/connection.js';
import type { Timeline } from './timeline.js';
import { clientHelloVersion, TlsChannel } from './tls.js';

export type AppProtocol = 'http' | 'rpc' | 'db';

export interface Request {
  kind: 'request';
  protocol: AppProtocol;
  /** One attempt: a retry is a new request with the same idempotency key. */
  id: string;
  key: string | null;
  method: string;
  path: string;
  flow: string;
}
export interface Response {
  kind: 'response';
  id: string;
  status: number;
}

export const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 502: 'Bad Gateway' };
const RESPONSE_BYTES = 256;
const REQUEST_HEADER_BYTES = 200;

/** How long a client waits for an answer before retrying, and how many attempts it makes. */
export interface RetryPolicy {
  timeout: number;
  attempts: number;
}
export const DEFAULT_RETRY: RetryPolicy = { timeout: 30, attempts: 8 };

export function describeRequest(r: Request): string {
  const what = r.protocol === 'http' ? `HTTP ${r.method} ${r.path}` : r.protocol === 'rpc' ? `RPC ${r.path}` : `DB ${r.method === 'GET' ? 'read' : 'write'}`;
  return `${what}${r.key ? ` (idempotency key ${r.key})` : ''}`;
}

export interface ClientContext {
  stack: Stack;
  sched: Scheduler;
  timeline: Timeline;
  tls: '1.2' | '1.3' | null;
}

/** Sends `request` to `server`, retrying on silence or a lost connection; `done(null)` after the last attempt. */
export function call(ctx: ClientContext, server: Endpoint, base: Omit<Request, 'id'>, size: number, retry: RetryPolicy, done: (r: Response | null) => void): void {
  let attempt = 0;
  let finished = false;
  const next = () => {
    if (finished) return;
    if (++attempt > retry.attempts) {
      finished = true;
      return done(null);
    }
    const req: Request = { ...base, id: `${base.flow}#${ctx.stack.name}:${ctx.sched.now.toFixed(6)}:${attempt}`, kind: 'request' };
    const ch = channel(ctx, ctx.stack.connect(server), 'client');
    let answered = false;
    const timer: Timer = ctx.sched.after(retry.timeout, () => {
      if (answered || finished) return;
      ctx.timeline.add(req.protocol === 'db' ? 'db' : req.protocol, ctx.stack.name, `no answer to ${describeRequest(req)} in ${retry.timeout} s: retrying`, '52');
      ch.close();
      next();
    });
    ch.handlers.open = () => {
      if (attempt > 1) ctx.timeline.add(req.protocol === 'db' ? 'db' : req.protocol, ctx.stack.name, `retry ${attempt} of ${describeRequest(req)}`, '52');
      ch.send({ label: describeRequest(req), size: size + REQUEST_HEADER_BYTES, data: req });
    };
    ch.handlers.message = (m) => {
      const r = m.data as Response;
      if (r.kind !== 'response' || answered || finished) return;
      answered = finished = true;
      timer.cancelled = true;
      ch.close();
      done(r);
    };
    ch.handlers.closed = (reason) => {
      if (answered || reason === 'closed') return;
      timer.cancelled = true;
      next();
    };
  };
  next();
}

/**
 * Serves requests on `port`: each one is handed to `handle` once; `reply` answers it on its connection. A
 * connection that opens with a TLS ClientHello is served over TLS in the offered version, any other in clear.
 */
export function serve(ctx: Omit<ClientContext, 'tls'>, port: number, handle: (req: Request, reply: (status: number) => void) => void): void {
  ctx.stack.listen(port, (tcp) => {
    const answer = (ch: Channel) => {
      ch.handlers.message = (m: Message) => {
        const req = m.data as Request;
        if (req.kind !== 'request') return;
        handle(req, (status) => ch.send({ label: `${status} ${STATUS_TEXT[status] ?? ''}`.trim(), size: RESPONSE_BYTES, data: { kind: 'response', id: req.id, status } satisfies Response }));
      };
      ch.handlers.end = () => ch.close();
    };
    answer(tcp);
    const plain = tcp.handlers.message!;
    tcp.handlers.message = (first) => {
      const version = clientHelloVersion(first);
      if (version === null) {
        tcp.handlers.message = plain;
        return plain(first);
      }
      const tls = channel({ ...ctx, tls: version }, tcp, 'server') as TlsChannel;
      answer(tls);
      tls.receive(first);
    };
  });
}

function channel(ctx: ClientContext, tcp: TcpConnection, role: 'client' | 'server'): Channel {
  if (ctx.tls === null) return tcp;
  const name = ctx.stack.name;
  return new TlsChannel(tcp, role, ctx.tls, (text, step) => ctx.timeline.add('tls', name, text, step));
}

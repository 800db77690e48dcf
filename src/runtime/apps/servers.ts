// The server processes: a load balancer that ends the client's connection and opens its own to a backend
// (seed steps 57–58), services that call the next tier (HTTP or RPC, steps 61–63), a database that commits a
// write once a quorum of replicas has it and answers a repeated idempotency key from what it stored (step 64),
// and a cache that answers from what it holds (step 8).
import { call, DEFAULT_RETRY, describeRequest, serve, type AppProtocol, type Request } from '../http.js';
import type { Simulation } from '../simulation.js';
import type { ProcessSpec, Upstream } from '../spec.js';

type Spec<R extends ProcessSpec['role']> = Extract<ProcessSpec, { role: R }>;

/** Serve every TCP port the process listens on (TLS where a client opens with it). */
function serveAll(sim: Simulation, spec: ProcessSpec, handle: (req: Request, reply: (status: number) => void) => void): void {
  const stack = sim.stack(spec.node);
  for (const l of spec.listen) {
    if (l.protocol !== 'tcp') continue;
    const ctx = { stack, sched: sim.sched, timeline: sim.timeline };
    serve(ctx, l.port, (req, reply) => {
      sim.ledger.receive(spec.name, req.id);
      sim.timeline.add(req.protocol === 'db' ? 'db' : req.protocol, spec.name, `${spec.name} receives ${describeRequest(req)}`, req.protocol === 'rpc' ? '63' : req.protocol === 'db' ? '64' : '62');
      handle(req, reply);
    });
  }
}

/** Forward `req` to `up` as a new request of `up`'s protocol, keeping its idempotency key. */
function forwardTo(sim: Simulation, from: ProcessSpec, up: Upstream, req: Request, done: (status: number) => void): void {
  const ctx = { stack: sim.stack(from.node), sched: sim.sched, timeline: sim.timeline, tls: null };
  const protocol: AppProtocol = up.app;
  const next = { kind: 'request' as const, protocol, key: req.key, method: req.method, path: protocol === 'http' ? req.path : `${up.process}.${req.method === 'GET' ? 'get' : 'put'}`, flow: req.flow };
  call(ctx, { ip: up.address, port: up.port }, next, 256, DEFAULT_RETRY, (r) => done(r?.status ?? 502));
}

export class LoadBalancer {
  private turn = 0;
  constructor(sim: Simulation, spec: Spec<'proxy'>) {
    serveAll(sim, spec, (req, reply) => {
      const backend = spec.backends[this.turn++ % Math.max(1, spec.backends.length)];
      if (!backend) return reply(502);
      sim.timeline.add('http', spec.name, `${spec.name} opens its own connection to ${backend.process} (${backend.address}:${backend.port})`, '58');
      forwardTo(sim, spec, backend, req, reply);
    });
  }
}

export class Service {
  constructor(sim: Simulation, spec: Spec<'service'>) {
    serveAll(sim, spec, (req, reply) => {
      // Each call in order; the answer is the first failure, else success.
      const step = (i: number) => {
        if (i === spec.calls.length) return reply(req.method === 'GET' ? 200 : 201);
        forwardTo(sim, spec, spec.calls[i], req, (status) => (status >= 400 ? reply(status) : step(i + 1)));
      };
      step(0);
    });
  }
}

/** Replica acknowledgments arrive after 0.2–2 ms (a write to a neighbour's log). */
const REPLICA_DELAY = [0.0002, 0.002] as const;

export class Database {
  private readonly done = new Map<string, number>();
  private readonly pending = new Map<string, ((status: number) => void)[]>();

  constructor(private readonly sim: Simulation, private readonly spec: Spec<'database'>) {
    serveAll(sim, spec, (req, reply) => (req.method === 'GET' ? reply(200) : this.write(req, reply)));
  }

  private write(req: Request, reply: (status: number) => void): void {
    const key = req.key ?? req.id;
    const { sim, spec } = this;
    const stored = this.done.get(key);
    if (stored !== undefined) {
      sim.timeline.add('db', spec.name, `duplicate write with key ${key}: answered from the stored result, nothing written`, '52');
      return reply(stored);
    }
    const waiting = this.pending.get(key);
    if (waiting) return void waiting.push(reply);
    this.pending.set(key, [reply]);
    let acks = 0;
    for (let r = 1; r <= spec.replicas; r++) {
      const delay = REPLICA_DELAY[0] + sim.rng.next() * (REPLICA_DELAY[1] - REPLICA_DELAY[0]);
      sim.sched.after(delay, () => {
        if (++acks !== spec.quorum) return;
        this.done.set(key, 201);
        sim.ledger.write(spec.name, key);
        sim.timeline.add('db', spec.name, `order written to ${spec.name} (quorum ${spec.quorum}/${spec.replicas}, key ${key})`, '64');
        const replies = this.pending.get(key) ?? [];
        this.pending.delete(key);
        for (const answer of replies) answer(201);
      });
    }
  }
}

export class Cache {
  constructor(sim: Simulation, spec: Spec<'cache'>) {
    serveAll(sim, spec, (req, reply) => {
      sim.timeline.add('http', spec.name, `cache hit ${req.path}`, '8');
      reply(200);
    });
  }
}

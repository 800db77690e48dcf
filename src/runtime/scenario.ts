// Flows as scenarios: a client attaches (when it is a UE), resolves the name (when `to` is one), then sends
// its request over TCP (and TLS for https), retrying with the same idempotency key until it gets an answer.
import { lookup, Gslb, Resolver } from './apps/dns.js';
import { Cache, Database, LoadBalancer, Service } from './apps/servers.js';
import { call, DEFAULT_RETRY, STATUS_TEXT, type RetryPolicy } from './http.js';
import { attach } from './lte.js';
import type { Simulation } from './simulation.js';
import type { FlowSpec, NodeId, ProcessSpec } from './spec.js';

export type Process = Resolver | Gslb | LoadBalancer | Service | Database | Cache;

/** The runtime behaviour of a declared process, started on its node. */
export function startProcess(sim: Simulation, p: ProcessSpec): Process {
  switch (p.role) {
    case 'resolver':
      return new Resolver(sim, p);
    case 'gslb':
      return new Gslb(sim, p);
    case 'proxy':
      return new LoadBalancer(sim, p);
    case 'service':
      return new Service(sim, p);
    case 'database':
      return new Database(sim, p);
    case 'cache':
      return new Cache(sim, p);
  }
}

const attachments = new WeakMap<Simulation, Map<NodeId, (() => void)[] | 'attached'>>();

/** Calls `then` once `node` can send: at once, or when its attach completes (one attach per UE). */
function whenAttached(sim: Simulation, node: NodeId, then: () => void): void {
  const bearer = sim.spec.bearers.find((b) => b.ue === node);
  if (!bearer) return then();
  const states = attachments.get(sim) ?? attachments.set(sim, new Map()).get(sim)!;
  const state = states.get(node);
  if (state === 'attached') return then();
  if (state) return void state.push(then);
  states.set(node, [then]);
  attach(sim, bearer, () => {
    const waiting = states.get(node) as (() => void)[];
    states.set(node, 'attached');
    for (const w of waiting) w();
  });
}

export interface FlowRun {
  /** Which run of the flow this is (a key of its own when the flow is idempotent). */
  instance?: number;
  retry?: RetryPolicy;
  /** Called with the final status (null: no answer after every attempt, or the name did not resolve). */
  done?: (status: number | null) => void;
}

export function startFlow(sim: Simulation, flow: FlowSpec, run: FlowRun = {}): void {
  const instance = run.instance ?? 1;
  const client = sim.name(flow.client);
  const label = `flow ${flow.name}${instance > 1 ? ` #${instance}` : ''}`;
  const started = sim.sched.now;
  const finish = (status: number | null) => {
    sim.ledger.flows.push({ flow: flow.name, instance, status, started, finished: sim.sched.now });
    const took = `${(sim.sched.now - started).toFixed(3)} s`;
    sim.timeline.add('flow', client, status === null ? `${label} failed after ${took}` : `${label} complete: ${status} ${STATUS_TEXT[status] ?? ''} after ${took}`, status === null ? undefined : '64');
    run.done?.(status);
  };
  const request = (address: string) => {
    if (flow.protocol === 'udp') {
      const stack = sim.stack(flow.client);
      stack.sendUdp({ ip: stack.addressToward(address), port: stack.ephemeral('udp') }, { ip: address, port: flow.port }, { label: `${label} datagram`, size: flow.size, data: null });
      return finish(null);
    }
    const ctx = { stack: sim.stack(flow.client), sched: sim.sched, timeline: sim.timeline, tls: flow.tls ? sim.tls : null };
    const key = flow.idempotent ? `${flow.name}-${instance}` : null;
    call(ctx, { ip: address, port: flow.port }, { kind: 'request', protocol: 'http', key, method: flow.method, path: flow.path, flow: flow.name }, flow.size, run.retry ?? DEFAULT_RETRY, (r) => finish(r?.status ?? null));
  };
  whenAttached(sim, flow.client, () => {
    sim.timeline.add('flow', client, `${label} starts: ${flow.method} ${flow.host}${flow.path}`, '9');
    if (!flow.resolve) return request(flow.host);
    if (!flow.resolver) {
      sim.timeline.add('dns', client, `no resolver to look up ${flow.host}`);
      return finish(null);
    }
    lookup(sim, flow.client, flow.resolver, flow.host, (a) => {
      if (!a?.address) return finish(null);
      sim.timeline.add('dns', client, `${flow.host} is ${a.address}`, '7');
      request(a.address);
    });
  });
}

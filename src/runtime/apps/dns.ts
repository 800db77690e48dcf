// DNS: a stub asks its resolver; the resolver answers from its cache while the record's TTL lasts, else asks
// the GSLB whose zone serves the name (longest zone first), else the next resolver it forwards to; the GSLB
// answers from its pool. Lost datagrams are asked again after a second (seed steps 6–7).
import type { Message } from '../message.js';
import type { Simulation } from '../simulation.js';
import type { DnsForward, Peer, ProcessSpec } from '../spec.js';
import type { Endpoint } from '../stack.js';

interface Query {
  kind: 'query';
  id: number;
  name: string;
}
interface Answer {
  kind: 'answer';
  id: number;
  name: string;
  address: string | null;
  ttl: number;
}
type Dns = Query | Answer;

/** Seconds before asking again, and how many times (glibc's stub: 5 s and 2 attempts; an app asks again after). */
const RETRY_AFTER = 1;
const ATTEMPTS = 10;
const HEADER_BYTES = 12;
const ANSWER_BYTES = 16;

const dnsBytes = (d: Dns) => HEADER_BYTES + d.name.length + 6 + (d.kind === 'answer' && d.address ? ANSWER_BYTES : 0);
const message = (d: Dns): Message<Dns> => ({ label: d.kind === 'query' ? `DNS query A ${d.name}` : `DNS answer ${d.name} A ${d.address ?? 'NXDOMAIN'}`, size: dnsBytes(d), data: d });

/** Ask `server` for `name` from `node` (a fresh port per question, as `topo hops` numbers them); retries on silence. */
export function lookup(sim: Simulation, node: number, server: Peer, name: string, done: (a: Answer | null) => void): void {
  const stack = sim.stack(node);
  const local = { ip: stack.addressToward(server.address), port: stack.ephemeral('udp') };
  const remote = { ip: server.address, port: server.port };
  const id = sim.rng.int(0, 65535);
  let tries = 0;
  let answered = false;
  stack.bindUdp(local.port, (m) => {
    const a = m.data as Dns;
    if (a.kind !== 'answer' || a.id !== id || answered) return;
    answered = true;
    stack.unbindUdp(local.port);
    done(a);
  });
  const ask = () => {
    if (answered) return;
    if (++tries > ATTEMPTS) {
      stack.unbindUdp(local.port);
      return done(null);
    }
    sim.timeline.add('dns', stack.name, `DNS query A ${name} → ${server.process} (${remote.ip}:${remote.port})${tries > 1 ? `, attempt ${tries}` : ''}`, '7');
    stack.sendUdp(local, remote, message({ kind: 'query', id, name }));
    sim.sched.after(RETRY_AFTER, ask);
  };
  ask();
}

/** A caching resolver: answers from its cache while the TTL lasts, else forwards. */
export class Resolver {
  private readonly cache = new Map<string, { address: string | null; expires: number }>();
  private readonly waiting = new Map<string, ((a: Answer) => void)[]>();

  constructor(private readonly sim: Simulation, private readonly spec: Extract<ProcessSpec, { role: 'resolver' }>) {
    const stack = sim.stack(spec.node);
    for (const l of spec.listen) if (l.protocol === 'udp') stack.bindUdp(l.port, (m, from, to) => this.onQuery(m.data as Dns, from, to));
  }

  private onQuery(q: Dns, from: Endpoint, to: Endpoint): void {
    if (q.kind !== 'query') return;
    const stack = this.sim.stack(this.spec.node);
    const reply = (a: Answer) => stack.sendUdp(to, from, message({ ...a, id: q.id }));
    const hit = this.cache.get(q.name);
    const now = this.sim.sched.now;
    if (hit && hit.expires > now) {
      const ttl = Math.round(hit.expires - now);
      this.sim.timeline.add('dns', this.spec.name, `DNS cache hit ${q.name} A ${hit.address} (TTL ${ttl} s left)`, '7');
      return reply({ kind: 'answer', id: q.id, name: q.name, address: hit.address, ttl });
    }
    const queue = this.waiting.get(q.name);
    if (queue) return void queue.push(reply);
    this.waiting.set(q.name, [reply]);
    const server = this.choose(q.name);
    const finish = (answer: Answer | null) => {
      const replies = this.waiting.get(q.name) ?? [];
      this.waiting.delete(q.name);
      // No answer upstream: stay silent, so that the stubs ask again (a SERVFAIL would end their lookup).
      if (answer === null) return this.sim.timeline.add('dns', this.spec.name, `no answer for ${q.name} upstream`);
      const ttl = Math.min(answer.ttl, this.spec.cacheTtl ?? Infinity);
      if (answer.address !== null) {
        this.cache.set(q.name, { address: answer.address, expires: this.sim.sched.now + ttl });
        this.sim.timeline.add('dns', this.spec.name, `DNS cached ${q.name} A ${answer.address} for ${ttl} s`, '7');
      }
      for (const r of replies) r(answer);
    };
    if (!server) return finish({ kind: 'answer', id: 0, name: q.name, address: null, ttl: 0 });
    lookup(this.sim, this.spec.node, server, q.name, finish);
  }

  /** The GSLB with the longest zone serving the name, else the first resolver it forwards to. */
  private choose(name: string): DnsForward | undefined {
    const serves = (zone: string) => name === zone || name.endsWith(`.${zone}`);
    const gslb = this.spec.forward.filter((f) => f.zone !== null && serves(f.zone)).sort((a, b) => b.zone!.length - a.zone!.length)[0];
    return gslb ?? this.spec.forward.find((f) => f.zone === null);
  }
}

/** A global server load balancer: answers names in its zone with an address from its pool. */
export class Gslb {
  constructor(sim: Simulation, spec: Extract<ProcessSpec, { role: 'gslb' }>) {
    const stack = sim.stack(spec.node);
    for (const l of spec.listen) {
      if (l.protocol !== 'udp') continue;
      stack.bindUdp(l.port, (m, from, to) => {
        const q = m.data as Dns;
        if (q.kind !== 'query') return;
        sim.timeline.add('dns', spec.name, `GSLB picks ${spec.answer ?? 'nothing'} for ${q.name} (TTL ${spec.ttl} s)`, '7');
        stack.sendUdp(to, from, message({ kind: 'answer', id: q.id, name: q.name, address: spec.answer, ttl: spec.ttl }));
      });
    }
  }
}

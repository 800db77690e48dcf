// TCP's retransmission timer (RFC 6298): 1 s before any RTT sample, doubled on each expiry; the connection
// gives up after its last retransmission and the client's retry opens a new one.
import { describe, expect, it } from 'vitest';
import { Simulation, startFlow, startProcess, type SimEvent } from '../../src/runtime/index.js';
import { simulate, specOf } from './helpers.js';

const spec = specOf('examples/order-from-phone.topo');
const segment = (label: string) => spec.network.segments.find((s) => s.label === label)!.id;

describe('a wire that loses everything', () => {
  it('the SYN is resent after 1, 2, 4, 8 … s', () => {
    // The VXLAN underlay between the gateway's host and the proxy's: the DNS lookup does not need it.
    const { events } = simulate(spec, { flows: ['order'], failed: [segment('switch fabric')], until: 40, retry: { timeout: 600, attempts: 1 } });
    const syn = events.find((e) => e.text.startsWith('TCP SYN phone'))!;
    const resent = events.filter((e) => e.text.startsWith('TCP retransmits SYN') && e.at === 'phone').map((e) => e.t - syn.t);
    expect(resent.map((t) => Math.round(t))).toEqual([1, 3, 7, 15, 31]);
    expect(events.some((e) => e.category === 'loss')).toBe(true);
  });

  it('no order is written, and the flow fails once every attempt is spent', () => {
    const { sim } = simulate(spec, { flows: ['order'], failed: [segment('switch fabric')], retry: { timeout: 20, attempts: 2 } });
    expect(sim.ledger.written.size).toBe(0);
    expect(sim.ledger.flows.map((f) => f.status)).toEqual([null]);
  });
});

describe('TLS', () => {
  it('1.2 takes two round trips before the request, 1.3 one', () => {
    const first = (tls: '1.2' | '1.3') => {
      const { events } = simulate(spec, { flows: ['order'], tls });
      const hello = events.find((e) => e.text.includes('ClientHello'))!.t;
      const request = events.find((e) => e.text.startsWith('slb receives'))!.t;
      return { names: events.filter((e) => e.category === 'tls').map((e) => e.text.split(' ').slice(0, 3).join(' ')), took: request - hello };
    };
    const v12 = first('1.2');
    const v13 = first('1.3');
    expect(v12.names).toContain('TLS 1.2 ClientKeyExchange');
    expect(v13.names).not.toContain('TLS 1.3 ClientKeyExchange');
    expect(v13.took).toBeLessThan(v12.took * 0.8);
  });
});

describe('DNS', () => {
  it('the second lookup is answered from the resolver’s cache', () => {
    const sim = new Simulation(spec, {});
    const events: SimEvent[] = [];
    sim.timeline.subscribe((e) => events.push(e));
    for (const p of spec.processes) startProcess(sim, p);
    const order = spec.flows.find((f) => f.name === 'order')!;
    startFlow(sim, order, { instance: 1, done: () => startFlow(sim, order, { instance: 2 }) });
    sim.run();
    expect(sim.ledger.flows.map((f) => f.status)).toEqual([201, 201]);
    const dns = events.filter((e) => e.category === 'dns').map((e) => `${e.at}: ${e.text.split(' (')[0]}`);
    expect(dns.filter((t) => t.startsWith('shopdns')).length).toBe(1);
    expect(dns).toContain('ldns: DNS cache hit shop.example.com A 198.51.100.10');
  });
});

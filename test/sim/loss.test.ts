// Under heavy random loss, TCP retransmits and clients retry with their idempotency key: every order still
// completes, the database writes each order exactly once, and no server application sees a request twice.
import { describe, expect, it } from 'vitest';
import { simulate, specOf } from './helpers.js';

const spec = specOf('examples/order-from-phone.topo');
const ORDERS = 4;

describe('orders under 20% random loss', () => {
  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}`, () => {
      const { sim, events } = simulate(spec, { seed, loss: 0.2, flows: ['order'], instances: ORDERS, until: 3600 });
      const { ledger } = sim;
      expect(ledger.flows.map((f) => f.status)).toEqual(Array(ORDERS).fill(201));
      for (let i = 1; i <= ORDERS; i++) expect(ledger.written.get(`orderdb|order-${i}`)).toBe(1);
      expect(ledger.written.size).toBe(ORDERS);
      for (const [request, times] of ledger.received) expect({ request, times }).toEqual({ request, times: 1 });
      // The loss is real: something was lost and resent.
      expect(events.some((e) => e.category === 'loss')).toBe(true);
    });
  }
});

describe('without loss', () => {
  it('writes the order once, with no retransmission', () => {
    const { sim, events } = simulate(spec, { flows: ['order'] });
    expect([...sim.ledger.written]).toEqual([['orderdb|order-1', 1]]);
    expect(events.filter((e) => /retransmits|retrying/.test(e.text))).toEqual([]);
  });
});

// payloadRoom: the simulator's flow cache keeps one decision per hop of a connection and reuses it for every
// payload up to its room, so forwarding the same headers with such a payload must give that very outcome.
import { expect, test } from 'vitest';
import {
  buildDataplane, forward, innerIp, ipAt, NatState, originate, payloadRoom, portsAfter, type Arrival, type Outcome, type Packet,
} from '../../src/dataplane/index.js';
import { compile } from '../../src/driver/index.js';

const c = compile(['examples/order-from-phone.topo']).compilations[0];
const net = c.network!;
const dp = buildDataplane(c.program!, net, c.routing!);
const nat = new NatState(dp);
const node = (name: string) => net.nodes.findIndex((n) => n.name === name);
const address = (name: string) => net.interfaces.find((i) => i.node === node(name) && i.address !== null)!.address!;

interface Hop {
  at: number;
  arrival: Arrival;
  packet: Packet;
  out: Outcome;
}

/** Each node's decision on one packet's way, until it is delivered or dropped. */
function way(start: number, packet: Packet): Hop[] {
  const hops: Hop[] = [];
  let at = start;
  let arrival: Arrival = { via: 'origin' };
  for (;;) {
    const out = forward(dp, nat, at, arrival, packet, false);
    hops.push({ at, arrival, packet, out });
    if (out.kind !== 'send') return hops;
    ({ packet, arrival } = out);
    at = out.to;
  }
}

const withPayload = (p: Packet, payload: number): Packet => ({ headers: p.headers, payload });
const resized = (out: Outcome, payload: number): Outcome => (out.kind === 'drop' ? out : { ...out, packet: withPayload(out.packet, payload) });

test('a decision holds for every payload up to its room, at every hop of an order and its reply (GTP-U, NAT, VXLAN)', () => {
  const request = way(node('phone'), originate(address('phone'), '198.51.100.10', 'tcp', 40001, 443, 0));
  const delivered = request[request.length - 1];
  expect(delivered.out.kind).toBe('delivered');
  const got = (delivered.out as Extract<Outcome, { kind: 'delivered' }>).packet;
  const ip = ipAt(got, innerIp(got));
  const ports = portsAfter(got, innerIp(got))!;
  const reply = way(delivered.at, originate(ip.dst, ip.src, 'tcp', ports.dst, ports.src, 0));
  expect(reply[reply.length - 1].out.kind).toBe('delivered');
  let tight = 0;
  for (const hop of [...request, ...reply]) {
    const room = payloadRoom(dp, hop.out);
    expect(room).toBeGreaterThan(1000);
    for (const payload of [1, 536, room]) {
      expect(forward(dp, nat, hop.at, hop.arrival, withPayload(hop.packet, payload), false)).toEqual(resized(hop.out, payload));
    }
    if (forward(dp, nat, hop.at, hop.arrival, withPayload(hop.packet, room + 1), false).kind === 'drop') tight++;
  }
  // One more byte than the room is too big for DF-marked TCP on the wired hops: the room is no smaller than need be.
  expect(tight).toBeGreaterThan(0);
});

test('no room after a drop: it may not recur, so it is decided afresh', () => {
  expect(payloadRoom(dp, { kind: 'drop', drop: 'no-nat-mapping', detail: '', notes: [] })).toBe(-1);
});

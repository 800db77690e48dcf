import { defineCode } from '../diagnostic.js';

// TOPO30xx: the control plane — BGP sessions, reachability of announced prefixes, forwarding.
export const routingCodes = {
  sessionDown: defineCode<{ kind: string; a: string; b: string; reason: string }>({
    code: 'TOPO3001',
    severity: 'error',
    title: 'a BGP session would not be established',
    message: (a) => `${a.kind === 'ebgp' ? 'eBGP' : 'iBGP'} session ${a.a} -- ${a.b} would not be established: ${a.reason}`,
    help: (a) =>
      a.kind === 'ebgp'
        ? 'routes are exchanged only over established sessions; fix the cause, or set `bgp: off` on the link if no session is intended'
        : 'iBGP peers of one AS need an IP path between them inside the AS: link them directly or through other routers of the AS',
  }),
  prefixUnreachable: defineCode<{ prefix: string; by: string; cut: string }>({
    code: 'TOPO3002',
    severity: 'warning',
    title: 'an announced prefix is not reachable from some autonomous system',
    message: (a) => `${a.prefix}, announced by ${a.by}, is not reachable from ${a.cut}`,
    help: () => 'check the BGP sessions and export policies (deny_out, valley-free relationships) between these ASes and the origin',
  }),
  forwardingLoop: defineCode<{ prefix: string; cycle: string }>({
    code: 'TOPO3003',
    severity: 'error',
    title: 'packets to a prefix loop between routers',
    message: (a) => `forwarding loop for ${a.prefix}: ${a.cycle}`,
    help: () => 'each router in the cycle forwards to the next; look for static routes pointing back the way the packet came',
  }),
  blackHole: defineCode<{ prefix: string; at: string; why: string; from: string }>({
    code: 'TOPO3004',
    severity: 'warning',
    title: 'packets to an announced prefix are dropped on the way',
    message: (a) => `black hole for ${a.prefix}: ${a.at} ${a.why}${a.from ? `; traffic from ${a.from} ends there` : ''}`,
    help: () => 'give the router a route to the prefix (a BGP session, a static route), or make the traffic avoid it',
  }),
  unresolvableNextHop: defineCode<{ node: string; hop: string; prefixes: string }>({
    code: 'TOPO3005',
    severity: 'error',
    title: 'a route’s next hop cannot be resolved',
    message: (a) => `${a.node} cannot resolve next hop ${a.hop} (used by ${a.prefixes})`,
    help: () => 'the next hop must be reachable through a connected, static or IGP route; for iBGP, set `next_hop_self` on the border router',
  }),
  oscillation: defineCode<{ prefix: string; routers: string }>({
    code: 'TOPO3006',
    severity: 'error',
    title: 'BGP does not converge for a prefix',
    message: (a) => `BGP does not converge for ${a.prefix}: the best route of ${a.routers} keeps changing`,
    help: () => 'conflicting policies (local_pref preferring routes through each other) form a dispute wheel; make the preferences consistent',
  }),
} as const;

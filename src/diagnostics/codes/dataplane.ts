import { defineCode } from '../diagnostic.js';

// TOPO40xx: the data plane — what happens to a declared flow's packets (`topo hops`).
export const dataplaneCodes = {
  flowDropped: defineCode<{ flow: string; node: string; reason: string; detail: string }>({
    code: 'TOPO4001',
    severity: 'error',
    title: 'a flow\'s packets are dropped on the way',
    message: (a) => `flow ${a.flow} is dropped at ${a.node}: ${a.reason} (${a.detail})`,
    help: (a) => HELP[a.reason] ?? 'run `topo hops FILE --flow NAME` to see every hop up to the drop',
  }),
  replyDropped: defineCode<{ flow: string; node: string; reason: string; detail: string }>({
    code: 'TOPO4003',
    severity: 'error',
    title: 'a flow\'s reply is dropped on the way back',
    message: (a) => `the reply of flow ${a.flow} is dropped at ${a.node}: ${a.reason} (${a.detail})`,
    help: (a) =>
      a.reason === 'no route'
        ? 'the request left with a source address nothing routes back to: translate it on the way out (a NAT whose `inside` covers it) or announce its prefix'
        : 'run `topo hops FILE --flow NAME --reply` to see every hop of the way back up to the drop',
  }),
  pathMtuBelowDeclared: defineCode<{ flow: string; client: string; server: string; pathMtu: number; mtu: number }>({
    code: 'TOPO4002',
    severity: 'warning',
    title: 'a connection\'s path MTU is below the MTU its client declares',
    message: (a) => `path MTU of ${a.client} → ${a.server} in flow ${a.flow} is ${a.pathMtu} B, below ${a.client}'s declared mtu ${a.mtu} B`,
    help: () => 'full-size packets would be dropped or fragmented: lower the endpoint\'s `mtu`, or raise the MTU of the links under the tunnels',
  }),
} as const;

const HELP: Record<string, string> = {
  'no route': 'give the node a route to the destination (a BGP announcement, a static `route`), or reach it through an address that is routed, such as a public one',
  'null route': 'the node discards the destination with `route: … -> drop`; remove that route or send the flow elsewhere',
  'TTL exceeded': 'the packet went round until its TTL ran out: look for static routes that point back the way it came',
  'ARP failure': 'no interface on the segment holds the next hop\'s address: check the route\'s next hop and the link\'s addresses',
  'no NAT mapping': 'the reply reached a NAT pool address no connection was translated to; check the NAT\'s `inside` prefixes',
  'no listener': 'declare a process that `listen`s on that port on the destination node, or fix the flow\'s port',
  'no tunnel': 'check the `bearer` of the UE, or that the VMs\' hosts run OVS and share the VPC',
  'MTU exceeded': 'the packet, with its tunnel headers, is larger than a link\'s `mtu` and may not be fragmented: raise the link `mtu` or send smaller packets',
  'unresolved name': 'give the client a `resolver` that forwards to a `gslb` whose `zone` serves the name',
};

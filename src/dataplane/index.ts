// The data plane: pure packet steps, and `forward`, what one node does with one packet.
export * from './packet.js';
export * from './drop.js';
export { lpm, type Egress } from './lookup.js';
export { arp, arpTable, rewriteL2, type ArpTable } from './l2.js';
export { decrementTtl } from './ttl.js';
export { Conntrack, type Pool, napt, unnapt, staticNatIn, staticNatOut, type Endpoint } from './nat.js';
export { encapGtpu, decapGtpu, gtpuTeid } from './gtpu.js';
export { encapVxlan, decapVxlan, vxlanVni, vxlanSourcePort } from './vxlan.js';
export { terminate, type Upstream } from './proxy.js';
export { buildDataplane, switchPath, type Dataplane } from './context.js';
export { forward, NatState, payloadRoom, type Arrival, type Outcome, type Send } from './forward.js';

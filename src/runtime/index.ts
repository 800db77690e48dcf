// What generated simulators import (`topo/runtime`): the simulation, the process behaviours, the flows as
// scenarios, and the outputs. The runtime forwards with src/dataplane/, as `topo hops` does.
export * from './spec.js';
export { Simulation, type SimOptions } from './simulation.js';
export { Scheduler, type Timer } from './scheduler.js';
export { Random } from './random.js';
export { Timeline, formatEvent, jsonEvent, type SimEvent, type Category } from './timeline.js';
export type { WireRecord, WireTap } from './fabric.js';
export { Resolver, Gslb } from './apps/dns.js';
export { LoadBalancer, Service, Database, Cache } from './apps/servers.js';
export { startProcess, startFlow, type FlowRun, type Process } from './scenario.js';
export { TcpConnection, type TcpState } from './tcp/connection.js';
export { Ledger, type FlowResult } from './ledger.js';
export { runProgram, parseLoss, parseDuration, type SimProgram, type RunOptions, type RunResult } from './run.js';
export { main, parseArgs } from './main.js';
export { Capture } from './capture.js';
export type { Network, NetNode, Iface, Segment, Tunnel, GtpTunnel, VxlanTunnel, NatRule, Listener } from '../model/types.js';
export type { FibEntry } from '../control/types.js';

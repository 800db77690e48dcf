// Builds the control plane's input from the network model: which nodes route, their interfaces, static and
// default routes, link policies and announcements. The rules are about behaviours, never kind names.
import type { Network } from '../model/types.js';
import type { NodeId, Program, Props, Value } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
import { formatIp, network } from '../model/ipv4.js';
import type { Announcement, LinkInput, RouterInput, RoutingInput, SidePolicy, StaticRouteInput } from './types.js';

/** Nodes that hold an IP routing table: every node with an addressed interface, except switches. */
function routes(net: Network, id: NodeId): boolean {
  const n = net.nodes[id];
  return !n.behaviours.includes('switch') && n.interfaces.some((i) => net.interfaces[i].address !== null);
}

/** BGP speakers: routers inside an autonomous system. */
function speaksBgp(net: Network, id: NodeId): boolean {
  return net.nodes[id].behaviours.includes('router') && net.nodes[id].asn !== null;
}

export function routingInput(program: Program, net: Network): RoutingInput {
  const segName = segmentNames(net);
  const routers: RouterInput[] = [];
  for (const n of net.nodes) {
    if (!routes(net, n.id)) continue;
    const bgp = speaksBgp(net, n.id);
    const props = program.nodes[n.id].props;
    const r: RouterInput = {
      name: n.name,
      interfaces: n.interfaces
        .map((i) => net.interfaces[i])
        .filter((i) => i.address !== null)
        .map((i) => ({ name: i.name, address: i.address!, prefixLength: i.prefixLength!, link: segName[i.segment] })),
    };
    if (bgp) {
      r.asn = n.asn!;
      const rid = valuesOf(props, 'router_id', 'ip')[0];
      if (rid) r.routerId = formatIp(rid.addr);
      if (valuesOf(props, 'route_reflector', 'flag').length) r.routeReflector = true;
      const clients = valuesOf(props, 'clients', 'ref').map((v) => net.nodes[v.node].name);
      if (clients.length) r.clients = clients;
      const cluster = valuesOf(props, 'cluster_id', 'ip')[0];
      if (cluster) r.clusterId = formatIp(cluster.addr);
      if (valuesOf(props, 'next_hop_self', 'flag').length) r.nextHopSelf = true;
    }
    const statics = staticRoutes(net, props);
    if (!bgp && !statics.some((s) => s.prefix === '0.0.0.0/0')) {
      const gw = defaultGateway(net, n.id, props);
      if (gw) statics.push({ prefix: '0.0.0.0/0', nextHop: gw });
    }
    if (statics.length) r.staticRoutes = statics;
    routers.push(r);
  }
  return { routers, links: linkInputs(program, net, segName), announcements: announcements(program, net) };
}

/** Unique, readable names for segments: the label, with `#id` added where two segments share one. */
function segmentNames(net: Network): string[] {
  const count = new Map<string, number>();
  for (const s of net.segments) count.set(s.label, (count.get(s.label) ?? 0) + 1);
  return net.segments.map((s) => (count.get(s.label)! > 1 ? `${s.label}#${s.id}` : s.label));
}

function staticRoutes(net: Network, props: Props): StaticRouteInput[] {
  const out: StaticRouteInput[] = [];
  for (const v of valuesOf(props, 'route', 'arrow')) {
    if (v.from.kind !== 'prefix') continue;
    const prefix = `${formatIp(network(v.from.addr, v.from.len))}/${v.from.len}`;
    const hop = nextHopOf(net, v.to);
    if (hop === 'drop') out.push({ prefix, drop: true });
    else if (hop) out.push({ prefix, nextHop: hop });
  }
  return out;
}

function nextHopOf(net: Network, v: Value): string | 'drop' | null {
  if (v.kind === 'ip') return formatIp(v.addr);
  if (v.kind === 'word' && v.value === 'drop') return 'drop';
  if (v.kind === 'ref') return net.nodes[v.node].interfaces.map((i) => net.interfaces[i].address).find((a) => a !== null) ?? null;
  return null;
}

/**
 * A node outside BGP forwards what it does not know to its `gateway`, or else to the first router it shares
 * a segment with (interface order), as DHCP would hand out the subnet's router. A router outside BGP takes
 * only a BGP speaker as its default, so two routers without an AS never send their defaults to each other.
 */
function defaultGateway(net: Network, id: NodeId, props: Props): string | null {
  const declared = valuesOf(props, 'gateway', 'ip')[0];
  if (declared) return formatIp(declared.addr);
  const isRouter = net.nodes[id].behaviours.includes('router');
  for (const i of net.nodes[id].interfaces) {
    for (const j of net.segments[net.interfaces[i].segment].interfaces) {
      const peer = net.interfaces[j];
      if (peer.node === id || peer.address === null || !net.nodes[peer.node].behaviours.includes('router')) continue;
      if (!isRouter || speaksBgp(net, peer.node)) return peer.address;
    }
  }
  return null;
}

function linkInputs(program: Program, net: Network, segName: string[]): LinkInput[] {
  return net.segments.map((s) => {
    const input: LinkInput = { name: segName[s.id], cost: s.cost };
    if (s.link === null) return input;
    const link = program.links[s.link];
    const provider = valuesOf(link.props, 'provider', 'ref')[0];
    if (provider) input.provider = net.nodes[provider.node].name;
    if (valuesOf(link.props, 'peer', 'flag').length) input.peer = true;
    if (valuesOf(link.props, 'bgp', 'word')[0]?.value === 'off') input.bgp = false;
    const policy: Record<string, SidePolicy> = {};
    for (const end of link.ends) {
      const p = sidePolicy(end.props);
      if (p) policy[net.nodes[end.node].name] = p;
    }
    if (Object.keys(policy).length) input.policy = policy;
    return input;
  });
}

function sidePolicy(props: Props): SidePolicy | null {
  const num = (key: string) => valuesOf(props, key, 'number')[0]?.value;
  const prefixes = (key: string) => valuesOf(props, key, 'prefix').map((p) => `${formatIp(network(p.addr, p.len))}/${p.len}`);
  const p: SidePolicy = {};
  const localPref = num('local_pref');
  const med = num('med');
  const prepend = num('prepend');
  const weight = num('weight');
  if (localPref !== undefined) p.localPref = localPref;
  if (med !== undefined) p.med = med;
  if (prepend !== undefined) p.prepend = prepend;
  if (weight !== undefined) p.weight = weight;
  if (prefixes('deny_in').length) p.denyIn = prefixes('deny_in');
  if (prefixes('deny_out').length) p.denyOut = prefixes('deny_out');
  return Object.keys(p).length ? p : null;
}

/**
 * A router's own `announce`s, and its AS's: those are originated by the AS's border routers (routers with a
 * link to a router of another AS), or by all its routers when it has no border.
 */
function announcements(program: Program, net: Network): Announcement[] {
  const out: Announcement[] = [];
  const border = new Set<NodeId>();
  for (const l of program.links) {
    const [a, b] = l.ends.map((e) => e.node);
    if (speaksBgp(net, a) && speaksBgp(net, b) && net.nodes[a].asn !== net.nodes[b].asn) {
      border.add(a);
      border.add(b);
    }
  }
  const fmt = (p: { addr: number; len: number }) => `${formatIp(network(p.addr, p.len))}/${p.len}`;
  const members = new Map<NodeId, NodeId[]>();
  for (const n of program.nodes) {
    if (!speaksBgp(net, n.id)) continue;
    for (const p of valuesOf(n.props, 'announce', 'prefix')) out.push({ router: n.name, prefix: fmt(p) });
    for (let c = n.container; c !== null; c = program.nodes[c].container) {
      if (program.nodes[c].behaviours.has('autonomous_system')) (members.get(c) ?? members.set(c, []).get(c)!).push(n.id);
    }
  }
  for (const as of program.nodes) {
    const mine = members.get(as.id) ?? [];
    const origins = mine.some((m) => border.has(m)) ? mine.filter((m) => border.has(m)) : mine;
    for (const p of valuesOf(as.props, 'announce', 'prefix')) for (const m of origins) out.push({ router: net.nodes[m].name, prefix: fmt(p) });
  }
  return out;
}

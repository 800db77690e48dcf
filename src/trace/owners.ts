// Who holds an address: the node a table names beside each value. Overlay addresses repeat between VPCs, so
// a lookup tries the VPC in scope first. A NAT pool's addresses belong to the NAT.
import { parsePrefix, parseIp, contains } from '../control/ip.js';
import type { Network } from '../model/types.js';
import type { NodeId } from '../resolve/program.js';

export interface Owners {
  byValue: Map<string, NodeId>;
  pools: { net: ReturnType<typeof parsePrefix>; node: NodeId }[];
}

export function buildOwners(net: Network): Owners {
  const byValue = new Map<string, NodeId>();
  const set = (k: string, v: NodeId) => (byValue.has(k) ? undefined : byValue.set(k, v));
  for (const i of net.interfaces) {
    const vpc = net.segments[i.segment].vpc;
    if (i.address !== null) set(`${vpc ?? ''}|${i.address}`, i.node);
    set(`${vpc ?? ''}|${i.mac}`, i.node);
  }
  const pools = net.nats.flatMap((r) => (r.type === 'napt' ? [{ net: parsePrefix(r.pool), node: r.node }] : []));
  return { byValue, pools };
}

/** The node holding an address or MAC, looked up in `vpc` first, then outside any VPC. */
export function ownerOf(owners: Owners, value: string, vpc: NodeId | null): NodeId | null {
  const found = (vpc !== null ? owners.byValue.get(`${vpc}|${value}`) : undefined) ?? owners.byValue.get(`|${value}`);
  if (found !== undefined) return found;
  if (!value.includes('.')) return null;
  const a = parseIp(value);
  return owners.pools.find((p) => contains(p.net, a))?.node ?? null;
}

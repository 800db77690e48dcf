import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { modelCodes } from '../diagnostics/codes/model.js';
import type { Span } from '../diagnostics/span.js';
import type { NodeId, Program, Props } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
import { formatIp, lengthFor, macFromId, macFromIp, mask, network, parseIp } from './ipv4.js';
import { SubnetPool, rangeOf, type Range } from './pools.js';
import type { Skeleton } from './topology.js';
import type { Iface } from './types.js';

const DEFAULT_LINK_POOL = { addr: 0x0aff0000, len: 16 }; // 10.255.0.0/16

interface Net {
  addr: number;
  len: number;
}

/**
 * Decide every address and MAC, in a documented order (docs/language.md, "Addressing"):
 * 1. declared `ip` values go to the interface whose segment subnet contains them; 2. segments still without a subnet get one from the nearest
 *    `link_pool`; 3. remaining interfaces take the next free host address of their segment, in interface
 *    order; 4. MACs: declared `mac`, else derived from the address.
 */
export function assignAddresses(program: Program, sk: Skeleton): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const subnets = new Map<number, Net>(sk.declared);
  const used = new Map<number, Set<number>>();
  const take = (iface: Iface, addr: number, len: number, origin: Iface['addressOrigin']) => {
    iface.address = formatIp(addr);
    iface.prefixLength = len;
    iface.addressOrigin = origin;
    (used.get(iface.segment) ?? used.set(iface.segment, new Set()).get(iface.segment)!).add(addr);
  };

  for (const node of program.nodes) {
    for (const ip of valuesOf(node.props, 'ip', 'iface')) {
      const ifaces = sk.nodes[node.id].interfaces.map((i) => sk.interfaces[i]).filter((i) => i.address === null);
      const inSubnet = ifaces.find((i) => {
        const s = subnets.get(i.segment);
        return s !== undefined && network(ip.addr, s.len) === s.addr;
      });
      if (inSubnet) take(inSubnet, ip.addr, subnets.get(inSubnet.segment)!.len, 'declared');
      // Otherwise the checker has reported the address (TOPO2104: in no subnet of the node's links).
    }
  }

  const taken: Range[] = [...subnets.values()].map((s) => rangeOf(s.addr, s.len));
  const pools = new Map<string, SubnetPool>();
  for (const seg of sk.segments) {
    if (subnets.has(seg.id) || seg.interfaces.length === 0) continue;
    const { container, span } = declarationOf(program, sk, seg.id);
    const poolNet = linkPool(program, container, sk.nodes[sk.interfaces[seg.interfaces[0]].node].id);
    const key = `${poolNet.addr}/${poolNet.len}`;
    const pool = pools.get(key) ?? pools.set(key, new SubnetPool(poolNet.addr, poolNet.len, taken)).get(key)!;
    const len = lengthFor(seg.interfaces.length);
    const addr = pool.next(len);
    if (addr === null) {
      diagnostics.push(diag(modelCodes.poolExhausted, span, { pool: `${formatIp(poolNet.addr)}/${poolNet.len}`, what: `a /${len} for ${seg.label}` }));
      continue;
    }
    subnets.set(seg.id, { addr, len });
    seg.subnet = `${formatIp(addr)}/${len}`;
  }

  for (const seg of sk.segments) {
    const net = subnets.get(seg.id);
    if (!net) continue;
    const inUse = used.get(seg.id) ?? new Set<number>();
    const size = 2 ** (32 - net.len);
    const first = net.len >= 31 ? net.addr : net.addr + 1;
    const last = net.len >= 31 ? net.addr + size - 1 : net.addr + size - 2;
    let next = first;
    for (const id of seg.interfaces) {
      const iface = sk.interfaces[id];
      if (iface.address !== null) continue;
      while (next <= last && inUse.has(next)) next++;
      if (next > last) break;
      take(iface, next >>> 0, net.len, 'assigned');
      inUse.add(next++);
    }
  }

  for (const node of program.nodes) {
    const declaredMac = valuesOf(node.props, 'mac', 'mac')[0];
    sk.nodes[node.id].interfaces.forEach((id, i) => {
      const iface = sk.interfaces[id];
      if (i === 0 && declaredMac) {
        iface.mac = declaredMac.value;
        iface.macOrigin = 'declared';
      } else {
        iface.mac = iface.address !== null ? macFromIp(parseIp(iface.address)) : macFromId(iface.id);
      }
    });
  }
  return diagnostics;
}

/** Where a segment was declared: the link statement, or the first switch of a switched segment. */
function declarationOf(program: Program, sk: Skeleton, segment: number): { container: NodeId | null; span: Span } {
  const seg = sk.segments[segment];
  if (seg.link !== null) return { container: program.links[seg.link].container, span: program.links[seg.link].span };
  const first = program.nodes[seg.switches[0] ?? sk.interfaces[seg.interfaces[0]].node];
  return { container: first.container, span: first.nameSpan };
}

/** The nearest `link_pool`: the declaring container outwards, then the file, then 10.255.0.0/16. */
function linkPool(program: Program, container: NodeId | null, fileOf: NodeId): Net {
  for (let c = container; c !== null; c = program.nodes[c].container) {
    const p = poolIn(program.nodes[c].props);
    if (p) return p;
  }
  return poolIn(program.fileProps.get(program.nodes[fileOf].file)) ?? DEFAULT_LINK_POOL;
}

function poolIn(props: Props | undefined): Net | undefined {
  const v = props ? valuesOf(props, 'link_pool', 'prefix')[0] : undefined;
  return v ? { addr: (v.addr & mask(v.len)) >>> 0, len: v.len } : undefined;
}

// A compact way to write small test networks: routers by name with their AS, links as pairs.
// Link i gets subnet 10.0.x.y/30 (a = .1, b = .2 of it); router k (in name order) gets loopback 192.168.255.k+1.
import { formatIp } from '../../src/control/ip.js';
import type { InterfaceInput, LinkInput, RouterInput, RoutingInput, RoutingOptions, SessionInput } from '../../src/control/types.js';

export type RouterSpec = Partial<Omit<RouterInput, 'name' | 'interfaces'>> & { loopback?: boolean };

export interface NetSpec {
  routers: Record<string, number | RouterSpec>;
  links: [string, string, Omit<LinkInput, 'name'>?][];
  announce?: [string, string][];
  sessions?: SessionInput[];
  options?: RoutingOptions;
}

export function net(spec: NetSpec): RoutingInput {
  const names = Object.keys(spec.routers).sort();
  const interfaces = new Map<string, InterfaceInput[]>(names.map((n) => [n, []]));
  const routers: RouterInput[] = names.map((name, k) => {
    const s = spec.routers[name];
    const { loopback = true, ...rest } = typeof s === 'number' ? { asn: s } : s;
    if (loopback) interfaces.get(name)!.push({ name: 'lo', address: `192.168.255.${k + 1}`, prefixLength: 32 });
    return { name, ...rest, interfaces: interfaces.get(name)! };
  });
  const used = new Set<string>();
  const links: LinkInput[] = spec.links.map(([a, b, props], i) => {
    const name = used.has(`${a}--${b}`) ? `${a}--${b}#${i}` : `${a}--${b}`;
    used.add(name);
    const base = (10 << 24) + i * 4;
    for (const [end, host] of [[a, 1], [b, 2]] as const) {
      const list = interfaces.get(end);
      if (!list) throw new Error(`unknown router ${end}`);
      list.push({ name: `eth${list.filter((x) => x.link !== undefined).length}`, address: formatIp(base + host), prefixLength: 30, link: name });
    }
    return { name, ...props };
  });
  const input: RoutingInput = { routers, links, announcements: (spec.announce ?? []).map(([router, prefix]) => ({ router, prefix })) };
  if (spec.sessions) input.sessions = spec.sessions;
  if (spec.options) input.options = spec.options;
  return input;
}

/** The address of `router` on the i-th link of the spec (0-based), as the helper assigns it. */
export function linkAddress(spec: NetSpec, i: number, router: string): string {
  const [a] = spec.links[i];
  return formatIp((10 << 24) + i * 4 + (a === router ? 1 : 2));
}

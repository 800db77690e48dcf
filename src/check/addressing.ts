import { addressCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic, type Related } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { IfaceValue, PrefixValue, Program, Props, Value } from '../resolve/program.js';
import { firstOf, valuesOf } from '../resolve/program.js';
import { writtenProps } from '../resolve/defaults.js';
import { LINK_END_PROPS, LINK_PROPS, type PropTable, type PropType } from '../resolve/behaviours.js';
import { broadcast, contains, formatIp, formatPrefix, hostRange, network } from './ipv4.js';
import { l2, segmentSubnet, type Attachment } from './l2.js';
import { accepts, forEachValued } from './props.js';

/** Addressing: host bits, addresses outside their subnets, duplicates per domain, overlaps, NAT pools. */
export function checkAddressing(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  hostBits(program, out);
  interfaces(program, out);
  macs(program, out);
  overlaps(program, out);
  natPools(program, out);
  return out;
}

/** Prefixes written with host bits set, in every property written (built-in defaults are known to be clean). */
function hostBits(program: Program, out: Diagnostic[]): void {
  const { nodes, links } = program;
  for (let i = 0; i < nodes.length; i++) {
    const { kind, props } = nodes[i];
    hostBitsIn(props, kind === null ? undefined : program.kinds.get(kind)!.accepts, out);
  }
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    hostBitsIn(link.props, LINK_PROPS, out);
    hostBitsIn(link.ends[0].props, LINK_END_PROPS, out);
    hostBitsIn(link.ends[1].props, LINK_END_PROPS, out);
  }
  for (const props of program.fileProps.values()) hostBitsIn(props, undefined, out);
}

/**
 * `table`, when given, is the one the properties were typed against: the values of a property whose type
 * cannot hold a prefix are not read (reading a single value makes a list of it; most properties are not prefixes).
 */
function hostBitsIn(props: Props, table: PropTable | undefined, out: Diagnostic[]): void {
  const written = writtenProps(props);
  for (let i = 0; i < written.length; i++) {
    const spec = table?.[written[i].key];
    if (spec && !mayHoldPrefix(spec.type)) continue;
    const { values } = written[i];
    for (let j = 0; j < values.length; j++) hostBitsOf(values[j], out);
  }
}

function mayHoldPrefix(type: PropType): boolean {
  switch (type.t) {
    case 'prefix': return true;
    case 'arrow': return mayHoldPrefix(type.from) || mayHoldPrefix(type.to);
    case 'oneOf': return type.types.some(mayHoldPrefix);
    default: return false;
  }
}

function hostBitsOf(v: Value, out: Diagnostic[]): void {
  if (v.kind === 'arrow') {
    hostBitsOf(v.from, out);
    hostBitsOf(v.to, out);
  } else if (v.kind === 'prefix' && network(v.addr, v.len) !== v.addr) {
    out.push(diag(addressCodes.hostBits, v.span, { prefix: formatPrefix(v), network: formatPrefix({ addr: network(v.addr, v.len), len: v.len }) }));
  }
}

type Declared = Attachment & { subnet: PrefixValue };

/** Every explicit `ip`: inside one of the node's subnets, with its length, not reserved, not taken. */
function interfaces(program: Program, out: Diagnostic[]): void {
  const { attachmentsOf } = l2(program);
  const taken = new FirstUse<number>();
  forEachValued(program, 'ip', 'iface', (node, ips) => {
    const attachments = attachmentsOf(node.id);
    for (const ip of ips) {
      const home = homeOf(attachments, ip.addr);
      if (!home) {
        out.push(outside(node.name, formatIp(ip.addr), ip.span, attachments));
        continue;
      }
      if (ip.len !== null && ip.len !== home.subnet.len) out.push(lengthMismatch(ip, home.subnet));
      if (home.subnet.len <= 30) {
        const which = ip.addr === network(ip.addr, home.subnet.len) ? 'network' : ip.addr === broadcast(ip.addr, home.subnet.len) ? 'broadcast' : null;
        if (which) {
          out.push(diag(addressCodes.reservedAddress, ip.span, { addr: formatIp(ip.addr), which, subnet: formatPrefix(home.subnet) },
            { related: [subnetDeclared(home.subnet)], help: `use an address in ${hostRange(home.subnet)}` }));
        }
      }
      const first = taken.claim(home.domain, ip.addr, ip.span);
      if (first) out.push(diag(addressCodes.duplicateIp, ip.span, { addr: formatIp(ip.addr), subnet: home.label }, { related: [{ span: first, label: 'first used here' }] }));
    }
  });
}

/** The first attachment with a declared subnet that contains the address. */
function homeOf(attachments: readonly Attachment[], addr: number): Declared | undefined {
  for (let i = 0; i < attachments.length; i++) {
    const a = attachments[i];
    if (a.subnet !== null && contains(a.subnet, addr)) return a as Declared;
  }
  return undefined;
}

function lengthMismatch(ip: IfaceValue, subnet: PrefixValue): Diagnostic {
  const addr = formatIp(ip.addr);
  return diag(addressCodes.lengthMismatch, ip.span, { iface: `${addr}/${ip.len}`, subnet: formatPrefix(subnet) },
    { related: [subnetDeclared(subnet)], help: `write ${addr}/${subnet.len}, or just ${addr}` });
}

function subnetDeclared(subnet: PrefixValue): Related {
  return { span: subnet.span, label: 'the subnet is declared here' };
}

/** TOPO2104 in the shape of the UX mock-up: the subnet as a labelled secondary span and the usable range. */
function outside(name: string, addr: string, span: Span, attachments: readonly Attachment[]): Diagnostic {
  const known = attachments.filter((a): a is Declared => a.subnet !== null);
  const related = known.map((a) => ({ span: a.subnet.span, label: `the subnet of ${a.label} is declared here` }));
  if (known.length === 0) {
    const autoLinks = attachments.length > known.length;
    return diag(addressCodes.outsideSubnet, span, { addr, where: `every subnet: \`${name}\` has no link with a declared subnet` },
      { help: autoLinks ? `give one of \`${name}\`'s links a \`subnet\` containing ${addr}, or omit \`ip\` to have one assigned` : `link \`${name}\` to something first, or omit \`ip\`` });
  }
  const where = known.length === 1 ? `subnet ${formatPrefix(known[0].subnet)} of ${known[0].label}` : `the subnets of \`${name}\`'s links (${known.map((a) => formatPrefix(a.subnet)).join(', ')})`;
  const ranges = known.map((a) => `${formatPrefix(a.subnet)} (${hostRange(a.subnet)})`).join(' or ');
  return diag(addressCodes.outsideSubnet, span, { addr, where }, {
    related, label: `not in ${known.map((a) => formatPrefix(a.subnet)).join(' or ')}`, help: `use an address in ${ranges}, or omit \`ip\` to have one assigned`,
  });
}

function macs(program: Program, out: Diagnostic[]): void {
  const { attachmentsOf } = l2(program);
  const taken = new FirstUse<string>();
  forEachValued(program, 'mac', 'mac', (node, macValues) => {
    const attachments = attachmentsOf(node.id);
    for (const mac of macValues) {
      for (const a of attachments) {
        const first = taken.claim(a.domain, mac.value, mac.span);
        if (first && first !== mac.span) out.push(diag(addressCodes.duplicateMac, mac.span, { mac: mac.value, domain: a.label }, { related: [{ span: first, label: 'first used here' }] }));
      }
    }
  });
}

/** Where each value (an address, a MAC) is first used in each L2/L3 domain: a map per domain rather than a key string per use. */
class FirstUse<V> {
  private readonly byDomain = new Map<number, Map<V, Span>>();

  /** The span recorded for `value` in `domain`; when there is none, records `span` and returns undefined. */
  claim(domain: number, value: V, span: Span): Span | undefined {
    let taken = this.byDomain.get(domain);
    if (!taken) this.byDomain.set(domain, (taken = new Map()));
    const first = taken.get(value);
    if (!first) taken.set(value, span);
    return first;
  }
}

interface Range { lo: number; hi: number; value: PrefixValue; what: string }

/** The address space of the underlay (link and segment subnets, UE and NAT pools); each VPC's is its id. */
const UNDERLAY = -1;
/** The address space of subnets declared outside any VPC. */
const TOP_LEVEL = -2;

/**
 * Overlapping ranges, by a sweep over ranges sorted by start: the underlay is one address space,
 * each VPC's subnets another.
 */
function overlaps(program: Program, out: Diagnostic[]): void {
  const spaces = new Map<number, Range[]>();
  const add = (space: number, value: PrefixValue | undefined, what: string) => {
    if (!value) return;
    const range = { lo: network(value.addr, value.len), hi: broadcast(value.addr, value.len), value, what };
    const list = spaces.get(space);
    if (list) list.push(range); else spaces.set(space, [range]);
  };
  const { isSwitch, segments, linkSubnets } = l2(program);
  const { nodes, links } = program;
  // A subnet on a link to a switch is ignored (TOPO2205): the segment's subnet applies.
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (!isSwitch(link.ends[0].node) && !isSwitch(link.ends[1].node)) add(UNDERLAY, linkSubnets[link.id], 'link subnet');
  }
  for (const switches of segments.values()) add(UNDERLAY, segmentSubnet(program, switches), 'switch subnet');
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (accepts(program, node, 'ue_pool')) add(UNDERLAY, firstOf(node.props, 'ue_pool', 'prefix'), 'UE pool');
    if (accepts(program, node, 'pool')) add(UNDERLAY, firstOf(node.props, 'pool', 'prefix'), 'NAT pool');
    if (node.behaviours.has('subnet')) add(node.container ?? TOP_LEVEL, firstOf(node.props, 'cidr', 'prefix'), 'VPC subnet');
  }
  for (const ranges of spaces.values()) {
    ranges.sort(byStartThenWidest);
    let widest: Range | undefined;
    for (let i = 0; i < ranges.length; i++) {
      const r = ranges[i];
      if (widest && r.lo <= widest.hi) {
        out.push(diag(addressCodes.overlappingSubnets, r.value.span, { a: `${r.what} ${formatPrefix(r.value)}`, b: `${widest.what} ${formatPrefix(widest.value)}` },
          { related: [{ span: widest.value.span, label: `${formatPrefix(widest.value)} is declared here` }] }));
      }
      if (!widest || r.hi > widest.hi) widest = r;
    }
  }
}

function byStartThenWidest(a: Range, b: Range): number {
  return a.lo - b.lo || b.hi - a.hi;
}

function natPools(program: Program, out: Diagnostic[]): void {
  forEachValued(program, 'pool', 'prefix', (node, [pool]) => {
    for (const inside of valuesOf(node.props, 'inside', 'prefix')) {
      if (contains(pool, inside.addr) || contains(inside, pool.addr)) {
        out.push(diag(addressCodes.natPoolOverlap, pool.span, { pool: formatPrefix(pool), inside: formatPrefix(inside) }, { related: [{ span: inside.span, label: 'the inside range' }] }));
      }
    }
  });
}

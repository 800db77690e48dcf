import { addressCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic, type Related } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { PrefixValue, Program, Props, Value } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
import { writtenProps } from '../resolve/defaults.js';
import { broadcast, contains, formatIp, formatPrefix, hostRange, network } from './ipv4.js';
import { l2, type Attachment } from './l2.js';

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
  for (const node of program.nodes) hostBitsIn(node.props, out);
  for (const link of program.links) {
    hostBitsIn(link.props, out);
    hostBitsIn(link.ends[0].props, out);
    hostBitsIn(link.ends[1].props, out);
  }
  for (const props of program.fileProps.values()) hostBitsIn(props, out);
}

function hostBitsIn(props: Props, out: Diagnostic[]): void {
  for (const p of writtenProps(props)) for (const v of p.values) hostBitsOf(v, out);
}

function hostBitsOf(v: Value, out: Diagnostic[]): void {
  if (v.kind === 'arrow') {
    hostBitsOf(v.from, out);
    hostBitsOf(v.to, out);
  } else if (v.kind === 'prefix' && network(v.addr, v.len) !== v.addr) {
    out.push(diag(addressCodes.hostBits, v.span, { prefix: formatPrefix(v), network: formatPrefix({ addr: network(v.addr, v.len), len: v.len }) }));
  }
}

/** Every explicit `ip`: inside one of the node's subnets, with its length, not reserved, not taken. */
function interfaces(program: Program, out: Diagnostic[]): void {
  const { attachmentsOf } = l2(program);
  const taken = new Map<string, Span>();
  for (const node of program.nodes) {
    const ips = valuesOf(node.props, 'ip', 'iface');
    if (ips.length === 0) continue;
    const attachments = attachmentsOf(node.id);
    const known = attachments.filter((a): a is Attachment & { subnet: PrefixValue } => a.subnet !== null);
    for (const ip of ips) {
      const home = known.find((a) => contains(a.subnet, ip.addr));
      const addr = formatIp(ip.addr);
      if (!home) {
        out.push(outside(node.name, addr, ip.span, known, attachments.length > known.length));
        continue;
      }
      const subnet = formatPrefix(home.subnet);
      const declared: Related = { span: home.subnet.span, label: 'the subnet is declared here' };
      if (ip.len !== null && ip.len !== home.subnet.len) {
        out.push(diag(addressCodes.lengthMismatch, ip.span, { iface: `${addr}/${ip.len}`, subnet }, { related: [declared], help: `write ${addr}/${home.subnet.len}, or just ${addr}` }));
      }
      if (home.subnet.len <= 30) {
        const which = ip.addr === network(ip.addr, home.subnet.len) ? 'network' : ip.addr === broadcast(ip.addr, home.subnet.len) ? 'broadcast' : null;
        if (which) out.push(diag(addressCodes.reservedAddress, ip.span, { addr, which, subnet }, { related: [declared], help: `use an address in ${hostRange(home.subnet)}` }));
      }
      const key = `${home.domain}|${ip.addr}`;
      const first = taken.get(key);
      if (first) out.push(diag(addressCodes.duplicateIp, ip.span, { addr, subnet: home.label }, { related: [{ span: first, label: 'first used here' }] }));
      else taken.set(key, ip.span);
    }
  }
}

/** TOPO2104 in the shape of the UX mock-up: the subnet as a labelled secondary span and the usable range. */
function outside(name: string, addr: string, span: Span, known: (Attachment & { subnet: PrefixValue })[], autoLinks: boolean): Diagnostic {
  const related = known.map((a) => ({ span: a.subnet.span, label: `the subnet of ${a.label} is declared here` }));
  if (known.length === 0) {
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
  const taken = new Map<string, Span>();
  for (const node of program.nodes) {
    const macValues = valuesOf(node.props, 'mac', 'mac');
    if (macValues.length === 0) continue;
    const attachments = attachmentsOf(node.id);
    for (const mac of macValues) {
      for (const a of attachments) {
        const key = `${a.domain}|${mac.value}`;
        const first = taken.get(key);
        if (first && first !== mac.span) out.push(diag(addressCodes.duplicateMac, mac.span, { mac: mac.value, domain: a.label }, { related: [{ span: first, label: 'first used here' }] }));
        else taken.set(key, mac.span);
      }
    }
  }
}

interface Range { lo: number; hi: number; value: PrefixValue; what: string }

/**
 * Overlapping ranges, by a sweep over ranges sorted by start: the underlay (link and segment subnets,
 * UE and NAT pools) is one address space, each VPC's subnets another.
 */
function overlaps(program: Program, out: Diagnostic[]): void {
  const spaces = new Map<string, Range[]>();
  const add = (space: string, value: PrefixValue | undefined, what: string) => {
    if (!value) return;
    const range = { lo: network(value.addr, value.len), hi: broadcast(value.addr, value.len), value, what };
    const list = spaces.get(space);
    if (list) list.push(range); else spaces.set(space, [range]);
  };
  const { isSwitch, segments } = l2(program);
  // A subnet on a link to a switch is ignored (TOPO2205): the segment's subnet applies.
  for (const link of program.links) {
    if (!isSwitch(link.ends[0].node) && !isSwitch(link.ends[1].node)) add('underlay', valuesOf(link.props, 'subnet', 'prefix')[0], 'link subnet');
  }
  for (const switches of segments.values()) {
    const first = switches.map((s) => valuesOf(program.nodes[s].props, 'subnet', 'prefix')[0]).find((v) => v !== undefined);
    add('underlay', first, 'switch subnet');
  }
  for (const node of program.nodes) {
    add('underlay', valuesOf(node.props, 'ue_pool', 'prefix')[0], 'UE pool');
    add('underlay', valuesOf(node.props, 'pool', 'prefix')[0], 'NAT pool');
    if (node.behaviours.has('subnet')) add(`vpc:${node.container}`, valuesOf(node.props, 'cidr', 'prefix')[0], 'VPC subnet');
  }
  for (const ranges of spaces.values()) {
    ranges.sort((a, b) => a.lo - b.lo || b.hi - a.hi);
    let widest: Range | undefined;
    for (const r of ranges) {
      if (widest && r.lo <= widest.hi) {
        out.push(diag(addressCodes.overlappingSubnets, r.value.span, { a: `${r.what} ${formatPrefix(r.value)}`, b: `${widest.what} ${formatPrefix(widest.value)}` },
          { related: [{ span: widest.value.span, label: `${formatPrefix(widest.value)} is declared here` }] }));
      }
      if (!widest || r.hi > widest.hi) widest = r;
    }
  }
}

function natPools(program: Program, out: Diagnostic[]): void {
  for (const node of program.nodes) {
    const pool = valuesOf(node.props, 'pool', 'prefix')[0];
    if (!pool) continue;
    for (const inside of valuesOf(node.props, 'inside', 'prefix')) {
      if (contains(pool, inside.addr) || contains(inside, pool.addr)) {
        out.push(diag(addressCodes.natPoolOverlap, pool.span, { pool: formatPrefix(pool), inside: formatPrefix(inside) }, { related: [{ span: inside.span, label: 'the inside range' }] }));
      }
    }
  }
}

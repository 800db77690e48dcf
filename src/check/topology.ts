import { topologyCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { End, Program } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
import { formatPrefix } from './ipv4.js';
import { joinSpans, l2 } from './l2.js';

const WHAT: Record<string, string> = {
  process: 'a process: connect the node it runs on',
  container: 'a container: connect a node inside it',
  range: 'an address range: place VMs `in` it instead',
};

/** Links and control adjacencies: ends must be distinct nodes, no duplicate links, one subnet per segment. */
export function checkTopology(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  const endpoints = (keyword: 'link' | 'control', ends: readonly [End, End]) => {
    for (const end of ends) {
      const node = program.nodes[end.node];
      if (node.kind !== null && node.nature !== 'node') out.push(diag(topologyCodes.notLinkable, end.span, { keyword, name: node.name, what: WHAT[node.nature] }));
    }
    if (ends[0].node === ends[1].node) out.push(diag(topologyCodes.selfLink, ends[1].span, { keyword, name: program.nodes[ends[0].node].name }));
  };
  for (const link of program.links) endpoints('link', link.ends);
  for (const control of program.controls) endpoints('control', control.ends);

  const seen = new Map<number, readonly End[]>();
  const n = program.nodes.length;
  for (const link of program.links) {
    const [a, b] = link.ends;
    // One number per unordered pair of node ids (a small integer while n² < 2^31).
    const key = Math.min(a.node, b.node) * n + Math.max(a.node, b.node);
    const first = seen.get(key);
    if (first) {
      out.push(diag(topologyCodes.duplicateLink, joinSpans(a.span, b.span), { a: program.nodes[a.node].name, b: program.nodes[b.node].name },
        { related: [{ span: joinSpans(first[0].span, first[1].span), label: 'first linked here' }] }));
    } else seen.set(key, link.ends);
    const subnet = valuesOf(link.props, 'subnet', 'prefix')[0];
    const sw = !subnet ? undefined : link.ends.find((end) => program.nodes[end.node].behaviours.has('switch'));
    if (subnet && sw) out.push(diag(topologyCodes.subnetOnSwitchLink, subnet.span, { name: program.nodes[sw.node].name }));
  }

  for (const switches of l2(program).segments.values()) {
    let first: ReturnType<typeof valuesOf<'prefix'>>[number] | undefined;
    for (const s of switches) {
      const subnet = valuesOf(program.nodes[s].props, 'subnet', 'prefix')[0];
      if (!subnet) continue;
      if (!first) first = subnet;
      else if (subnet.addr !== first.addr || subnet.len !== first.len) {
        out.push(diag(topologyCodes.switchSubnetConflict, subnet.span, { subnet: formatPrefix(subnet), other: formatPrefix(first) },
          { related: [{ span: first.span, label: 'the segment\'s subnet is declared here' }] }));
      }
    }
  }
  return out;
}

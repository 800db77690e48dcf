import { topologyCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { End, NodeId, PrefixValue, Program } from '../resolve/program.js';
import { firstOf } from '../resolve/program.js';
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
  const { nodes, links, controls } = program;
  for (let i = 0; i < links.length; i++) endpoints(program, 'link', links[i].ends, out);
  for (let i = 0; i < controls.length; i++) endpoints(program, 'control', controls[i].ends, out);

  const { segments, linkSubnets, isSwitch } = l2(program);
  // The first link between each pair of nodes, keyed by the pair of ids, lower first: a number, not a string.
  const firstByPair = new Map<number, number>();
  for (let i = 0; i < links.length; i++) {
    const a = links[i].ends[0];
    const b = links[i].ends[1];
    const pair = Math.min(a.node, b.node) * nodes.length + Math.max(a.node, b.node);
    const firstLink = firstByPair.get(pair);
    if (firstLink === undefined) firstByPair.set(pair, i);
    else {
      const first = links[firstLink].ends;
      out.push(diag(topologyCodes.duplicateLink, joinSpans(a.span, b.span), { a: nodes[a.node].name, b: nodes[b.node].name },
        { related: [{ span: joinSpans(first[0].span, first[1].span), label: 'first linked here' }] }));
    }
    const subnet = linkSubnets[i];
    const sw = subnet && switchEnd(isSwitch, links[i].ends);
    if (subnet && sw) out.push(diag(topologyCodes.subnetOnSwitchLink, subnet.span, { name: nodes[sw.node].name }));
  }

  for (const switches of segments.values()) {
    let first: PrefixValue | undefined;
    for (let i = 0; i < switches.length; i++) {
      const subnet = firstOf(nodes[switches[i]].props, 'subnet', 'prefix');
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

/** Both ends of a link or control adjacency are nodes that can be linked, and not the same one. */
function endpoints(program: Program, keyword: 'link' | 'control', ends: readonly [End, End], out: Diagnostic[]): void {
  linkable(program, keyword, ends[0], out);
  linkable(program, keyword, ends[1], out);
  if (ends[0].node === ends[1].node) out.push(diag(topologyCodes.selfLink, ends[1].span, { keyword, name: program.nodes[ends[0].node].name }));
}

function linkable(program: Program, keyword: 'link' | 'control', end: End, out: Diagnostic[]): void {
  const node = program.nodes[end.node];
  if (node.kind !== null && node.nature !== 'node') out.push(diag(topologyCodes.notLinkable, end.span, { keyword, name: node.name, what: WHAT[node.nature] }));
}

/** The first end of a link that is a switch, if any. */
function switchEnd(isSwitch: (node: NodeId) => boolean, ends: readonly [End, End]): End | undefined {
  if (isSwitch(ends[0].node)) return ends[0];
  if (isSwitch(ends[1].node)) return ends[1];
  return undefined;
}

import { cloudCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Node, NodeId, Program } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
import { formatIp } from './ipv4.js';

/** The nearest enclosing VPC of a declaration, or null. */
export function vpcOf(program: Program, node: Node): NodeId | null {
  for (let c = node.container; c !== null; c = program.nodes[c].container) {
    if (program.nodes[c].behaviours.has('vpc')) return c;
  }
  return null;
}

/** Cloud: gateways translate public addresses to VMs of their own VPC; VMs sit in their VPC's subnets; VNIs are unique. */
export function checkCloud(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  const publics = new Map<number, Span>();
  const vnis = new Map<number, Span>();
  for (const node of program.nodes) {
    if (node.kind === null) continue;
    const vpc = vpcOf(program, node);
    if (node.behaviours.has('virtual_gateway')) {
      const mappings = valuesOf(node.props, 'public', 'arrow');
      if (mappings.length === 0) out.push(diag(cloudCodes.gatewayWithoutPublic, node.nameSpan, { name: node.name }));
      for (const m of mappings) {
        if (m.from.kind === 'ip') {
          const first = publics.get(m.from.addr);
          if (first) out.push(diag(cloudCodes.duplicatePublic, m.from.span, { addr: formatIp(m.from.addr) }, { related: [{ span: first, label: 'first mapped here' }] }));
          else publics.set(m.from.addr, m.from.span);
        }
        if (m.to.kind === 'ref' && vpc !== null && vpcOf(program, program.nodes[m.to.node]) !== vpc) {
          out.push(diag(cloudCodes.foreignPublicTarget, m.to.span, { vm: program.nodes[m.to.node].name, vpc: program.nodes[vpc].name }));
        }
      }
    }
    if (node.in && vpc !== null && vpcOf(program, program.nodes[node.in.node]) !== vpc) {
      out.push(diag(cloudCodes.foreignSubnet, node.in.span, { subnet: program.nodes[node.in.node].name, vpc: program.nodes[vpc].name },
        { related: [{ span: program.nodes[node.in.node].nameSpan, label: 'the subnet is declared here' }] }));
    }
    if (node.behaviours.has('vpc')) {
      for (const vni of valuesOf(node.props, 'vni', 'number')) {
        const first = vnis.get(vni.value);
        if (first) out.push(diag(cloudCodes.duplicateVni, vni.span, { vni: vni.value }, { related: [{ span: first, label: 'first used here' }] }));
        else vnis.set(vni.value, vni.span);
      }
    }
  }
  return out;
}

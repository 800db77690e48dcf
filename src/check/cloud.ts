import { cloudCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { Program } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';
import { formatIp } from './ipv4.js';

/** In `enclosingVpcs`: a node in no VPC. */
const NO_VPC = -1;

/** Per node id, its nearest enclosing VPC or NO_VPC: one pass, since a container is declared before its contents. */
function enclosingVpcs(program: Program): Int32Array {
  const { nodes } = program;
  const vpcs = new Int32Array(nodes.length);
  for (let id = 0; id < nodes.length; id++) {
    const container = nodes[id].container;
    vpcs[id] = container === null ? NO_VPC : nodes[container].behaviours.has('vpc') ? container : vpcs[container];
  }
  return vpcs;
}

/** Cloud: gateways translate public addresses to VMs of their own VPC; VMs sit in their VPC's subnets; VNIs are unique. */
export function checkCloud(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  const publics = new Map<number, Span>();
  const vnis = new Map<number, Span>();
  const vpcOf = enclosingVpcs(program);
  const { nodes } = program;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.kind === null) continue;
    const vpc = vpcOf[node.id];
    if (node.behaviours.has('virtual_gateway')) {
      const mappings = valuesOf(node.props, 'public', 'arrow');
      if (mappings.length === 0) out.push(diag(cloudCodes.gatewayWithoutPublic, node.nameSpan, { name: node.name }));
      for (const m of mappings) {
        if (m.from.kind === 'ip') {
          const first = publics.get(m.from.addr);
          if (first) out.push(diag(cloudCodes.duplicatePublic, m.from.span, { addr: formatIp(m.from.addr) }, { related: [{ span: first, label: 'first mapped here' }] }));
          else publics.set(m.from.addr, m.from.span);
        }
        if (m.to.kind === 'ref' && vpc !== NO_VPC && vpcOf[m.to.node] !== vpc) {
          out.push(diag(cloudCodes.foreignPublicTarget, m.to.span, { vm: program.nodes[m.to.node].name, vpc: program.nodes[vpc].name }));
        }
      }
    }
    if (node.in && vpc !== NO_VPC && vpcOf[node.in.node] !== vpc) {
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

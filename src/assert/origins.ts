// Where a failing value came from, when the model can say: the VPC that set a VNI, the bearer whose tunnel
// carries a TEID, the declaration that holds an address.
import type { NodeId } from '../resolve/program.js';
import { ownerOf } from '../trace/index.js';
import type { EvalContext, Origin } from './context.js';
import type { TypedCheck } from './forms.js';
import type { Actual } from './headers.js';

export function fieldOrigin(ctx: EvalContext, check: TypedCheck, actual: Actual): Origin | undefined {
  if (actual.kind === 'number' && check.field.proto === 'vxlan') return vniOrigin(ctx, actual.value);
  if (actual.kind === 'number' && check.field.proto === 'gtpu') return teidOrigin(ctx, actual.value);
  if (actual.kind === 'address') {
    const owner = ownerOf(ctx.owners, actual.value, actual.vpc);
    if (owner !== null) return declOrigin(ctx, owner, 'the address belongs to');
  }
  return undefined;
}

function vniOrigin(ctx: EvalContext, vni: number): Origin | undefined {
  const vpc = ctx.dp.vpcOfVni.get(vni);
  if (vpc === undefined) return undefined;
  const node = ctx.program.nodes[vpc];
  const prop = node.props.get('vni');
  if (prop?.origin === 'decl') return { label: 'the VNI comes from', text: `${node.kind} ${node.name} { vni: ${vni} }`, span: prop.keySpan };
  return { label: 'the VNI was assigned to', text: `${node.kind} ${node.name} (no \`vni\` declared)`, span: node.nameSpan };
}

function teidOrigin(ctx: EvalContext, teid: number): Origin | undefined {
  for (const t of ctx.network.tunnels) {
    if (t.type !== 'gtpu' || (t.uplinkTeid !== teid && t.downlinkTeid !== teid)) continue;
    const up = t.uplinkTeid === teid;
    const chooser = ctx.program.nodes[up ? t.far : t.near].name;
    const bearer = ctx.program.bearers[t.bearer];
    const via = bearer.via.map((v) => ctx.program.nodes[v.node].name).join(', ');
    return { label: 'the TEID comes from', text: `bearer ${ctx.program.nodes[bearer.ue.node].name} via ${via} (${t.name} ${up ? 'uplink' : 'downlink'}, chosen by ${chooser})`, span: bearer.span };
  }
  return undefined;
}

export function declOrigin(ctx: EvalContext, id: NodeId, label: string): Origin {
  const node = ctx.program.nodes[id];
  return { label, text: `${node.kind} ${node.name}`, span: node.nameSpan };
}

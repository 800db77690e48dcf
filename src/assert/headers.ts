// Header checks at a hop (`FLOW at A -> B { … }`, `at hop N`) and flow checks over a range of hops (`FLOW { … }`,
// `at segment N`). A node name compares equal to an address or MAC the node holds (or, for a NAT pool, owns).
import { contains, parsePrefix, parseIp } from '../control/ip.js';
import { innerIp, type Header, type Packet } from '../dataplane/index.js';
import { ownerOf, type FlowTrace, type TraceHop } from '../trace/index.js';
import { hopWhere, hostOf, nodeName, type EvalContext, type Failure, type Origin } from './context.js';
import type { CheckValue, TypedCheck } from './forms.js';
import { checkText } from './text.js';
import { fieldOrigin } from './origins.js';

const TUNNELS = new Set<Header['proto']>(['gtpu', 'vxlan']);

/** A read value: a number, an address or MAC with the VPC to look its owner up in, text, or a list of nodes. */
export type Actual =
  | { kind: 'number'; value: number }
  | { kind: 'address'; value: string; vpc: number | null }
  | { kind: 'text'; value: string }
  | { kind: 'nodes'; value: number[] }
  | { kind: 'absent'; why: string };

/** The stack split after each tunnel header, each layer with the VPC its overlay addresses belong to. */
function layers(ctx: EvalContext, hop: TraceHop): { headers: Header[]; vpc: number | null }[] {
  const nodes = ctx.network.nodes;
  let vpc = nodes[hop.from].vpc ?? nodes[hop.to].vpc;
  const out = [{ headers: [] as Header[], vpc }];
  for (const h of hop.packet.headers) {
    out[out.length - 1].headers.push(h);
    if (!TUNNELS.has(h.proto)) continue;
    if (h.proto === 'vxlan') vpc = ctx.dp.vpcOfVni.get(h.vni) ?? vpc;
    out.push({ headers: [], vpc });
  }
  return out.filter((l) => l.headers.length > 0);
}

export function readAtHop(ctx: EvalContext, check: TypedCheck, hop: TraceHop): Actual {
  const f = check.field;
  if (!f.proto) return { kind: 'text', value: hop.packet.headers.filter((h) => TUNNELS.has(h.proto)).map((h) => h.proto).join(' ') };
  const ls = layers(ctx, hop);
  const pick = check.layer === null ? ls.find((l) => l.headers.some((h) => h.proto === f.proto)) : ls.at(check.layer);
  const header = pick?.headers.find((h) => h.proto === f.proto);
  const proto = f.proto === 'ipv4' ? 'IP' : f.proto.toUpperCase();
  if (!pick || !header) return { kind: 'absent', why: `no ${proto} header${check.layer === null ? '' : ' in that layer'}` };
  const v = (header as unknown as Record<string, string | number | boolean>)[f.key!];
  return typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'address', value: String(v), vpc: pick.vpc };
}

/** Flow fields over hops (the whole request, or one segment's). */
export function readOverHops(check: TypedCheck, t: FlowTrace, hops: TraceHop[], segment: number | null): Actual {
  switch (check.field.name) {
    case 'hops':
      return { kind: 'number', value: hops.length };
    case 'pathMtu': {
      const mtus = t.segments.filter((s) => segment === null || s.index === segment).flatMap((s) => (s.pathMtu === null ? [] : [s.pathMtu]));
      return mtus.length ? { kind: 'number', value: Math.min(...mtus) } : { kind: 'absent', why: 'no hop between two nodes' };
    }
    case 'ttlLeft':
      return hops.length ? { kind: 'number', value: Math.min(...hops.map((h) => (h.packet.headers[innerIp(h.packet)] as { ttl: number }).ttl)) } : { kind: 'absent', why: 'no hops' };
    case 'nat':
      return { kind: 'nodes', value: natNodes(hops) };
    default:
      return { kind: 'text', value: tunnelsEntered(hops).join(' ') };
  }
}

/** A node translated when the end-to-end addresses change between two hops of one connection. */
function natNodes(hops: TraceHop[]): number[] {
  const out: number[] = [];
  const ends = (p: Packet) => {
    const ip = p.headers[innerIp(p)] as { src: string; dst: string };
    return `${ip.src}>${ip.dst}`;
  };
  for (let i = 1; i < hops.length; i++) {
    if (hops[i].segment === hops[i - 1].segment && ends(hops[i].packet) !== ends(hops[i - 1].packet) && !out.includes(hops[i].from)) out.push(hops[i].from);
  }
  return out;
}

/** One word per tunnel leg: a run of hops under the same outermost tunnel header and tunnel endpoints. */
function tunnelsEntered(hops: TraceHop[]): string[] {
  const out: string[] = [];
  let last = '';
  for (const h of hops) {
    const i = h.packet.headers.findIndex((x) => TUNNELS.has(x.proto));
    const key = i < 0 ? '' : JSON.stringify([h.packet.headers[i], h.packet.headers[i - 2]]);
    if (key !== '' && key !== last) out.push(h.packet.headers[i].proto);
    last = key;
  }
  return out;
}

function matches(ctx: EvalContext, check: TypedCheck, actual: Actual): boolean {
  const { op } = check.ast;
  if (op === 'exists') return actual.kind !== 'absent' && !(actual.kind === 'nodes' && actual.value.length === 0);
  if (actual.kind === 'absent') return false;
  const v = check.value!;
  if (actual.kind === 'nodes') {
    const has = v.kind === 'node' && actual.value.includes(hostOf(ctx, v.node));
    return op === '==' ? has : !has;
  }
  if (op === 'in') return actual.kind === 'address' && v.kind === 'prefix' && actual.value.includes('.') && contains(parsePrefix(v.text), parseIp(actual.value));
  const equal = isEqual(ctx, actual, v);
  if (op === '==') return equal;
  if (op === '!=') return !equal;
  const [a, b] = [actual.kind === 'number' ? actual.value : NaN, v.kind === 'number' ? v.value : NaN];
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

function isEqual(ctx: EvalContext, actual: Actual, v: CheckValue): boolean {
  if (v.kind === 'node') {
    if (actual.kind !== 'address') return false;
    const node = hostOf(ctx, v.node);
    return ctx.dp.addresses[node]?.has(actual.value) || ownerOf(ctx.owners, actual.value, actual.vpc) === node;
  }
  return 'value' in actual && 'value' in v && actual.value === v.value;
}

export function actualText(ctx: EvalContext, field: string, actual: Actual): string {
  switch (actual.kind) {
    case 'absent':
      return `${field} absent (${actual.why})`;
    case 'nodes':
      return actual.value.length ? `${field} == ${actual.value.map((n) => nodeName(ctx, n)).join(', ')}` : `${field}: none`;
    case 'text':
      return `${field} == ${JSON.stringify(actual.value)}`;
    case 'number':
      return `${field} == ${actual.value}`;
    case 'address': {
      const owner = ownerOf(ctx.owners, actual.value, actual.vpc);
      return `${field} == ${actual.value}${owner === null ? '' : `  (${nodeName(ctx, owner)})`}`;
    }
  }
}

/** Check every selected hop; the first hop where a check fails is reported for that check. */
export function checkHops(ctx: EvalContext, t: FlowTrace, hops: TraceHop[], checks: TypedCheck[]): Failure[] {
  const failures: Failure[] = [];
  for (const c of checks) {
    for (const hop of hops) {
      const actual = readAtHop(ctx, c, hop);
      if (matches(ctx, c, actual)) continue;
      const f: Failure = { expected: checkText(c.ast), actual: actualText(ctx, fieldText(c), actual), where: hopWhere(ctx, t, hop), hop: { trace: t, hop } };
      const origin: Origin | undefined = fieldOrigin(ctx, c, actual);
      if (origin) f.origin = origin;
      failures.push(f);
      break;
    }
  }
  return failures;
}

export function checkRange(ctx: EvalContext, t: FlowTrace, hops: TraceHop[], segment: number | null, checks: TypedCheck[]): Failure[] {
  const where = segment === null ? `flow ${t.name}` : `segment ${segment}`;
  return checks.flatMap((c) => {
    const actual = readOverHops(c, t, hops, segment);
    return matches(ctx, c, actual) ? [] : [{ expected: checkText(c.ast), actual: actualText(ctx, c.field.name, actual), where }];
  });
}

const fieldText = (c: TypedCheck) => c.ast.field.map((n) => n.text).join('.');

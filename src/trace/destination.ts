// Where a flow goes: its `to` (URL, host name, address, node or node:port) as an address and port, after
// resolving a name through the declared DNS — the client's resolver, then the GSLB whose zone serves the name.
import { dropped, type Drop } from '../dataplane/index.js';
import { formatIp } from '../model/ipv4.js';
import type { Flow, NodeId, Program, Value } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';

const SCHEME_PORTS: Record<string, number> = { http: 80, https: 443 };
const DEFAULT_PORT = { protocol: 'tcp' as const, port: 80 };

export interface Target {
  /** An address, or a name to resolve. */
  address?: string;
  name?: string;
  protocol: 'tcp' | 'udp';
  port: number;
}

export function flowTarget(program: Program, flow: Flow, addressOf: (node: NodeId) => string | null): Target | Drop {
  const to = flow.props.get('to')?.values[0];
  const declared = valuesOf(flow.props, 'port', 'port')[0];
  const port = (fallback: { protocol: 'tcp' | 'udp' | 'sctp'; port: number }) => {
    const p = declared ?? fallback;
    return { protocol: p.protocol === 'udp' ? ('udp' as const) : ('tcp' as const), port: p.port };
  };
  if (!to) return dropped('unresolved-name', `flow ${flow.name} has no destination`);
  switch (to.kind) {
    case 'string': {
      const url = to.value.includes('://') ? new URL(to.value) : null;
      const host = (url ? url.hostname : to.value).toLowerCase().replace(/\.$/, '');
      const fallback = url?.port ? { protocol: 'tcp' as const, port: Number(url.port) } : url && SCHEME_PORTS[url.protocol.slice(0, -1)] ? { protocol: 'tcp' as const, port: SCHEME_PORTS[url.protocol.slice(0, -1)] } : DEFAULT_PORT;
      return /^\d+(\.\d+){3}$/.test(host) ? { address: host, ...port(fallback) } : { name: host, ...port(fallback) };
    }
    case 'ip':
      return { address: formatIp(to.addr), ...port(DEFAULT_PORT) };
    case 'ref':
    case 'nodePort': {
      const target = program.nodes[to.node];
      const node = target.on ? target.on.node : target.id;
      const address = addressOf(node);
      if (address === null) return dropped('no-route', `${target.name} has no address`);
      const listen = to.kind === 'nodePort' ? to.port : valuesOf(target.props, 'listen', 'port')[0];
      return { address, ...port(listen ?? DEFAULT_PORT) };
    }
    default:
      return dropped('unresolved-name', `flow ${flow.name} has a destination of kind ${to.kind}`);
  }
}

/** One DNS question on the way: who asks which server. */
export interface Query {
  asker: NodeId;
  server: NodeId;
}

export interface Resolution {
  queries: Query[];
  address: string;
}

/**
 * The client asks its `resolver`; a resolver asks, from its `forward` list, the GSLB with the longest zone
 * that serves the name, else the first resolver it forwards to. The GSLB answers with the first of its `answer`s.
 */
export function resolveName(program: Program, client: NodeId, name: string, addressOf: (node: NodeId) => string | null): Resolution | Drop {
  const first = valuesOf(program.nodes[client].props, 'resolver', 'ref')[0];
  if (!first) return dropped('unresolved-name', `${program.nodes[client].name} has no resolver to look up ${name}`);
  const queries: Query[] = [{ asker: client, server: first.node }];
  const asked = new Set<NodeId>([first.node]);
  for (let server = first.node; ; ) {
    const node = program.nodes[server];
    if (node.behaviours.has('gslb')) {
      const answer = valuesOf(node.props, 'answer', 'ip')[0] ?? answerNode(program, node.props.get('answer')?.values ?? [], addressOf);
      const address = answer === undefined ? null : typeof answer === 'string' ? answer : formatIp(answer.addr);
      if (address === null) return dropped('unresolved-name', `${node.name} has no answer for ${name}`);
      return { queries, address };
    }
    const forwards = valuesOf(node.props, 'forward', 'ref').map((v) => program.nodes[v.node]);
    const gslb = forwards
      .filter((f) => f.behaviours.has('gslb'))
      .map((f) => ({ f, zone: valuesOf(f.props, 'zone', 'string')[0]?.value.toLowerCase().replace(/\.$/, '') ?? '' }))
      .filter(({ zone }) => zone !== '' && (name === zone || name.endsWith(`.${zone}`)))
      .sort((a, b) => b.zone.length - a.zone.length)[0]?.f;
    const next = gslb ?? forwards.find((f) => f.behaviours.has('resolver') && !asked.has(f.id));
    if (!next) return dropped('unresolved-name', `no DNS server that ${node.name} asks serves ${name}`);
    asked.add(next.id);
    queries.push({ asker: node.on ? node.on.node : node.id, server: next.id });
    server = next.id;
  }
}

function answerNode(program: Program, answers: readonly Value[], addressOf: (node: NodeId) => string | null): string | undefined {
  const ref = answers.find((v) => v.kind === 'ref');
  if (!ref || ref.kind !== 'ref') return undefined;
  const target = program.nodes[ref.node];
  return addressOf(target.on ? target.on.node : target.id) ?? undefined;
}

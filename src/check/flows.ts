import { flowCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Behaviour } from '../resolve/behaviours.js';
import type { Flow, Program } from '../resolve/program.js';
import { firstOf, hasBehaviour, valuesOf } from '../resolve/program.js';
import { article } from '../resolve/suggest.js';

/** Ports implied by URL schemes, so that a flow needs no `port`. */
const SCHEME_PORTS: Record<string, string> = { http: 'tcp/80', https: 'tcp/443' };
/** Behaviours of nodes that originate traffic. */
const CLIENTS: Behaviour[] = ['endpoint', 'ue', 'vm'];
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** Flows: the client originates traffic; the destination is a well-formed URL or a name some DNS zone serves. */
export function checkFlows(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  const zones = program.nodes.filter((n) => n.behaviours.has('gslb')).flatMap((n) => valuesOf(n.props, 'zone', 'string').map((z) => z.value.toLowerCase().replace(/\.$/, '')));
  const { flows } = program;
  for (let i = 0; i < flows.length; i++) {
    const flow = flows[i];
    const from = firstOf(flow.props, 'from', 'ref');
    const client = from && program.nodes[from.node];
    if (client && client.kind !== null && !hasBehaviour(client, ...CLIENTS)) {
      const host = client.on ? program.nodes[client.on.node].name : undefined;
      out.push(diag(flowCodes.fromNotEndpoint, from.span, { name: client.name, kind: article(client.kind) },
        host ? { help: `use the node it runs on: \`from: ${host}\`` } : {}));
    }
    destination(flow, zones, out);
  }
  return out;
}

function destination(flow: Flow, zones: string[], out: Diagnostic[]): void {
  const to = firstOf(flow.props, 'to', 'string');
  if (!to) return;
  let host = to.value;
  if (to.value.includes('://')) {
    let url: URL;
    try {
      url = new URL(to.value);
    } catch {
      out.push(diag(flowCodes.malformedUrl, to.span, { text: to.value, reason: 'the URL cannot be parsed' }));
      return;
    }
    const scheme = url.protocol.slice(0, -1);
    if (!SCHEME_PORTS[scheme] && url.port === '' && !flow.props.has('port')) out.push(diag(flowCodes.unknownScheme, to.span, { scheme }));
    host = url.hostname;
  }
  if (host === '' || !HOST.test(host)) {
    out.push(diag(flowCodes.malformedUrl, to.span, { text: to.value, reason: host === '' ? 'it has no host name' : `\`${host}\` is not a host name` }));
    return;
  }
  if (/^\d+(\.\d+){3}$/.test(host)) return;
  const name = host.toLowerCase().replace(/\.$/, '');
  if (!zones.some((z) => name === z || name.endsWith(`.${z}`))) out.push(diag(flowCodes.unservedName, to.span, { host: name }));
}

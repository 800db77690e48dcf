import { servicesCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { NodeId, PortValue, Program, RefValue } from '../resolve/program.js';
import { valuesOf } from '../resolve/program.js';

/** Properties through which a process sends requests to another process. */
const CALL_KEYS = ['calls', 'backend', 'forward', 'origin'];

/** Processes: listen-port conflicts per node, call loops, quorums, targets that do not listen. */
export function checkServices(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  portConflicts(program, out);
  const calls = callsByProcess(program);
  callTargets(program, calls, out);
  callCycles(program, calls, out);
  for (const node of program.nodes) {
    const quorum = valuesOf(node.props, 'quorum', 'number')[0];
    const replicas = quorum && valuesOf(node.props, 'replicas', 'number')[0];
    if (quorum && replicas && (quorum.value > replicas.value || quorum.value < 1)) {
      out.push(diag(servicesCodes.quorumTooLarge, quorum.span, { quorum: quorum.value, replicas: replicas.value },
        node.props.get('replicas')?.origin === 'builtin' ? {} : { related: [{ span: replicas.span, label: 'replicas' }] }));
    }
  }
  return out;
}

/** `span` is the port as written, or the process's name when the port is a default of its kind. */
interface Listener { port: PortValue; process: NodeId; lo: number; hi: number; span: Span }

/** Per node, a sweep over the listeners sorted by protocol and port: each overlap is reported once. */
function portConflicts(program: Program, out: Diagnostic[]): void {
  const byHost = new Map<NodeId, Listener[]>();
  for (const proc of program.nodes) {
    if (proc.nature !== 'process' || !proc.on) continue;
    const list = byHost.get(proc.on.node) ?? [];
    const span = (port: PortValue) => (proc.props.get('listen')?.origin === 'decl' ? port.span : proc.nameSpan);
    for (const port of valuesOf(proc.props, 'listen', 'port')) list.push({ port, process: proc.id, lo: port.port, hi: port.portEnd ?? port.port, span: span(port) });
    byHost.set(proc.on.node, list);
  }
  const reported = new Set<string>();
  for (const [host, listeners] of byHost) {
    listeners.sort((a, b) => a.port.protocol.localeCompare(b.port.protocol) || a.lo - b.lo || a.process - b.process);
    let open: Listener | undefined;
    for (const l of listeners) {
      if (open && open.port.protocol === l.port.protocol && l.lo <= open.hi && open.process !== l.process) {
        const [first, second] = open.process < l.process ? [open, l] : [l, open];
        const pair = `${first.process}-${second.process}`;
        // One report per pair of processes: a kind's default `udp/53, tcp/53` is one conflict, not two.
        if (!reported.has(pair)) {
          reported.add(pair);
          out.push(diag(servicesCodes.portConflict, second.span, {
            port: `${l.port.protocol}/${Math.max(l.lo, open.lo)}`, node: program.nodes[host].name, other: program.nodes[first.process].name,
          }, { related: [{ span: first.span, label: `\`${program.nodes[first.process].name}\` listens here` }] }));
        }
      }
      if (!open || open.port.protocol !== l.port.protocol || l.hi > open.hi) open = l;
    }
  }
}

interface Call { key: string; ref: RefValue }

/** Every process's calls, in declaration order (read once for both checks that follow them). */
function callsByProcess(program: Program): Map<NodeId, Call[]> {
  const calls = new Map<NodeId, Call[]>();
  for (const node of program.nodes) {
    if (node.nature !== 'process') continue;
    const edges: Call[] = [];
    for (const key of CALL_KEYS) for (const ref of valuesOf(node.props, key, 'ref')) edges.push({ key, ref });
    calls.set(node.id, edges);
  }
  return calls;
}

function callTargets(program: Program, calls: Map<NodeId, Call[]>, out: Diagnostic[]): void {
  for (const edges of calls.values()) {
    for (const { key, ref } of edges) {
      const target = program.nodes[ref.node];
      if (target.nature === 'process' && target.kind !== null && valuesOf(target.props, 'listen', 'port').length === 0) {
        out.push(diag(servicesCodes.notListening, ref.span, { name: target.name, key }, { related: [{ span: target.nameSpan, label: 'declared here' }] }));
      }
    }
  }
}

/** Depth-first over the call graph; a back edge closes a loop, reported at the call that closes it. */
function callCycles(program: Program, calls: Map<NodeId, Call[]>, out: Diagnostic[]): void {
  const state = new Map<NodeId, 'active' | 'done'>();
  for (const [start, edges] of calls) {
    if (state.has(start)) continue;
    const stack: { id: NodeId; edges: Call[]; i: number }[] = [{ id: start, edges, i: 0 }];
    state.set(start, 'active');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.i >= top.edges.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const { ref } = top.edges[top.i++];
      const s = state.get(ref.node);
      if (s === 'active') {
        const from = stack.findIndex((f) => f.id === ref.node);
        const cycle = [...stack.slice(from).map((f) => program.nodes[f.id].name), program.nodes[ref.node].name].join(' -> ');
        out.push(diag(servicesCodes.callCycle, ref.span, { cycle }));
      } else if (s === undefined && program.nodes[ref.node].nature === 'process') {
        state.set(ref.node, 'active');
        stack.push({ id: ref.node, edges: calls.get(ref.node)!, i: 0 });
      }
    }
  }
}

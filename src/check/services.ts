import { servicesCodes } from '../diagnostics/codes/index.js';
import { diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/span.js';
import type { NodeId, PortValue, Program, RefValue } from '../resolve/program.js';
import { firstOf, valuesOf } from '../resolve/program.js';
import { accepts, forEachValued } from './props.js';

/** Properties through which a process sends requests to another process. */
const CALL_KEYS = ['calls', 'backend', 'forward', 'origin'];

/** Processes: listen-port conflicts per node, call loops, quorums, targets that do not listen. */
export function checkServices(program: Program): Diagnostic[] {
  const out: Diagnostic[] = [];
  const processes = processesOf(program);
  portConflicts(program, processes, out);
  const calls = callGraph(program, processes);
  callTargets(program, calls, out);
  callCycles(program, processes, calls, out);
  quorums(program, out);
  return out;
}

/** The processes, in declaration order: the port and call checks look at nothing else. */
function processesOf(program: Program): NodeId[] {
  const { nodes } = program;
  const processes: NodeId[] = [];
  for (let id = 0; id < nodes.length; id++) if (nodes[id].nature === 'process') processes.push(id);
  return processes;
}

function quorums(program: Program, out: Diagnostic[]): void {
  forEachValued(program, 'quorum', 'number', (node, [quorum]) => {
    const replicas = firstOf(node.props, 'replicas', 'number');
    if (replicas && (quorum.value > replicas.value || quorum.value < 1)) {
      out.push(diag(servicesCodes.quorumTooLarge, quorum.span, { quorum: quorum.value, replicas: replicas.value },
        node.props.get('replicas')?.origin === 'builtin' ? {} : { related: [{ span: replicas.span, label: 'replicas' }] }));
    }
  });
}

/** `span` is the port as written, or the process's name when the port is a default of its kind. */
interface Listener { port: PortValue; process: NodeId; lo: number; hi: number; span: Span }

/** Per node, a sweep over the listeners sorted by protocol and port: each overlap is reported once. */
function portConflicts(program: Program, processes: readonly NodeId[], out: Diagnostic[]): void {
  const byHost = new Map<NodeId, Listener[]>();
  const { nodes } = program;
  for (let i = 0; i < processes.length; i++) {
    const proc = nodes[processes[i]];
    if (!proc.on) continue;
    const ports = valuesOf(proc.props, 'listen', 'port');
    if (ports.length === 0) continue;
    let list = byHost.get(proc.on.node);
    if (!list) byHost.set(proc.on.node, (list = []));
    const declared = proc.props.get('listen')?.origin === 'decl';
    for (let j = 0; j < ports.length; j++) {
      const port = ports[j];
      list.push({ port, process: proc.id, lo: port.port, hi: port.portEnd ?? port.port, span: declared ? port.span : proc.nameSpan });
    }
  }
  // One report per pair of processes: a kind's default `udp/53, tcp/53` is one conflict, not two.
  const reported = new Set<number>();
  byHost.forEach((listeners, host) => {
    listeners.sort(byProtocolThenPort);
    let open: Listener | undefined;
    for (let i = 0; i < listeners.length; i++) {
      const l = listeners[i];
      if (open && open.port.protocol === l.port.protocol && l.lo <= open.hi && open.process !== l.process) {
        const first = open.process < l.process ? open : l;
        const second = open.process < l.process ? l : open;
        const pair = first.process * nodes.length + second.process; // one number per ordered pair of ids
        if (!reported.has(pair)) {
          reported.add(pair);
          out.push(diag(servicesCodes.portConflict, second.span, {
            port: `${l.port.protocol}/${Math.max(l.lo, open.lo)}`, node: nodes[host].name, other: nodes[first.process].name,
          }, { related: [{ span: first.span, label: `\`${nodes[first.process].name}\` listens here` }] }));
        }
      }
      if (!open || open.port.protocol !== l.port.protocol || l.hi > open.hi) open = l;
    }
  });
}

/** Protocol names compared as plain strings: `sctp`, `tcp`, `udp` sort the same as by localeCompare, faster. */
function byProtocolThenPort(a: Listener, b: Listener): number {
  const pa = a.port.protocol;
  const pb = b.port.protocol;
  return (pa < pb ? -1 : pa > pb ? 1 : 0) || a.lo - b.lo || a.process - b.process;
}

/**
 * Every process's calls, in declaration order, process by process: the calls of node `id` are the indices
 * `start[id]` to `end[id] - 1` of `refs` (with the key of each in `keys`); other nodes have none.
 * Read once for both checks that follow them.
 */
interface CallGraph { start: Int32Array; end: Int32Array; refs: RefValue[]; keys: string[] }

function callGraph(program: Program, processes: readonly NodeId[]): CallGraph {
  const { nodes } = program;
  const start = new Int32Array(nodes.length);
  const end = new Int32Array(nodes.length);
  const refs: RefValue[] = [];
  const keys: string[] = [];
  for (let p = 0; p < processes.length; p++) {
    const id = processes[p];
    start[id] = refs.length;
    for (let k = 0; k < CALL_KEYS.length; k++) {
      const key = CALL_KEYS[k];
      if (!accepts(program, nodes[id], key)) continue;
      const called = valuesOf(nodes[id].props, key, 'ref');
      for (let i = 0; i < called.length; i++) {
        refs.push(called[i]);
        keys.push(key);
      }
    }
    end[id] = refs.length;
  }
  return { start, end, refs, keys };
}

function callTargets(program: Program, { refs, keys }: CallGraph, out: Diagnostic[]): void {
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    const target = program.nodes[ref.node];
    if (target.nature === 'process' && target.kind !== null && !firstOf(target.props, 'listen', 'port')) {
      out.push(diag(servicesCodes.notListening, ref.span, { name: target.name, key: keys[i] }, { related: [{ span: target.nameSpan, label: 'declared here' }] }));
    }
  }
}

const UNSEEN = 0;
const ACTIVE = 1;
const DONE = 2;

/** Depth-first over the call graph; a back edge closes a loop, reported at the call that closes it. */
function callCycles(program: Program, processes: readonly NodeId[], { start, end, refs }: CallGraph, out: Diagnostic[]): void {
  const { nodes } = program;
  const state = new Uint8Array(nodes.length);
  // The path being explored: its processes, and for each the index in `refs` of its next call.
  const path: NodeId[] = [];
  const nextCall: number[] = [];
  for (let p = 0; p < processes.length; p++) {
    const root = processes[p];
    if (state[root] !== UNSEEN) continue;
    path.push(root);
    nextCall.push(start[root]);
    state[root] = ACTIVE;
    while (path.length > 0) {
      const top = path.length - 1;
      const id = path[top];
      if (nextCall[top] >= end[id]) {
        state[id] = DONE;
        path.pop();
        nextCall.pop();
        continue;
      }
      const ref = refs[nextCall[top]++];
      const s = state[ref.node];
      if (s === ACTIVE) {
        out.push(diag(servicesCodes.callCycle, ref.span, { cycle: cycleText(program, path, ref.node) }));
      } else if (s === UNSEEN && nodes[ref.node].nature === 'process') {
        state[ref.node] = ACTIVE;
        path.push(ref.node);
        nextCall.push(start[ref.node]);
      }
    }
  }
}

/** `a -> b -> a`: the path from the process called again, back to it. */
function cycleText(program: Program, path: readonly NodeId[], again: NodeId): string {
  const names = path.slice(path.indexOf(again)).map((id) => program.nodes[id].name);
  names.push(program.nodes[again].name);
  return names.join(' -> ');
}

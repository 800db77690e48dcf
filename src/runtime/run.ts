// Running a simulation program: start its processes and flows, fire events to the end (or `until`), and
// report — the timeline (text or JSON lines), a pcap, a progress line on a terminal, and a summary.
import { Capture } from './capture.js';
import { startFlow, startProcess, type FlowRun } from './scenario.js';
import { Simulation, type SimOptions } from './simulation.js';
import type { SimSpec } from './spec.js';
import { formatEvent, jsonEvent } from './timeline.js';

/** What a generated program hands the runtime: its data, its process start-up, and its flows as scenarios. */
export interface SimProgram {
  spec: SimSpec;
  /** Starts every process (default: each of `spec.processes`, by role). */
  start?: (sim: Simulation) => void;
  /** The scenarios by flow name (default: each of `spec.flows`). */
  flows?: Record<string, (sim: Simulation, run?: FlowRun) => void>;
}

export interface RunOptions extends SimOptions {
  /** Simulated seconds to stop at. */
  until?: number;
  /** Only these flows. */
  only?: string[];
  /** How many times each flow starts (concurrently). */
  instances?: number;
  /** No timeline on stdout. */
  quiet?: boolean;
  /** The timeline as JSON lines instead of text. */
  json?: boolean;
  /** Keep the frames for a pcap file. */
  capture?: boolean;
}

export interface Out {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface RunResult {
  sim: Simulation;
  capture: Capture | null;
  /** Flows that did not complete (no answer, or a failure status). */
  failed: number;
  unknownFlows: string[];
}

export function runProgram(program: SimProgram, options: RunOptions, out: Out, err: Out): RunResult {
  const sim = new Simulation(program.spec, options);
  if (!options.quiet) sim.timeline.subscribe((e) => out.write(`${options.json ? jsonEvent(e) : formatEvent(e)}\n`));
  const capture = options.capture ? new Capture() : null;
  if (capture) sim.fabric.taps.push(capture.tap);
  (program.start ?? ((s) => program.spec.processes.forEach((p) => startProcess(s, p))))(sim);
  const flows = program.flows ?? Object.fromEntries(program.spec.flows.map((f) => [f.name, (s: Simulation, run?: FlowRun) => startFlow(s, f, run)]));
  const names = options.only ?? Object.keys(flows);
  const unknownFlows = names.filter((n) => !flows[n]);
  for (const name of names) for (let i = 1; i <= (options.instances ?? 1); i++) flows[name]?.(sim, { instance: i });
  const progress = err.isTTY ? progressLine(sim, err) : undefined;
  sim.run(options.until ?? Infinity, progress?.tick);
  progress?.done();
  const failed = sim.ledger.flows.filter((f) => f.status === null || f.status >= 400).length + countUnfinished(sim, names.length * (options.instances ?? 1));
  if (!options.json) out.write(summary(sim, options.quiet === true));
  return { sim, capture, failed, unknownFlows };
}

function countUnfinished(sim: Simulation, started: number): number {
  return Math.max(0, started - sim.ledger.flows.length);
}

/** A line on stderr, redrawn at most every 100 ms: simulated time, events, packet-hops. */
function progressLine(sim: Simulation, err: Out): { tick: () => void; done: () => void } {
  let n = 0;
  let last = performance.now();
  let drawn = false;
  return {
    tick: () => {
      if ((++n & 4095) !== 0) return;
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      drawn = true;
      err.write(`\r  t = ${sim.sched.now.toFixed(3)} s   ${sim.sched.fired.toLocaleString('en')} events   ${sim.fabric.hops.toLocaleString('en')} packet-hops `);
    },
    done: () => drawn && err.write('\r\x1b[K'),
  };
}

function summary(sim: Simulation, quiet: boolean): string {
  const lines: string[] = [quiet ? '' : '\nsummary'];
  const byFlow = new Map<string, { ok: number; failed: number; slowest: number }>();
  for (const f of sim.ledger.flows) {
    const s = byFlow.get(f.flow) ?? byFlow.set(f.flow, { ok: 0, failed: 0, slowest: 0 }).get(f.flow)!;
    if (f.status !== null && f.status < 400) s.ok++;
    else s.failed++;
    s.slowest = Math.max(s.slowest, f.finished - f.started);
  }
  for (const [name, s] of byFlow) lines.push(`  flow ${name}: ${s.ok} completed, ${s.failed} failed, slowest ${s.slowest.toFixed(3)} s`);
  const rows = new Map<string, number>();
  for (const [key, n] of sim.ledger.written) rows.set(key.split('|')[0], (rows.get(key.split('|')[0]) ?? 0) + n);
  for (const [db, n] of rows) lines.push(`  ${db}: ${n} row${n === 1 ? '' : 's'} written`);
  lines.push(`  ${sim.sched.now.toFixed(3)} s simulated, ${sim.sched.fired.toLocaleString('en')} events, ${sim.fabric.hops.toLocaleString('en')} packet-hops`);
  return `${lines.filter((l, i) => i > 0 || l !== '').join('\n')}\n`;
}

/** `5%` or `0.05`. */
export function parseLoss(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  if (!m) return null;
  const v = Number(m[1]) / (m[2] ? 100 : 1);
  return v >= 0 && v <= 1 ? v : null;
}

/** `30s`, `500ms`, `2m`, or plain seconds. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
}

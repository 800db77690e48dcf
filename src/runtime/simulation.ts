// One run: the clock, the seeded random source, the data plane, the wires, every node's IP stack and the
// timeline. Processes and scenarios are attached to it; `run` fires events until nothing is left to do.
import type { Dataplane } from '../dataplane/index.js';
import { dataplaneOf } from './dataplane.js';
import { Fabric } from './fabric.js';
import { Ledger } from './ledger.js';
import { Random } from './random.js';
import { Scheduler } from './scheduler.js';
import type { NodeId, SimSpec } from './spec.js';
import { Stack } from './stack.js';
import { Timeline } from './timeline.js';

export interface SimOptions {
  seed?: number;
  /** End-to-end loss: the probability that any packet a socket sends is lost on its way (0–1). */
  loss?: number;
  /** The TLS version clients offer. */
  tls?: '1.2' | '1.3';
  /** Segments (model ids) that lose everything, to see what fails. */
  failed?: number[];
}

export class Simulation {
  readonly sched = new Scheduler();
  readonly rng: Random;
  readonly timeline: Timeline;
  readonly dp: Dataplane;
  readonly fabric: Fabric;
  readonly tls: '1.2' | '1.3';
  readonly ledger = new Ledger();
  private readonly stacks: Stack[] = [];

  constructor(readonly spec: SimSpec, options: SimOptions = {}) {
    this.rng = new Random(options.seed ?? 1);
    this.timeline = new Timeline(this.sched);
    this.dp = dataplaneOf(spec);
    this.tls = options.tls ?? '1.2';
    this.fabric = new Fabric(spec, this.dp, this.sched, this.rng, this.timeline, options.loss ?? 0);
    this.fabric.deliver = (node, packet, body) => this.stack(node).input(packet, body);
    for (const s of options.failed ?? []) this.fabric.links.fail(s);
  }

  stack(node: NodeId): Stack {
    return (this.stacks[node] ??= new Stack(this, node));
  }

  name(node: NodeId): string {
    return this.spec.network.nodes[node].name;
  }

  /** Fire events until none is left or the clock passes `until` seconds. */
  run(until = Infinity, onEvent?: () => void): void {
    this.sched.run(until, onEvent);
  }
}

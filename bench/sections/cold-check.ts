import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../paths.js';
import { median, type Figure, type Section } from './section.js';

const RUNS = 10;

/** Wall time of one `node ARGS` child process, in ms; throws if it fails (a failed check is no figure). */
function spawnMs(args: string[], cwd: string): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr || child.stdout}`);
  return ms;
}

export const coldCheck: Section = {
  name: 'cold',
  title: `\`topo check examples/order-from-phone.topo\` cold, median of ${RUNS} processes`,
  async run(): Promise<Figure[]> {
    const root = repoRoot();
    const check = [join(root, 'bin/topo.js'), 'check', 'examples/order-from-phone.topo'];
    const topo: number[] = [];
    const bare: number[] = [];
    // Interleaved, so that a burst of load on the machine hits both series alike.
    for (let i = 0; i < RUNS; i++) {
      topo.push(spawnMs(check, root));
      bare.push(spawnMs(['-e', '0'], root));
    }
    const [t, b] = [median(topo), median(bare)];
    return [
      { label: 'topo check (cold process)', measured: Math.round(t), unit: 'ms', target: { op: '<=', value: 300 } },
      { label: 'node -e 0 (same run)', measured: Math.round(b), unit: 'ms' },
      { label: 'ratio topo check / node -e 0', measured: Number((t / b).toFixed(2)), unit: '×' },
    ];
  },
};

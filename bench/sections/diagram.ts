import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from '../../src/driver/index.js';
import { diagramDot } from '../../src/emit/diagram/index.js';
import { renderSvg } from '../../src/emit/diagram/svg.js';
import { generate, mixedSpec } from '../generate.js';
import { memoryHost } from '../memory-host.js';
import { timeMs, type Figure, type Section } from './section.js';

/** The mixed synthetic topology at the scale that has about 1,000 network nodes (processes not counted). */
const SCALE = 4.1;

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Diagram budgets of issue 6: the physical view of a 1,000-node network to SVG, WebAssembly against native dot. */
export const diagram: Section = {
  name: 'diagram',
  title: 'topo diagram: the physical view of a ~1,000-node synthetic network, DOT → SVG',
  async run(): Promise<Figure[]> {
    const { text, stats } = generate(mixedSpec(SCALE));
    const path = join(tmpdir(), 'topo-bench', 'diagram.topo');
    let c = compile([path], { host: memoryHost({ [path]: text }) }).compilations[0];
    const compileMs = timeMs(() => (c = compile([path], { host: memoryHost({ [path]: text }) }).compilations[0]));
    if (!c.program || !c.network || !c.routing) throw new Error('the generated network does not compile');
    const input = { program: c.program, network: c.network, routing: c.routing, title: 'bench' };
    let dot = '';
    const dotMs = timeMs(() => (dot = diagramDot(input, { type: 'physical' })));
    // Cold: the first SVG loads the WebAssembly module too. Warm: the same DOT again, layout only.
    const cold = await timeAsync(() => renderSvg(dot));
    const warm = await timeAsync(() => renderSvg(dot));
    const nodes = (dot.match(/^\s+n\d+ \[/gm) ?? []).length;
    const edges = (dot.match(/ -> /g) ?? []).length;
    const figures: Figure[] = [
      {
        label: 'DOT + SVG (WebAssembly, cold)',
        measured: Math.round(dotMs + cold.ms),
        unit: 'ms',
        target: { op: '<=', value: 10_000 },
        note: `${stats.nodes} network nodes, ${nodes} drawn with processes, ${edges} edges; compile ${Math.round(compileMs)} ms not included`,
      },
      { label: 'SVG layout, WebAssembly (warm)', measured: Math.round(warm.ms), unit: 'ms' },
    ];
    const dir = join(tmpdir(), 'topo-bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'diagram.dot'), dot);
    const native = await timeAsync(async () => spawnSync('dot', ['-Tsvg', '-o', join(dir, 'diagram.svg'), join(dir, 'diagram.dot')], { encoding: 'utf8' }));
    if (native.value.error || native.value.status !== 0) {
      figures.push({ label: 'native dot', measured: 0, unit: 'ms', note: `not measured: ${native.value.error?.message ?? native.value.stderr.split('\n')[0]}` });
      return figures;
    }
    figures.push(
      { label: 'native dot -Tsvg on the same DOT', measured: Math.round(native.ms), unit: 'ms' },
      { label: 'WebAssembly / native (warm)', measured: Math.round((warm.ms / native.ms) * 100) / 100, unit: '×', target: { op: '<=', value: 1.5 } },
    );
    return figures;
  },
};

import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseFile } from '../../grammar/index.js';
import { checkFiles } from '../../src/check/index.js';
import { generateLines } from '../generate.js';
import { memoryHost } from '../memory-host.js';
import { timeMs, type Figure, type Section } from './section.js';

const LINES = 100_000;
const TARGET = { op: '>=', value: 250_000 } as const;

/** Best of three after a warm-up, so that the figure is the compiler's speed and not the JIT's warm-up. */
function bestOf3(fn: () => unknown): number {
  fn();
  return Math.min(timeMs(fn), timeMs(fn), timeMs(fn));
}

export const frontend: Section = {
  name: 'frontend',
  title: `front end on a generated ${LINES.toLocaleString('en')}-line file (best of 3 after a warm-up)`,
  async run(): Promise<Figure[]> {
    const { text, stats } = generateLines(LINES);
    const path = join(tmpdir(), 'topo-bench', 'frontend.topo');
    const host = memoryHost({ [path]: text });
    const errors = checkFiles([path], host).diagnostics.filter((d) => d.severity === 'error').length;
    const note = `${stats.lines} lines, ${(text.length / 1e6).toFixed(1)} MB${errors > 0 ? `, ${errors} errors (expected 0)` : ''}`;
    const perSecond = (ms: number): number => Math.round(stats.lines / (ms / 1000));
    return [
      {
        label: 'lex+parse+AST+resolve+check',
        measured: perSecond(bestOf3(() => checkFiles([path], host))),
        unit: 'lines/s',
        target: TARGET,
        note,
      },
      { label: 'parse only (parseFile)', measured: perSecond(bestOf3(() => parseFile(path, text))), unit: 'lines/s', target: TARGET },
    ];
  },
};

// Golden DOT for every example and view, pinned in examples/expected/diagram/NAME.VIEW.dot; every golden must lay
// out with native Graphviz, and the WebAssembly SVG of it must be XML. Refresh with UPDATE_GOLDEN=1 and
// review the diff (and the pictures: `dot -Tpng`).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { diagramDot, parseView } from '../../src/emit/diagram/index.js';
import { renderSvg } from '../../src/emit/diagram/svg.js';
import { inputFor, nativeDot, parseSvg, runNativeDot } from './helpers.js';

const EXAMPLES = 'examples';
const GOLDENS = 'examples/expected/diagram';
const update = process.env.UPDATE_GOLDEN === '1';

const examples = readdirSync(EXAMPLES).filter((n) => n.endsWith('.topo')).sort();
const cases = examples.flatMap((file) => {
  const path = `${EXAMPLES}/${file}`;
  const flows = inputFor(path).program.flows.filter((f) => f.file.endsWith(file)).map((f) => `flow:${f.name}`);
  return ['physical', 'routing', ...flows].map((view) => ({ path, view, golden: `${GOLDENS}/${file.replace(/\.topo$/, '')}.${view.replace(':', '-')}.dot` }));
});

function dotOf(path: string, view: string): string {
  return diagramDot(inputFor(path, view), parseView(view)!);
}

describe('diagram goldens', () => {
  test.each(cases)('$path $view', ({ path, view, golden }) => {
    const dot = dotOf(path, view);
    expect(dotOf(path, view), 'same input, same bytes').toBe(dot);
    if (update || !existsSync(golden)) {
      mkdirSync(GOLDENS, { recursive: true });
      writeFileSync(golden, dot);
      if (!update) throw new Error(`${golden} was missing and has been written: review it and commit it`);
      return;
    }
    expect(dot).toBe(readFileSync(golden, 'utf8'));
  });

  test('every golden belongs to an example and a view', () => {
    const expected = new Set(cases.map((c) => c.golden.slice(GOLDENS.length + 1)));
    expect(readdirSync(GOLDENS).filter((n) => !expected.has(n))).toEqual([]);
  });
});

describe('goldens render', () => {
  test.skipIf(!nativeDot).each(cases)('native dot -Tsvg: $golden', ({ golden }) => {
    const r = runNativeDot(readFileSync(golden, 'utf8'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    parseSvg(r.stdout);
  });
  if (!nativeDot) test.skip('native dot is not installed (apt-get install graphviz): the goldens were not laid out natively', () => {});

  test.each(cases)('WebAssembly SVG is XML: $golden', async ({ golden }) => {
    const svg = await renderSvg(readFileSync(golden, 'utf8'));
    const doc = parseSvg(svg);
    expect(doc.svg).toBeDefined();
  });
});

// `topo build` writes every output of a file into a folder: what `npm start` runs on the flagship.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { capture } from './helpers.js';

test('writes routes, request and reply hop tables per flow, and the diagrams', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'topo-build-'));
  const c = capture();
  expect(await runCli(['build', 'examples/order-from-phone.topo', '-o', dir], c.io)).toBe(0);
  expect(readdirSync(dir).sort()).toEqual([
    'order-from-phone.asset.hops.md', 'order-from-phone.asset.reply.hops.md',
    'order-from-phone.flow-asset.html', 'order-from-phone.flow-asset.svg',
    'order-from-phone.flow-order.html', 'order-from-phone.flow-order.svg',
    'order-from-phone.order.hops.md', 'order-from-phone.order.reply.hops.md',
    'order-from-phone.physical.svg', 'order-from-phone.routes.txt', 'order-from-phone.routing.svg',
  ]);
  expect(readFileSync(join(dir, 'order-from-phone.order.hops.md'), 'utf8')).toBe(readFileSync('examples/order-from-phone.order.hops.md', 'utf8'));
  expect(readFileSync(join(dir, 'order-from-phone.routes.txt'), 'utf8')).toBe(readFileSync('examples/order-from-phone.routes.txt', 'utf8'));
  const svg = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(dir, 'order-from-phone.physical.svg'), 'utf8'));
  expect(svg.svg).toBeDefined();
  expect(c.stdout().split('\n').filter(Boolean)).toHaveLength(11);
});

test('a file with errors writes nothing and exits 1', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'topo-build-')), 'out');
  const c = capture();
  expect(await runCli(['build', 'test/fixtures/diagnostics/TOPO2004.topo', '-o', dir], c.io)).toBe(1);
  expect(c.stderr()).toContain('error[TOPO2004]');
  expect(() => readdirSync(dir)).toThrow();
});

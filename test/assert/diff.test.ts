// `topo diff` on the flagship and a revision without the transit AS's c1 -- c2 link.
import { expect, test } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import type { DiffDoc } from '../../src/emit/diff.js';
import { capture } from '../cli/helpers.js';

const OLD = 'examples/order-from-phone.topo';
const NEW = 'examples/diff/order-from-phone-no-c1c2.topo';

test('names the flows, routes and reachability the removed link changes', async () => {
  const c = capture();
  expect(await runCli(['diff', OLD, NEW, '--format', 'json'], c.io)).toBe(0);
  const d = JSON.parse(c.stdout()) as DiffDoc;
  const order = d.flows.find((f) => f.flow === 'order')!;
  expect(order.disposition).toEqual({ old: 'delivered', new: 'dropped at pgw: no route to 198.51.100.53' });
  expect(order.path!.old).toContain('c2');
  expect(order.path!.new).not.toContain('c2');
  // The asset is served by the CDN through c1 alone: unchanged.
  expect(d.flows.map((f) => f.flow)).toEqual(['order']);
  expect(d.routes).toContainEqual({ node: 'a2', prefix: '198.51.100.0/24', old: 'via c1', new: null });
  expect(d.routes).toContainEqual({ node: 'c1', prefix: '198.51.100.0/24', old: 'via c2', new: null });
  expect(d.routes).toContainEqual({ node: 'c1', prefix: '203.0.113.128/30', old: 'connected', new: null });
  expect(d.routes.filter((r) => r.new !== null)).toEqual([]);
  expect(d.reachability).toEqual([{ flow: 'order', change: 'vanished' }]);
});

test('text: a section per kind of change; a file against itself has none', async () => {
  const c = capture();
  await runCli(['diff', OLD, NEW], c.io);
  expect(c.stdout()).toMatch(/^flows\n  order: dropped at pgw: no route to 198\.51\.100\.53 \(was delivered\)\n/);
  expect(c.stdout()).toContain('\nroutes\n  a2: lost 198.51.100.0/24 via c1\n');
  expect(c.stdout()).toMatch(/\nreachability\n  order: no longer delivered\n$/);
  const same = capture();
  await runCli(['diff', OLD, OLD], same.io);
  expect(same.stdout()).toBe('no changes to flows, routes or reachability\n');
});

// Every example's assertions hold: `topo test examples/` is what CI runs.
import { expect, test } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { capture } from '../cli/helpers.js';

test('topo test examples/ passes', async () => {
  const c = capture();
  const status = await runCli(['test', 'examples/'], c.io);
  expect(c.stdout()).not.toMatch(/^(FAIL|ERROR) /m);
  expect(c.stdout()).toMatch(/^\d+ passed\n$/m);
  expect(status).toBe(0);
}, 30_000);

test('--filter keeps the matching assertions only', async () => {
  const c = capture();
  expect(await runCli(['test', 'examples/order-from-phone.topo', '--filter', 'vxlan.vni'], c.io)).toBe(0);
  expect(c.stdout()).toBe('2 passed\n');
});

// The flagship's `topo hops --flow order` in every format, request and reply, pinned as golden files
// beside it in examples/. Refresh with UPDATE_GOLDEN=1 and review the diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { HopsFormat } from '../../src/emit/hops.js';
import { FLAGSHIP, hops } from './helpers.js';

const EXT: Record<HopsFormat, string> = { text: 'txt', markdown: 'md', csv: 'csv', json: 'json' };
const update = process.env.UPDATE_GOLDEN === '1';

describe('flagship hops goldens', () => {
  for (const reply of [false, true]) {
    for (const format of Object.keys(EXT) as HopsFormat[]) {
      const golden = `examples/order-from-phone.order${reply ? '.reply' : ''}.hops.${EXT[format]}`;
      test(golden, () => {
        const { output } = hops(FLAGSHIP, { flow: 'order', reply, format });
        if (update || !existsSync(golden)) writeFileSync(golden, output);
        expect(output).toBe(readFileSync(golden, 'utf8'));
      });
    }
  }

  test('the output is deterministic', () => {
    const a = hops(FLAGSHIP, { format: 'json' }).output;
    expect(hops(FLAGSHIP, { format: 'json' }).output).toBe(a);
  });
});

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generateLines } from '../../bench/generate.js';
import { memoryHost } from '../../bench/memory-host.js';
import { checkFiles } from '../../src/check/index.js';
import { errorsOf, expectWellFormed, timed } from './well-formed.js';

const BOUND_MS = 90_000;

it('a valid 50 MB generated file checks clean within 90 s', () => {
  // ~29 bytes a line: 1.8 million lines is a little over 50 MB.
  const { text, stats } = generateLines(1_800_000);
  expect(text.length).toBeGreaterThan(50_000_000);
  const path = join(tmpdir(), 'topo-large', 'fifty-mb.topo');
  const { value: result, ms } = timed(() => checkFiles([path], memoryHost({ [path]: text })));
  console.log(`50 MB file: ${stats.lines} lines, ${(text.length / 1e6).toFixed(1)} MB, checked in ${(ms / 1000).toFixed(1)} s`);
  expectWellFormed(result);
  expect(errorsOf(result).slice(0, 5)).toEqual([]);
  expect(ms).toBeLessThan(BOUND_MS);
}, 3 * BOUND_MS);

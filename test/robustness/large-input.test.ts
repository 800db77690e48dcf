import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkInChild } from '../../bench/check-in-child.js';
import { generateLines } from '../../bench/generate.js';

const BOUND_MS = 90_000;
const dir = mkdtempSync(join(tmpdir(), 'topo-large-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// In a child process with a timeout, so that a hang or running out of memory fails this test alone, in bounded time.
it('a valid 50 MB generated file checks clean within 90 s', () => {
  // ~30 bytes a line: 1.8 million lines is a little over 50 MB.
  const { text, stats } = generateLines(1_800_000);
  expect(text.length).toBeGreaterThan(50_000_000);
  const file = join(dir, 'fifty-mb.topo');
  writeFileSync(file, text);
  const report = checkInChild(file, BOUND_MS);
  console.log(`50 MB file: ${stats.lines} lines, ${(text.length / 1e6).toFixed(1)} MB, checked in ${report.seconds.toFixed(1)} s, peak RSS ${report.maxRssMB.toFixed(0)} MB`);
  expect(report.errors).toBe(0);
}, 2 * BOUND_MS);

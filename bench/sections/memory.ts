import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkInChild } from '../check-in-child.js';
import { generateLines } from '../generate.js';
import type { Figure, Section } from './section.js';

const LINES = 1_000_000;

export const memory: Section = {
  name: 'memory',
  title: `peak memory checking a generated ${LINES.toLocaleString('en')}-line file (a child process's maxRSS)`,
  async run(): Promise<Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'topo-bench-'));
    try {
      const file = join(dir, 'million.topo');
      const { text, stats } = generateLines(LINES);
      writeFileSync(file, text);
      const report = checkInChild(file);
      const note = `${stats.lines} lines, ${(text.length / 1e6).toFixed(0)} MB, checked in ${report.seconds.toFixed(1)} s` +
        (report.errors > 0 ? `, ${report.errors} errors (expected 0)` : '');
      return [{ label: 'peak RSS', measured: Math.round(report.maxRssMB), unit: 'MB', target: { op: '<=', value: 1024 }, note }];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

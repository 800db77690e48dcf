import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MAX_NESTING_DEPTH } from '../../grammar/token-stream.js';
import { parse, where } from './helpers.js';

describe('pathological input', () => {
  it('parses an empty file and a file of only comments', () => {
    expect(parse('')).toMatchObject({ diagnostics: [], file: { items: [], imports: [], comments: [] } });
    const r = parse('// one\n/* two */\n/// three\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.file.items).toEqual([]);
    expect(r.file.comments).toHaveLength(3);
  });

  it('reports 10,000 nested blocks once, at the first too-deep `{`, without overflowing the stack', () => {
    const depth = 10_000;
    const text = 'a b {'.repeat(depth) + '}'.repeat(depth) + '\nrouter after\n';
    const r = parse(text);
    expect(where(r.diagnostics)).toEqual([`TOPO1204 1:${5 * MAX_NESTING_DEPTH + 5}`]);
    expect(r.file.items.map((i) => i.type)).toEqual(['Decl', 'Decl']);
  });

  it('reports unclosed deep nesting without a cascade', () => {
    const r = parse('a b {'.repeat(10_000));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TOPO1202', 'TOPO1204']);
  });

  it('accepts nesting up to the limit', () => {
    const d = MAX_NESTING_DEPTH;
    expect(parse('a b {'.repeat(d) + '}'.repeat(d)).diagnostics).toEqual([]);
  });

  it('reports random bytes without throwing', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const text = Array.from({ length: 20_000 }, () => String.fromCharCode(Math.floor(rand() * 256))).join('');
    const r = parse(text);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) expect(d.span.end).toBeLessThanOrEqual(text.length);
  });

  it('parses a 50 MB valid file in bounded time', () => {
    const unit = readFileSync('examples/order-from-phone.topo', 'utf8').replace(/^import .*$/gm, '');
    const blocks: string[] = [];
    let size = 0;
    for (let i = 0; size < 50e6; i++) {
      const block = `as ${i} n${i} {\n${unit}\n}\n`;
      blocks.push(block);
      size += block.length;
    }
    const text = blocks.join('');
    const t0 = performance.now();
    const r = parse(text);
    const seconds = (performance.now() - t0) / 1000;
    expect(r.diagnostics).toEqual([]);
    expect(r.file.items).toHaveLength(blocks.length);
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, loadFiles } from '../../src/resolve/load.js';
import { memHost } from './helpers.js';

describe('loadFiles', () => {
  it('strips a UTF-8 BOM so that spans start at the first character', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('kind x { is: router }\n')]);
    const r = loadFiles(['a.topo'], memHost({ 'a.topo': bytes }));
    expect(r.diagnostics).toEqual([]);
    expect(r.sources.get('a.topo')!.text.startsWith('kind')).toBe(true);
  });

  it('reports invalid UTF-8 at the offending byte and binary files', () => {
    const r = loadFiles(['a.topo', 'b.topo'], memHost({ 'a.topo': new Uint8Array([0x61, 0x0a, 0x62, 0xff]), 'b.topo': new Uint8Array([1, 0, 2]) }));
    expect(r.diagnostics.map((d) => [d.code, d.span.line, d.span.col])).toEqual([['TOPO0004', 2, 2], ['TOPO0005', 1, 1]]);
  });

  it('finds the first invalid UTF-8 sequence (overlong, surrogate, truncated)', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('héllo €'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe2, 0x82]))).toBe(1);
  });

  it('reports a missing root file and a directory', () => {
    const host = { readFile: (p: string): Uint8Array => { throw Object.assign(new Error(p), { code: p === 'd' ? 'EISDIR' : 'ENOENT' }); } };
    expect(loadFiles(['x.topo', 'd'], host).diagnostics.map((d) => d.code)).toEqual(['TOPO0001', 'TOPO0002']);
  });

  it('resolves relative imports from the importing file, loading each file once', () => {
    const r = loadFiles(['net/main.topo'], memHost({
      'net/main.topo': 'import "./lib/a.topo"\nimport "./lib/b.topo"\n',
      'net/lib/a.topo': 'import "./b.topo"\n',
      'net/lib/b.topo': '',
    }));
    expect(r.diagnostics).toEqual([]);
    expect(r.files.map((f) => f.path)).toEqual(['net/main.topo', 'net/lib/a.topo', 'net/lib/b.topo']);
  });

  it('reports a missing import at its path string, and an unknown std module with a suggestion', () => {
    const r = loadFiles(['m.topo'], memHost({ 'm.topo': 'import "./nope.topo"\nimport "std/clod"\n' }));
    expect(r.diagnostics.map((d) => [d.code, d.span.line, d.span.col])).toEqual([['TOPO2001', 1, 8], ['TOPO2002', 2, 8]]);
    expect(r.diagnostics[1].help).toContain('std/cloud');
  });

  it('loads the standard library from the package whatever the host', () => {
    const r = loadFiles(['m.topo'], memHost({ 'm.topo': 'import "std/internet"\n' }));
    expect(r.diagnostics).toEqual([]);
    expect([...r.stdFiles]).toEqual(['std/internet.topo']);
  });

  it('reports an import cycle once, with every file of the cycle', () => {
    const r = loadFiles(['a.topo'], memHost({ 'a.topo': 'import "./b.topo"\n', 'b.topo': 'import "./c.topo"\n', 'c.topo': 'import "./a.topo"\n' }));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['TOPO2003']);
    expect(r.diagnostics[0].message).toBe('import cycle: a.topo -> b.topo -> c.topo -> a.topo');
    expect(r.diagnostics[0].related).toHaveLength(2);
  });
});

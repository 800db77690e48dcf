import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryHost } from '../../bench/memory-host.js';
import { checkFiles, type CheckResult } from '../../src/check/index.js';
import { errorsOf, expectWellFormed, timed } from './well-formed.js';

// Files that exist only in memory live here; the directory itself does not exist on disk.
const dir = join(tmpdir(), 'topo-robustness-virtual');
const at = (name: string): string => join(dir, name);
const flagship = resolve('examples/order-from-phone.topo');
const flagshipText = readFileSync(flagship, 'utf8');

/** Check in-memory files, assert the result is well-formed and came in bounded time. */
function check(files: Record<string, string | Uint8Array>, entry = Object.keys(files)[0], maxMs = 5_000): CheckResult {
  const { value, ms } = timed(() => checkFiles([entry], memoryHost(files)));
  expectWellFormed(value);
  expect(ms).toBeLessThan(maxMs);
  return value;
}

const positions = (r: CheckResult) =>
  r.diagnostics.map((d) => ({ code: d.code, line: d.span.line, col: d.span.col, endLine: d.span.endLine, endCol: d.span.endCol }));

describe('hostile and unusual inputs', () => {
  it('an empty file: nothing to report but at the file itself', () => {
    const result = check({ [at('empty.topo')]: '' });
    expect(result.diagnostics.every((d) => d.span.line === 1 && d.span.col === 1)).toBe(true);
  });

  it('a binary file (NUL bytes): an error, no exception', () => {
    const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0]);
    expect(errorsOf(check({ [at('binary.topo')]: elf })).length).toBeGreaterThan(0);
  });

  it('invalid UTF-8: an error, no exception', () => {
    const bytes = new TextEncoder().encode('import "std/internet"\nrouter a@b\n');
    bytes[bytes.indexOf(0x40)] = 0xff; // `@` → a byte that never occurs in UTF-8
    expect(errorsOf(check({ [at('latin1.topo')]: bytes })).length).toBeGreaterThan(0);
  });

  it('a UTF-8 BOM: the flagship stays clean and every span is where it is without the BOM', () => {
    const plain = check({ [flagship]: flagshipText });
    const withBom = check({ [flagship]: `\uFEFF${flagshipText}` });
    expect(errorsOf(withBom)).toEqual([]);
    expect(withBom.diagnostics).toEqual(plain.diagnostics);
    expect(withBom.sources.get(flagship)?.text).toBe(flagshipText);
  });

  it('CRLF line ends: the flagship stays clean, and an error keeps its line and column', () => {
    expect(errorsOf(check({ [flagship]: flagshipText.replace(/\n/g, '\r\n') }))).toEqual([]);
    const broken = `${flagshipText}link a2 -- nowhere\nrouter 300.1.2.3\n`;
    const lf = check({ [flagship]: broken });
    const crlf = check({ [flagship]: broken.replace(/\n/g, '\r\n') });
    expect(errorsOf(lf).length).toBeGreaterThan(0);
    expect(positions(crlf)).toEqual(positions(lf));
  });

  it('a directory: an error about it, no exception', () => {
    const path = resolve('examples');
    const result = checkFiles([path]);
    expectWellFormed(result);
    expect(errorsOf(result).map((d) => d.span.file)).toContain(path);
  });

  it('a missing file: an error naming it', () => {
    const path = at('no-such-file.topo');
    const result = checkFiles([path]);
    expectWellFormed(result);
    expect(errorsOf(result).map((d) => d.span.file)).toEqual([path]);
  });

  it('an import of a missing file: an error at the import', () => {
    const main = at('main.topo');
    const result = check({ [main]: 'import "std/internet"\nimport "./missing.topo"\nrouter r1\n' });
    const atImport = errorsOf(result).filter((d) => d.span.file === main && d.span.line === 2);
    expect(atImport.length).toBeGreaterThan(0);
  });

  it('an import cycle a → b → a: an error showing the whole cycle', () => {
    const result = check({
      [at('a.topo')]: 'import "./b.topo"\nimport "std/internet"\nrouter ra\n',
      [at('b.topo')]: 'import "./a.topo"\nimport "std/internet"\nrouter rb\n',
    });
    const cycle = errorsOf(result).filter((d) => {
      const shown = JSON.stringify(d);
      return shown.includes('a.topo') && shown.includes('b.topo');
    });
    expect(cycle.length).toBeGreaterThan(0);
  });

  it('10,000 nested blocks: diagnostics, no stack overflow', () => {
    const depth = 10_000;
    const text = `import "std/internet"\n${'as 64500 n {\n'.repeat(depth)}router r\n${'}\n'.repeat(depth)}`;
    expect(check({ [at('nested.topo')]: text }, undefined, 10_000).diagnostics.length).toBeGreaterThan(0);
  });

  // Found by the mutation test: the "missing part" of a literal was reported one past the end of the text.
  it.each([
    ['an address', 'import "std/internet"\nas 64500 x { announce: 10.0.0.'],
    ['a port', 'import "std/services"\nimport "std/internet"\nhost h\nservice s on h { listen: tcp/'],
  ])('%s cut off by the end of the file: its error stays inside the text', (_, text) => {
    expect(errorsOf(check({ [at('cut.topo')]: text })).length).toBeGreaterThan(0);
  });

  it('a 1 MB identifier: an error at the identifier', () => {
    const prefix = 'import "std/internet"\nrouter ';
    const result = check({ [at('long.topo')]: `${prefix}${'a'.repeat(1 << 20)}\n` });
    expect(errorsOf(result).some((d) => d.span.start === prefix.length)).toBe(true);
  });
});

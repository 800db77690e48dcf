import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseValid } from '../../grammar/fast-parser.js';
import { parseWithRecovery } from '../../grammar/index.js';
import { syntaxCodes } from '../../src/diagnostics/codes/syntax.js';
import { compareDiagnostics } from '../../src/diagnostics/diagnostic.js';
import { SourceText } from '../../src/diagnostics/span.js';
import { applyMutations, mutationArb, tokenize } from '../robustness/mutate.js';
import { astData, fragment } from './helpers.js';

const SYNTAX = new Set(Object.values(syntaxCodes).map((c) => c.code));

/**
 * The fast path against the Chevrotain parser on one text: where the fast path gives an AST, it is the
 * Chevrotain parser's exactly (spans, docs, comments, literal diagnostics); it gives up exactly when the
 * Chevrotain parser reports a syntax error.
 */
function agree(text: string): 'fast' | 'fell back' {
  const src = new SourceText('t.topo', text);
  const fast = parseValid(src);
  const full = parseWithRecovery(src);
  full.diagnostics.sort(compareDiagnostics);
  const syntaxErrors = full.diagnostics.filter((d) => SYNTAX.has(d.code));
  if (fast === null) {
    expect(syntaxErrors, 'the fast path gave up on a file without syntax errors').not.toEqual([]);
    return 'fell back';
  }
  expect(syntaxErrors).toEqual([]);
  fast.diagnostics.sort(compareDiagnostics);
  expect(JSON.stringify(astData(fast.file))).toBe(JSON.stringify(astData(full.file)));
  expect(JSON.stringify(fast.diagnostics)).toBe(JSON.stringify(full.diagnostics));
  return 'fast';
}

const repositoryFiles = execFileSync('git', ['ls-files', '*.topo'], { encoding: 'utf8' })
  .split('\n')
  .filter((path) => path !== '' && !path.includes('TOPO0001') && !path.includes('TOPO0003'));

describe('the parser fast path', () => {
  it('agrees with the Chevrotain parser on every .topo file of the repository', () => {
    const taken = repositoryFiles.map((path) => agree(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')));
    // The examples and the standard library are valid: they must all take the fast path.
    expect(taken.filter((t) => t === 'fast').length).toBeGreaterThan(100);
  });

  it('takes the fast path in a fresh process, before any Chevrotain parser has been built', () => {
    // Chevrotain completes some token-category tables only when a parser is built: the fast path must not need them.
    const script = `
      import { readFileSync } from 'node:fs';
      import { parseValid } from './dist/grammar/fast-parser.js';
      import { SourceText } from './dist/src/diagnostics/span.js';
      const path = 'examples/order-from-phone.topo';
      process.stdout.write(parseValid(new SourceText(path, readFileSync(path, 'utf8'))) ? 'fast' : 'fell back');`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })).toBe('fast');
  });

  it('agrees on well-formed statements joined in every way the terminator rules allow', () => {
    const ident = fc.constantFrom('a2', 'c1', 'x_1', '_y');
    const name = fc.oneof(ident, fc.constant('"odd name"'));
    const literal = fc.constantFrom('10.0.0.1', '10.0.0.0/24', '1500B', '5%', 'tcp/443', '02:00:0a:00:00:01', '0x11', '10.0.0.300');
    // Keywords are plain words in values.
    const atom = fc.oneof(ident, literal, fc.constantFrom('"https://x/"', 'on', 'via', 'c1.a2', 'x:tcp/80'));
    const value = fc.array(atom, { minLength: 1, maxLength: 3 }).map((a) => a.join(' '));
    const sep = fc.constantFrom('\n', ';', '\r\n', ' // note\n', '\n\n', '\n/// doc\n', ' /* c\nc */\n', ';\n');
    const gap = fc.constantFrom(' ', '  ', '\t', ' /* b */ ');
    const cont = fc.constantFrom(' ', '\n  ', '\r\n');
    const stmt: fc.Memo<string> = fc.memo((depth) => {
      const block = depth > 1
        ? fc.tuple(fc.array(stmt(depth - 1), { maxLength: 3 }), sep).map(([items, s]) => `{${s}${items.join(s)}${s}}`)
        : fc.constant('{ }');
      return fc.oneof(
        fc.tuple(ident, gap, cont, fc.array(value, { minLength: 1, maxLength: 3 }))
          .map(([k, g, n, v]) => `${k}${g}:${n}${v.join(`,${n}`)}`),
        fc.tuple(ident, name, fc.option(literal), fc.option(block)).map(([k, n, l, b]) => `${k} ${n} ${l ?? ''} ${b ?? ''}`),
        fc.tuple(literal, name, fc.option(block)).map(([l, n, b]) => `as ${l} ${n} ${b ?? ''}`),
        fc.tuple(name, cont, name, fc.option(block)).map(([a, n, b, blk]) => `link ${a} --${n}${b} ${blk ?? ''}`),
        fc.tuple(name, name).map(([u, v]) => `bearer ${u} via ${v},\n ${v}`),
        fc.constantFrom('route_reflector', 'vm h on x in y', 'flow f { to: x:tcp/443 }', 'kind k { is: router }',
          'assert a -> b', 'assert soft order at sgw -> pgw { outer.ip.src == 10.0.0.1\n gtpu.teid exists }', 'x.y: 1 -> c'),
      );
    });
    const file = fc.tuple(fc.array(stmt(3), { maxLength: 6 }), sep, fc.boolean())
      .map(([items, s, imp]) => `${imp ? 'import "std/internet"\n' : ''}${items.join(s)}`);
    const taken = { fast: 0, 'fell back': 0 };
    fc.assert(fc.property(file, (text) => {
      taken[agree(text)]++;
    }), { numRuns: 3000, seed: 20261206 });
    // Most are valid (a `10.0.0.300` is a literal error, not a syntax error); the rest exercise the giving up.
    expect(taken.fast).toBeGreaterThan(taken['fell back']);
  });

  it('agrees on fuzzed and mutated input', () => {
    const examples = repositoryFiles.filter((p) => p.startsWith('examples/')).map((p) => tokenize(readFileSync(p, 'utf8')));
    const mutated = fc.tuple(fc.constantFrom(...examples), fc.array(mutationArb.filter((m) => m.op !== 'bytes'), { minLength: 1, maxLength: 3 }))
      .map(([tokens, mutations]) => applyMutations(tokens, mutations).join(''));
    const fragments = fc.array(fragment, { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.oneof(mutated, fragments), (text) => {
      agree(text);
    }), { numRuns: 1500, seed: 20261207 });
  });
});

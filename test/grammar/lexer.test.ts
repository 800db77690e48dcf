import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lexer } from '../../grammar/chevrotain.js';
import { allTokens } from '../../grammar/tokens.js';
import { lex, MAX_IDENTIFIER_LENGTH } from '../../grammar/lexer.js';
import { SourceText } from '../../src/diagnostics/span.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { covered, parse, where } from './helpers.js';

function tokens(text: string): string[] {
  const diags: Diagnostic[] = [];
  return lex(new SourceText('t.topo', text), diags).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('lexer', () => {
  it('lexes each literal kind as one token, loosely', () => {
    expect(tokens('10.0.1.300/33 02:00:0a:00:01:0g tcp/99999 5parsecs 0x11 "a b"')).toEqual([
      'Number:10.0.1.300/33', 'Mac:02:00:0a:00:01:0g', 'Port:tcp/99999', 'Number:5parsecs', 'Number:0x11', 'String:"a b"',
    ]);
  });

  it('tells keywords from identifiers that start with them', () => {
    expect(tokens('in inside on only link linked')).toEqual([
      'In:in', 'Identifier:inside', 'On:on', 'Identifier:only', 'Link:link', 'Identifier:linked',
    ]);
  });

  it('lexes operators longest first', () => {
    expect(tokens('-> -- == != <= >= < > = : , . ;')).toEqual([
      'Arrow:->', 'DashDash:--', 'EqEq:==', 'NotEq:!=', 'LtEq:<=', 'GtEq:>=', 'Lt:<', 'Gt:>', 'Equals:=',
      'Colon::', 'Comma:,', 'Dot:.', 'Semicolon:;',
    ]);
  });

  it('keeps a REF:PORT apart', () => {
    expect(tokens('haproxy:tcp/443')).toEqual(['Identifier:haproxy', 'Colon::', 'Port:tcp/443']);
  });

  it('keeps comments out of the token stream but in the AST, with their style', () => {
    const r = parse('// a\n/// b\n/* c\n d */ router x // e\n');
    expect(r.file.comments.map((c) => [c.style, c.text])).toEqual([
      ['line', '// a'], ['doc', '/// b'], ['block', '/* c\n d */'], ['line', '// e'],
    ]);
    expect(r.file.items).toHaveLength(1);
  });

  it('reports one diagnostic per run of unknown characters, at its span', () => {
    const text = 'router a @@@ b\nrouter c $\n';
    const r = parse(text);
    const lexical = r.diagnostics.filter((d) => d.code === 'TOPO1001');
    expect(where(lexical)).toEqual(['TOPO1001 1:10', 'TOPO1001 2:10']);
    expect(covered(text, lexical[0])).toBe('@@@');
    expect(lexical[0].message).toBe('unexpected characters `@@@`');
  });

  it('reports an unterminated string and keeps parsing the next line', () => {
    const r = parse('host h { zone: "abc\n}\nrouter b\n');
    expect(where(r.diagnostics)).toEqual(['TOPO1002 1:16']);
    expect(r.file.items.map((i) => i.type)).toEqual(['Decl', 'Decl']);
  });

  it('reports an unterminated block comment at its opening', () => {
    const r = parse('router a\n/* never closed\nrouter b\n');
    expect(where(r.diagnostics)).toEqual(['TOPO1003 2:1']);
    expect(r.file.items).toHaveLength(1);
  });

  it('reports an identifier over the limit once, quickly, without quoting it', () => {
    const long = 'x'.repeat(1_000_000);
    const t0 = performance.now();
    const r = parse(`router ${long}\n`);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(where(r.diagnostics)).toEqual(['TOPO1004 1:8']);
    expect(r.diagnostics[0].message).toBe(`identifier is 1000000 characters long; the limit is ${MAX_IDENTIFIER_LENGTH}`);
    expect(parse(`router ${'y'.repeat(MAX_IDENTIFIER_LENGTH)}`).diagnostics).toEqual([]);
  });
});

/** What Chevrotain's own lexer makes of the patterns in grammar/tokens.ts: the scanner must give the same. */
const reference = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: false });

function bothLexers(text: string): { ours: string[]; theirs: string[] } {
  const diags: Diagnostic[] = [];
  const lexed = lex(new SourceText('t.topo', text), diags);
  const r = reference.tokenize(text);
  const show = (t: { tokenType: { name: string }; image: string; startOffset: number }) => `${t.startOffset}:${t.tokenType.name}:${t.image}`;
  return {
    ours: [...lexed.tokens.map(show), ...lexed.comments.map((c) => `${c.span.start}:comment:${c.text}`),
      ...diags.filter((d) => d.code === 'TOPO1001').map((d) => `${d.span.start}+${d.span.end - d.span.start}:error`)],
    theirs: [...r.tokens.map(show), ...(r.groups.comments ?? []).map((c) => `${c.startOffset}:comment:${c.image}`),
      ...r.errors.map((e) => `${e.offset}+${e.length}:error`)],
  };
}

describe('the scanner against Chevrotain’s lexer over the same token patterns', () => {
  it('gives the same tokens, comments and errors on fuzzed input', () => {
    const chars = fc.constantFrom(...'aZ09_.:/%-><=!{};,"\\ \t\n\r@#*\x7f'.split(''), 'tcp', 'udp/', '02:', '10.', '///', '/*', '*/', 'link', 'in', 'on', 'ab', 'abcd', 'abcde', 'a1b2c3d4', '12345');
    fc.assert(fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join('')), (text) => {
      const { ours, theirs } = bothLexers(text);
      expect(ours).toEqual(theirs);
    }), { numRuns: 5000, seed: 20261206 });
  });
});

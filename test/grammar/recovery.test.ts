import { describe, expect, it } from 'vitest';
import type { Decl } from '../../src/ast/types.js';
import { parse, where } from './helpers.js';

describe('error recovery', () => {
  it('reports 5 independent errors in different constructs and keeps the rest', () => {
    const text = [
      'import "std/internet"',           // 1
      'as 64500 carrier {',               // 2
      '  router a2 { ip = 10.0.1.2/24 }', // 3: `=` instead of `:`
      '  router a3',                      // 4
      '  link a2 -- { cost: 10 }',        // 5: missing end
      '}',                                // 6
      'bearer phone enb, sgw, pgw',       // 7: missing `via`
      'host h1 { zone: "x" }',            // 8
      'flow order { from: phone; to: , }', // 9: missing value
      'router r1 r2 r3',                  // 10: extra words
      'assert order at sgw { 5 == x }',   // 11: a check must start with a field
      'router last',                      // 12
    ].join('\n');
    const r = parse(text);
    expect(where(r.diagnostics)).toEqual(['TOPO1201 3:18', 'TOPO1201 5:14', 'TOPO1201 7:14', 'TOPO1201 9:31', 'TOPO1201 10:11', 'TOPO1201 11:23']);
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'expected `:`, a literal or a name after `ip`, found `=`',
      'expected a name after `--`, found `{`',
      'expected `via` after `phone`, found `enb`',
      'expected a value after `:`, found `,`',
      'expected end of statement after `r1`, found `r2`',
      'expected a check, found `5`',
    ]);
    const names = r.file.items.map((i) => (i.type === 'Decl' ? i.name.text : i.type));
    expect(names).toEqual(['carrier', 'h1', 'FlowDecl', 'Assert', 'last']);
    expect(((r.file.items[0] as Decl).body ?? []).map((i) => (i as Decl).name.text)).toEqual(['a2', 'a3']);
  });

  it('reports a missing `}` once, at the unclosed `{`, without follow-on errors', () => {
    const r = parse('as 1 a {\n  router x { ip: 10.0.0.1 }\n  router y\nrouter z\n');
    expect(where(r.diagnostics)).toEqual(['TOPO1202 1:8']);
    expect(r.diagnostics[0].notes).toEqual([]);
    expect(r.file.items).toHaveLength(1);
  });

  it('uses indentation to find where a `}` went missing', () => {
    const r = parse('as 1 a {\n  router x {\n  router y\n}\nrouter z\n');
    expect(where(r.diagnostics)).toEqual(['TOPO1202 2:12']);
    expect(r.diagnostics[0].notes).toEqual(['judging by indentation, the `}` on line 4 closes an outer block']);
    const [a, z] = r.file.items as Decl[];
    expect(a.body!.map((i) => (i as Decl).name.text)).toEqual(['x', 'y']);
    expect(z.name.text).toBe('z');
  });

  it('reports an extra `}` once and parses what follows', () => {
    const r = parse('router a { x: 1 } }\nrouter b\n');
    expect(where(r.diagnostics)).toEqual(['TOPO1203 1:19']);
    expect(r.file.items).toHaveLength(2);
  });

  it('skips a broken statement whole, nested blocks included', () => {
    const r = parse('link a -- { b { c } d: 1 }\nrouter after\n');
    expect(where(r.diagnostics)).toEqual(['TOPO1201 1:11']);
    expect(r.file.items.map((i) => i.type)).toEqual(['Decl']);
  });

  it('reports a statement that cannot start with its token once', () => {
    const r = parse('-> a b c { d { e } ; f }\n= 5\n{ { x } }\nrouter ok\n');
    expect(r.diagnostics.map((d) => d.message)).toEqual(['expected a statement, found `->`', 'expected a statement, found `=`', 'expected a statement, found `{`']);
    expect(r.file.items).toHaveLength(1);
  });

  it('explains a declaration without a name', () => {
    const [d] = parse('ip 10.0.0.1\n').diagnostics;
    expect(d.message).toBe('expected a name after `10.0.0.1`, found end of line');
    expect(d.help).toBe('a declaration is `KIND NAME`; to set a property write `KEY: VALUE`');
    expect(d.span).toMatchObject({ line: 1, col: 12, endCol: 12 });
  });

  it('explains a word followed by something that is neither `:` nor a name', () => {
    const [d] = parse('router a { ip { } }\n').diagnostics;
    expect(d.message).toBe('expected `:`, a literal or a name after `ip`, found `{`');
    expect(d.help).toBe('a property is `KEY: VALUE`; a lone word is a flag');
  });

  it('reports misplaced imports and two positional literals', () => {
    const r = parse('router a\nimport "x"\nas 1 carrier 2\nrouter b { import "y" }\n');
    expect(where(r.diagnostics)).toEqual(['TOPO1205 2:1', 'TOPO1206 3:14', 'TOPO1205 4:12']);
    expect(r.file.imports).toEqual([]);
  });

  it('reports a dotted key without a value', () => {
    expect(parse('a.b\n').diagnostics.map((d) => d.message)).toEqual(['expected `:` after `a.b`, found end of line']);
  });
});

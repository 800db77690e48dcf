import { describe, expect, it } from 'vitest';
import type { File, Item } from '../../src/ast/types.js';
import { qualifiedName } from '../../src/resolve/program.js';
import { resolveProgram } from '../../src/resolve/resolve.js';
import { check, codes, STD } from './helpers.js';

const program = (src: string) => check(src).program!;
const node = (src: string, name: string) => {
  const p = program(src);
  return p.nodes.find((n) => qualifiedName(p, n.id) === name)!;
};

describe('names and scopes', () => {
  it('looks names up innermost first, then anywhere if unique', () => {
    const src = `${STD}as 1 a {\n router r\n router s\n link r -- s\n}\nas 2 b {\n router r\n router t\n link r -- t\n}\nrouter top\nlink top -- a.r\n`;
    const p = program(src);
    expect(check(src).diagnostics).toEqual([]);
    const ends = p.links.map((l) => l.ends.map((e) => qualifiedName(p, e.node)).join(' -- '));
    expect(ends).toEqual(['a.r -- a.s', 'b.r -- b.t', 'top -- a.r']);
  });

  it('reports an ambiguous name with every candidate, and a duplicate with both sites', () => {
    const r = check(`${STD}as 1 a { router r; router x; link r -- x }\nas 2 b { router r; router y; link r -- y }\nrouter t\nlink t -- r\nrouter t\n`);
    const amb = r.diagnostics.find((d) => d.code === 'TOPO2006')!;
    expect(amb.help).toBe('qualify it with its container: `a.r`, `b.r`');
    const dup = r.diagnostics.find((d) => d.code === 'TOPO2005')!;
    expect([dup.span.line, dup.related[0].span.line]).toEqual([9, 7]);
  });

  it('suggests a close name for an undefined one', () => {
    const r = check(`${STD}router border\nrouter x\nlink x -- bordr\n`);
    const undef = r.diagnostics.filter((d) => d.code === 'TOPO2004');
    expect(undef.map((d) => [d.span.line, d.span.col, d.help])).toEqual([[7, 11, 'did you mean `border`?']]);
  });
});

describe('kinds and properties', () => {
  it('inherits behaviours and defaults; a declaration overrides them', () => {
    const src = `${STD}kind fast { is: router; route_reflector }\nkind faster { is: fast, nat }\nfaster f { pool: 203.0.113.0/28 }\nrouter r\nlink f -- r\n`;
    const f = node(src, 'f');
    expect([...f.behaviours]).toEqual(['router', 'nat']);
    expect(f.props.get('route_reflector')?.origin).toBe('kind');
    expect(f.props.get('pool')?.origin).toBe('decl');
    expect(check(src).diagnostics).toEqual([]);
  });

  it('binds the positional literal to the primary property and merges built-in defaults', () => {
    const src = `${STD}as 64500 carrier { router r; router s; link r -- s { cost: 5 } }\n`;
    expect(node(src, 'carrier').props.get('asn')?.values[0]).toMatchObject({ kind: 'number', value: 64500 });
    const link = program(src).links[0];
    expect(link.props.get('cost')).toMatchObject({ origin: 'decl', values: [{ kind: 'number', value: 5 }] });
    expect(link.props.get('mtu')).toMatchObject({ origin: 'builtin', values: [{ kind: 'quantity', unit: 'B', base: 1500 }] });
    expect(link.ends[0].props.get('local_pref')?.values[0]).toMatchObject({ value: 100 });
  });

  it('reports wrong types at the value, unknown properties with a suggestion, duplicates with both sites', () => {
    const r = check(`${STD}router r { router_id: 10.0.0.0/24; anounce: 10.0.0.0/8; router_id: 1.1.1.1 }\nrouter s\nlink r -- s\n`);
    expect(r.diagnostics.map((d) => [d.code, d.span.col])).toEqual([['TOPO2011', 23], ['TOPO2010', 36], ['TOPO2012', 57]]);
    expect(r.diagnostics[1].help).toBe('did you mean `announce`?');
  });

  it('checks placement: containers, on and in', () => {
    expect(codes(`${STD}vpc shop { router r }\nrouter s\nlink s -- r\n`)).toEqual(['TOPO2019']);
    expect(codes(`${STD}host h\nvpc shop { subnet web 10.0.0.0/24; vm v on h in web }\n`)).toEqual(['TOPO2016']);
    expect(codes(`${STD}host h\nrouter r on h\nrouter s\nlink r -- s\n`)).toEqual(['TOPO2018']);
  });

  it('reports a kind inheritance cycle without looping', () => {
    expect(codes('kind a { is: b }\nkind b { is: a }\na x\nb y\nlink x -- y\n')).toEqual(['TOPO2009']);
  });

  it('resolves 10,000 nested containers without overflowing the stack', () => {
    // Built as an AST: the parser may cap nesting itself; the resolver must not depend on that.
    const span = { file: 'deep.topo', start: 0, end: 1, line: 1, col: 1, endLine: 1, endCol: 2 };
    const name = (text: string) => ({ span, text, quoted: false });
    let body: Item[] = [];
    for (let i = 0; i < 10000; i++) body = [{ type: 'Decl', span, kind: { type: 'Ref', span, parts: [name('vpc')] }, name: name(`v${i}`), body }];
    const kind: Item = { type: 'KindDecl', span, name: name('vpc'), body: [{ type: 'Property', span, keySpan: span, key: [name('is')], values: [{ span, atoms: [{ type: 'Ref', span, parts: [name('vpc')] }] }] }] };
    const file: File = { type: 'File', path: 'deep.topo', span, imports: [], items: [kind, ...body], comments: [] };
    const { program: p, diagnostics } = resolveProgram([file]);
    expect(p.nodes).toHaveLength(10000);
    expect(qualifiedName(p, 0).split('.')).toHaveLength(1);
    // A VPC cannot hold a VPC: every nested one is reported, once.
    expect(diagnostics.map((d) => d.code)).toEqual(Array(9999).fill('TOPO2019'));
  });
});

import { describe, expect, it } from 'vitest';
import type { Assert, Bearer, Connection, Decl, FlowDecl, Item, KindDecl, Property } from '../../src/ast/types.js';
import { astData, parse } from './helpers.js';

/** Parse text that must be clean; return its items. */
function items(text: string): Item[] {
  const r = parse(text);
  expect(r.diagnostics).toEqual([]);
  return r.file.items;
}

/** The tree as plain data without spans, for shape comparisons. */
function shape(value: unknown): unknown {
  return JSON.parse(JSON.stringify(astData(value), (k, v) => (/^(span|keySpan|fieldSpan|opSpan|bodySpan|pathSpan)$/.test(k) ? undefined : v)));
}

const name = (text: string, quoted = false) => ({ text, quoted });
const ref = (...parts: string[]) => ({ type: 'Ref', parts: parts.map((p) => name(p)) });

describe('statement forms', () => {
  it('imports', () => {
    const r = parse('import "std/lte"\nimport "./x.topo"\n');
    expect(r.file.imports.map((i) => i.path)).toEqual(['std/lte', './x.topo']);
    expect(r.file.imports[0].pathSpan).toMatchObject({ line: 1, col: 8, endCol: 17 });
  });

  it('kind declarations', () => {
    const [k] = items('kind pgw { is: gtp_anchor, router; shape: "box3d" }') as KindDecl[];
    expect(k.name.text).toBe('pgw');
    expect(k.body.map((i) => i.type)).toEqual(['Property', 'Property']);
  });

  it('declarations with a primary literal before or after the name, on, in and a body', () => {
    const [as, subnet, vm, host] = items(
      'as 64500 carrier { router a2 }\nsubnet web 192.168.1.0/24\nvm haproxy on hostA in shop.web\nhost "rack 4/7"',
    ) as Decl[];
    expect(shape(as)).toEqual({
      type: 'Decl', kind: ref('as'), name: name('carrier'),
      primary: { type: 'Number', raw: '64500', value: 64500, unit: null, base: 64500 },
      body: [{ type: 'Decl', kind: ref('router'), name: name('a2') }],
    });
    expect(subnet.primary).toMatchObject({ type: 'Ipv4', prefix: 24 });
    expect(shape([vm.on, vm.in])).toEqual([ref('hostA'), ref('shop', 'web')]);
    expect(vm.body).toBeUndefined();
    expect(host.name).toMatchObject({ text: 'rack 4/7', quoted: true });
  });

  it('properties: dotted keys, terms of atoms, arrows, REF:PORT and keywords as words', () => {
    const props = items(
      'a2.local_pref: 200\npublic: 198.51.100.10 -> haproxy\nto: haproxy:tcp/443, "x"\nbgp: on\nroute: 0.0.0.0/0 -> drop',
    ) as Property[];
    expect(props[0].key.map((k) => k.text)).toEqual(['a2', 'local_pref']);
    expect(shape(props[1].values)).toEqual([{
      atoms: [{ type: 'Ipv4', raw: '198.51.100.10', addr: 0xc633640a, prefix: null }],
      arrow: [ref('haproxy')],
    }]);
    expect(props[2].values.map((t) => t.atoms.map((a) => a.type))).toEqual([['Ref', 'Op', 'Port'], ['String']]);
    expect(shape(props[3].values[0].atoms)).toEqual([ref('on')]);
    expect(props[4].values[0].arrow).toHaveLength(1);
  });

  it('flags', () => {
    expect(shape(items('route_reflector'))).toEqual([{ type: 'Flag', name: name('route_reflector') }]);
  });

  it('link and control chains', () => {
    const [link, control] = items('link a -- b -- c { mtu: 1500B }\ncontrol enb -- mme') as Connection[];
    expect(link.keyword).toBe('link');
    expect(link.ends.map((e) => e.parts[0].text)).toEqual(['a', 'b', 'c']);
    expect(link.body).toHaveLength(1);
    expect(control.keyword).toBe('control');
    expect(control.body).toBeUndefined();
  });

  it('bearers', () => {
    const [b] = items('bearer phone via enb, sgw, pgw') as Bearer[];
    expect(shape([b.ue, b.via])).toEqual([ref('phone'), [ref('enb'), ref('sgw'), ref('pgw')]]);
  });

  it('flows', () => {
    const [f] = items('flow order {\n  from: phone\n  to: "https://shop.example.com/orders"\n  idempotency_key\n}') as FlowDecl[];
    expect(f.name.text).toBe('order');
    expect(f.body.map((i) => i.type)).toEqual(['Property', 'Property', 'Flag']);
  });

  it('assertions: words with their separators, soft, and checks', () => {
    const [a, b, c] = items([
      'assert order at sgw -> pgw { outer.ip.src == sgw; gtpu.teid exists }',
      'assert not reachable internet -> controller:tcp/443',
      'assert soft order { pathMtu >= 1400; ip.src in 100.64.0.0/10 }',
    ].join('\n')) as Assert[];
    expect(a.words.map((w) => (w.type === 'Op' ? w.value : w.type))).toEqual(['Ref', 'Ref', 'Ref', '->', 'Ref']);
    expect(shape(a.checks)).toEqual([
      { type: 'Check', field: [name('outer'), name('ip'), name('src')], op: '==', value: ref('sgw') },
      { type: 'Check', field: [name('gtpu'), name('teid')], op: 'exists' },
    ]);
    expect(b.words.map((w) => (w.type === 'Op' ? w.value : w.type))).toEqual(['not', 'Ref', 'Ref', '->', 'Ref', ':', 'Port']);
    expect(c.soft).toBe(true);
    expect(c.checks.map((k) => [k.op, k.value?.type])).toEqual([['>=', 'Number'], ['in', 'Ipv4']]);
  });

  it('terminators: newlines and `;`, continuation after , -> -- { :', () => {
    const r = items('a: 1,\n  2\nlink x --\n  y\nb:\n  3; c\nd: x ->\n  y');
    expect(r.map((i) => i.type)).toEqual(['Property', 'Connection', 'Property', 'Flag', 'Property']);
    expect((r[0] as Property).values).toHaveLength(2);
  });
});

describe('spans', () => {
  it('gives exact line:col ranges to nodes', () => {
    const [d] = items('\nrouter  a2 { ip: 10.0.1.2/24 }\n') as Decl[];
    expect(d.span).toMatchObject({ line: 2, col: 1, endLine: 2, endCol: 31 });
    expect(d.name.span).toMatchObject({ line: 2, col: 9, endCol: 11 });
    expect(d.bodySpan).toMatchObject({ col: 12, endCol: 31 });
    const p = d.body![0] as Property;
    expect(p.keySpan).toMatchObject({ col: 14, endCol: 16 });
    expect(p.values[0].atoms[0].span).toMatchObject({ start: 18, end: 29, col: 18, endCol: 29 });
  });

  it('counts CRLF as one line break', () => {
    const r = parse('router a\r\nrouter b\r\nx: 10.0.1.300\r\n');
    expect(r.file.items[1].span).toMatchObject({ line: 2, col: 1, endCol: 9 });
    expect(r.diagnostics[0].span).toMatchObject({ line: 3, col: 11, endCol: 14 });
  });
});

describe('doc comments', () => {
  it('attach to the next kind, declaration or flow, joined by lines', () => {
    const [k, d, f] = items('/// A gateway.\n/// Second line.\nkind pgw { is: router }\n\n/// The carrier.\nas 1 c\n/// Order.\nflow o { from: a }');
    expect((k as KindDecl).doc).toBe('A gateway.\nSecond line.');
    expect((d as Decl).doc).toBe('The carrier.');
    expect((f as FlowDecl).doc).toBe('Order.');
  });

  it('do not attach across a plain comment, nor to properties', () => {
    const [d, p] = items('/// lost\n// plain\nrouter a\n/// on a property\nx: 1') as [Decl, Property];
    expect(d.doc).toBeUndefined();
    expect('doc' in p).toBe(false);
  });
});

describe('the compact node layout (grammar/nodes.ts) reads as the AST interfaces say', () => {
  it('a node is its own span, and serialises as one', () => {
    const [d] = items('router a2') as Decl[];
    expect(d.span).toBe(d);
    expect(JSON.parse(JSON.stringify(d))).toEqual({ file: 'test.topo', start: 0, end: 9, line: 1, col: 1, endLine: 1, endCol: 10 });
  });

  it('a one-name reference is its own name; a dotted one has its parts', () => {
    const [vm] = items('vm w on "rack 1" in shop.web') as Decl[];
    expect(vm.on!.parts).toEqual([vm.on]);
    expect(vm.on!.parts[0]).toMatchObject({ text: 'rack 1', quoted: true });
    expect(vm.in!.parts.map((p) => [p.text, p.quoted])).toEqual([['shop', false], ['web', false]]);
    expect(vm.kind.parts[0]).toMatchObject({ text: 'vm', quoted: false });
  });

  it('a one-atom term is the atom; lists read as arrays, a new one each time', () => {
    const [one, many] = items('ip: 10.0.0.1/24\na.b: 1 2, x -> y') as Property[];
    const [term] = one.values;
    expect(term.atoms).toEqual([term]);
    expect(term.arrow).toBeUndefined();
    expect(one.values).not.toBe(one.values);
    expect(one.key.map((k) => k.text)).toEqual(['ip']);
    expect(one.keySpan).toBe(one.key[0]);
    expect(many.keySpan).toMatchObject({ start: 16, end: 19 });
    expect(many.values.map((t) => [t.atoms.length, t.arrow?.length])).toEqual([[2, undefined], [1, 1]]);
  });

  it('literals read their raw text from the source', () => {
    const [p] = items('x: 02:AB:00:00:00:01, 1500B, tcp/443, 10.0.0.0/8') as Property[];
    expect(p.values.map((t) => (t.atoms[0] as { raw: string }).raw)).toEqual(['02:AB:00:00:00:01', '1500B', 'tcp/443', '10.0.0.0/8']);
    expect(p.values[0].atoms[0]).toMatchObject({ type: 'Mac', value: '02:ab:00:00:00:01' });
  });

  it('plain and full declarations, two-end and chained links, answer alike', () => {
    const [plain, full, pair, chain] = items('router a\nrouter b 10.0.0.1 on h { x: 1 }\nlink a -- b\nlink a -- b -- c { cost: 1 }');
    for (const d of [plain, full] as Decl[]) expect(d.type).toBe('Decl');
    expect((plain as Decl).bodySpan).toBeUndefined();
    expect((plain as Decl).body).toBeUndefined();
    expect((full as Decl).bodySpan).toMatchObject({ start: 32, end: 40 });
    expect((pair as Connection).ends.map((e) => e.parts[0].text)).toEqual(['a', 'b']);
    expect((chain as Connection).ends.map((e) => e.parts[0].text)).toEqual(['a', 'b', 'c']);
  });
});

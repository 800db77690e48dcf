// Address assignment rules on small programs, and invariants on generated ones.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compile } from '../../src/driver/index.js';
import type { Network } from '../../src/model/index.js';
import { generate } from '../../bench/generate.js';
import { memoryHost } from '../../bench/memory-host.js';

function build(text: string): { net?: Network; codes: string[] } {
  const c = compile(['/virtual/main.topo'], { host: memoryHost({ '/virtual/main.topo': text }) }).compilations[0];
  return { net: c.network, codes: c.diagnostics.map((d) => d.code) };
}

const subnets = (net: Network) => net.segments.map((s) => s.subnet);

describe('address assignment', () => {
  it('takes /30s from the file’s link_pool, skipping declared subnets', () => {
    const { net } = build('import "std/internet"\nlink_pool: 10.9.0.0/24\nrouter a\nrouter b\nrouter c\nlink a -- b { subnet: 10.9.0.0/30 }\nlink b -- c\nlink c -- a\n');
    expect(subnets(net!)).toEqual(['10.9.0.0/30', '10.9.0.4/30', '10.9.0.8/30']);
  });

  it('prefers the link_pool of the container the link is declared in', () => {
    const { net } = build('import "std/internet"\nlink_pool: 10.9.0.0/24\nas 65001 x {\n  link_pool: 172.16.0.0/24\n  router a\n  router b\n  link a -- b\n}\n');
    expect(subnets(net!)).toEqual(['172.16.0.0/30']);
  });

  it('puts a declared address on its link and numbers the other end after it', () => {
    const { net } = build('import "std/internet"\nrouter a { ip: 192.0.2.10 }\nrouter b\nlink a -- b { subnet: 192.0.2.8/29 }\n');
    expect(net!.interfaces.map((i) => i.address)).toEqual(['192.0.2.10', '192.0.2.9']);
  });

  it('reports an exhausted pool instead of leaving interfaces unnumbered', () => {
    const { net, codes } = build('import "std/internet"\nlink_pool: 10.0.0.0/30\nrouter a\nrouter b\nrouter c\nlink a -- b\nlink b -- c\n');
    expect(codes).toEqual(['TOPO2150']);
    expect(net).toBeUndefined();
  });

  it('numbers VPCs without a vni from 1000, skipping declared VNIs', () => {
    const text = [
      'import "std/cloud"', 'import "std/internet"',
      'ovs_host h1', 'ovs_host h2', 'switch fabric { subnet: 10.1.0.0/24 }', 'link h1 -- fabric', 'link h2 -- fabric',
      'vpc p { vni: 1000\n  subnet s 192.168.0.0/24\n  vm a on h1 in s\n  vm b on h2 in s\n}',
      'vpc q {\n  subnet s2 192.168.0.0/24\n  vm c on h1 in s2\n  vm d on h2 in s2\n}',
    ].join('\n');
    const { net, codes } = build(text + '\n');
    expect(codes.filter((c) => !c.startsWith('TOPO29'))).toEqual([]);
    expect([...new Set(net!.tunnels.map((t) => (t.type === 'vxlan' ? t.vni : 0)))]).toEqual([1000, 1001]);
  });
});

describe('invariants on generated topologies', () => {
  it('every address lies in its segment’s subnet and is unique there', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const { text } = generate({ seed, ases: 6, carriers: 1, clouds: 1, vpcs: 2, flows: 1 });
        const { net } = build(text);
        expect(net).toBeDefined();
        for (const seg of net!.segments) {
          if (!seg.subnet) continue;
          const [base, len] = seg.subnet.split('/');
          const mask = Number(len) === 0 ? 0 : (~0 << (32 - Number(len))) >>> 0;
          const toInt = (a: string) => a.split('.').reduce((x, o) => ((x << 8) | Number(o)) >>> 0, 0);
          const seen = new Set<string>();
          for (const id of seg.interfaces) {
            const a = net!.interfaces[id].address;
            if (a === null) continue;
            expect(((toInt(a) & mask) >>> 0) === toInt(base), `${a} in ${seg.subnet}`).toBe(true);
            expect(seen.has(a), `${a} twice in ${seg.label}`).toBe(false);
            seen.add(a);
          }
        }
      }),
      { numRuns: 8 },
    );
  });
});

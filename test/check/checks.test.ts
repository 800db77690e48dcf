import { describe, expect, it } from 'vitest';
import { check, codes, STD } from '../resolve/helpers.js';

const only = (src: string, code: string) => {
  const found = check(src).diagnostics;
  expect(found.map((d) => d.code)).toEqual([code]);
  return found[0];
};

describe('addressing', () => {
  it('accepts addresses inside their link, segment and VPC subnets', () => {
    expect(codes(`${STD}switch lan { subnet: 10.0.0.0/24 }\nhost a { ip: 10.0.0.5/24 }\nrouter r { ip: 10.0.1.1 }\nlink a -- lan\nlink r -- lan\nlink r -- a { subnet: 10.0.1.0/30 }\n`)).toEqual([]);
  });

  it('shapes TOPO2104 like the mock-up: subnet as secondary span, usable range in the help', () => {
    const d = only(`${STD}router r\nhost a { ip: 10.0.4.2 }\nlink r -- a { subnet: 10.0.3.0/24 }\n`, 'TOPO2104');
    expect(d.message).toBe('address 10.0.4.2 is outside subnet 10.0.3.0/24 of link r -- a');
    expect(d.label).toBe('not in 10.0.3.0/24');
    expect(d.related.map((r) => [r.span.line, r.span.col])).toEqual([[7, 23]]);
    expect(d.help).toBe('use an address in 10.0.3.0/24 (10.0.3.1 – 10.0.3.254), or omit `ip` to have one assigned');
  });

  it('finds overlaps by sorting, not pairs: only the overlapping range is reported', () => {
    const links = Array.from({ length: 200 }, (_, i) => `router r${i}\nlink r${i} -- r${i + 1} { subnet: 10.${i >> 6}.${(i & 63) * 4}.0/30 }`).join('\n');
    expect(codes(`${STD}${links}\nrouter r200\n`)).toEqual([]);
    const d = only(`${STD}${links}\nrouter r200\nrouter x\nlink r200 -- x { subnet: 10.0.8.0/22 }\n`, 'TOPO2105');
    expect(d.message).toBe('link subnet 10.0.8.0/30 overlaps link subnet 10.0.8.0/22');
  });

  it('keeps VPC address spaces apart: two VPCs may reuse 192.168.1.0/24', () => {
    const vpc = (n: string, vni: number) => `vpc ${n} { vni: ${vni}; subnet web 192.168.1.0/24; vm ${n}vm on h in web }`;
    expect(codes(`${STD}ovs_host h\n${vpc('a', 1)}\n${vpc('b', 2)}\n`)).toEqual([]);
  });
});

describe('topology, services, mobile, cloud, flows', () => {
  it('reports a duplicate link at the second with the first as secondary span', () => {
    const d = only(`${STD}router a\nrouter b\nlink a -- b\nlink b -- a\n`, 'TOPO2202');
    expect([d.span.line, d.related[0].span.line]).toEqual([8, 7]);
  });

  it('reports port conflicts with both sites, including default ports', () => {
    const d = only(`${STD}host h\nresolver r1 on h\nresolver r2 on h\n`, 'TOPO2301');
    expect(d.message).toBe('tcp/53 on `h` is already taken by `r1`');
    // Default ports point at the declarations, not into the standard library.
    expect([d.span.file, d.span.line, d.related[0].span.line]).toEqual(['main.topo', 7, 6]);
  });

  it('accepts distinct ports and the same port on different nodes', () => {
    expect(codes(`${STD}host h\nhost g\nservice a on h { listen: tcp/80 }\nservice b on h { listen: tcp/81 }\nservice c on g { listen: tcp/80; calls: a }\n`)).toEqual([]);
  });

  const core = `${STD}ue phone\nenodeb enb\nmme mme\nhss hss { subscriber: phone }\nsgw sgw\npgw pgw { ue_pool: 100.64.0.0/16 }\n`;
  it('accepts a complete mobile core and reaches the HSS over several control hops', () => {
    expect(codes(`${core}mme relay\ncontrol enb -- mme -- relay -- hss\nbearer phone via enb, sgw, pgw\n`)).toEqual([]);
  });

  it('reports a bearer in the wrong order at each misplaced hop', () => {
    const found = check(`${core}control enb -- mme -- hss\nbearer phone via enb, pgw, sgw\n`).diagnostics;
    expect(found.map((d) => [d.code, d.span.col])).toEqual([['TOPO2402', 23], ['TOPO2402', 28]]);
  });

  it('reports a VM on a host that is not a VXLAN host as the wrong kind in the slot', () => {
    const found = check(`${STD}host h\nvpc shop { vni: 1; subnet web 10.0.0.0/24; gateway gw on h { public: 198.51.100.1 -> v }; vm v on h in web }\n`).diagnostics;
    expect(found.map((d) => d.code)).toEqual(['TOPO2016', 'TOPO2016']);
    expect(found[0].message).toBe('the `on` of gateway `gw` must be a vxlan_host, but `h` is a host');
  });

  it('accepts flows to URLs served by a gslb zone, to addresses and to NODE:PORT', () => {
    const base = `${STD}host h\nhost web\ngslb dns on h { zone: "example.com"; answer: web }\n`;
    expect(codes(`${base}flow a { from: h; to: "https://shop.example.com/x" }\nflow b { from: h; to: 10.0.0.1 }\nflow c { from: h; to: web:tcp/80 }\n`)).toEqual([]);
  });
});

describe('lints', () => {
  it('warns about a node nothing uses, not about containers, processes or asserted names', () => {
    const found = check(`${STD}as 1 a { router r; router s; link r -- s }\nhost h\nhost lonely\nhost named\nservice api on h { listen: tcp/80 }\nassert reachable named -> h\n`).diagnostics;
    expect(found.map((d) => [d.code, d.severity, d.span.line])).toEqual([['TOPO2901', 'warning', 7]]);
  });
});

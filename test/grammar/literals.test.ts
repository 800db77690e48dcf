import { describe, expect, it } from 'vitest';
import type { Atom, Property } from '../../src/ast/types.js';
import { covered, parse } from './helpers.js';

/** The single atom of `x: LITERAL`, and the diagnostics. */
function value(literal: string): { atom: Atom; codes: string[]; bad: string[]; messages: string[] } {
  const text = `x: ${literal}\n`;
  const r = parse(text);
  const prop = r.file.items[0] as Property;
  return {
    atom: prop.values[0].atoms[0],
    codes: r.diagnostics.map((d) => d.code),
    bad: r.diagnostics.map((d) => covered(text, d)),
    messages: r.diagnostics.map((d) => d.message),
  };
}

describe('IPv4 addresses and prefixes', () => {
  it('decodes an address, a prefix and an interface address', () => {
    expect(value('10.0.1.2').atom).toMatchObject({ type: 'Ipv4', addr: 0x0a000102, prefix: null });
    expect(value('10.0.1.0/24').atom).toMatchObject({ type: 'Ipv4', addr: 0x0a000100, prefix: 24 });
    expect(value('255.255.255.255/32').atom).toMatchObject({ addr: 0xffffffff, prefix: 32 });
    expect(value('0.0.0.0/0').atom).toMatchObject({ addr: 0, prefix: 0 });
  });

  it('points at the bad octet', () => {
    const v = value('10.0.1.300/24');
    expect(v.atom.type).toBe('Invalid');
    expect(v.codes).toEqual(['TOPO1101']);
    expect(v.bad).toEqual(['300']);
    expect(v.messages[0]).toBe('invalid IPv4 address `10.0.1.300`: octet `300` is not a number from 0 to 255');
  });

  it('reports a wrong number of octets and an empty octet', () => {
    expect(value('10.0.1').messages).toEqual(['invalid IPv4 address `10.0.1`: it has 3 parts, not 4']);
    expect(value('10..1.2').bad).toEqual(['.']);
    const cut = parse('x: 10.0.1.');
    expect(cut.diagnostics[0].span).toMatchObject({ start: 9, end: 10 });
  });

  it('points at a bad prefix length', () => {
    const v = value('10.0.0.0/33');
    expect(v.codes).toEqual(['TOPO1102']);
    expect(v.bad).toEqual(['/33']);
  });
});

describe('MAC addresses', () => {
  it('decodes to lower case', () => {
    expect(value('02:00:0A:00:01:02').atom).toMatchObject({ type: 'Mac', value: '02:00:0a:00:01:02' });
    expect(value('aa:bb:cc:dd:ee:ff').atom).toMatchObject({ type: 'Mac', value: 'aa:bb:cc:dd:ee:ff' });
  });

  it('points at the bad octet, or reports the count', () => {
    expect(value('02:00:0a:00:01:0g').bad).toEqual(['0g']);
    expect(value('02:00:0a:00:01').messages).toEqual(['invalid MAC address `02:00:0a:00:01`: it has 5 octets, not 6']);
    expect(value('02:00:0a:00:01').codes).toEqual(['TOPO1103']);
  });
});

describe('ports', () => {
  it('decodes a port and a range', () => {
    expect(value('tcp/443').atom).toMatchObject({ type: 'Port', protocol: 'tcp', port: 443, portEnd: null });
    expect(value('udp/53').atom).toMatchObject({ protocol: 'udp', port: 53 });
    expect(value('sctp/8000-8010').atom).toMatchObject({ protocol: 'sctp', port: 8000, portEnd: 8010 });
  });

  it('reports an unknown protocol with a suggestion for case', () => {
    const r = parse('x: TCP/443\n');
    expect(r.diagnostics.map((d) => [d.code, d.help])).toEqual([['TOPO1104', 'did you mean `tcp`?']]);
    expect(value('icmp/1').bad).toEqual(['icmp']);
  });

  it('points at a bad number or range', () => {
    expect(value('tcp/99999').bad).toEqual(['99999']);
    expect(value('tcp/80-70000').bad).toEqual(['70000']);
    expect(value('tcp/90-80').messages).toEqual(['invalid port `tcp/90-80`: the range 90-80 ends before it starts']);
    expect(value('tcp/').bad).toEqual(['/']);
    expect(value('tcp/80-').bad).toEqual(['-']);
  });
});

describe('numbers and quantities', () => {
  it('decodes plain, hex and decimal numbers', () => {
    expect(value('64500').atom).toMatchObject({ type: 'Number', value: 64500, unit: null, base: 64500 });
    expect(value('0x11').atom).toMatchObject({ value: 17, base: 17 });
    expect(value('1.5').atom).toMatchObject({ value: 1.5 });
  });

  it('converts each unit to its base', () => {
    const base = (q: string) => (value(q).atom as { base: number }).base;
    expect([base('1500B'), base('9KB'), base('2MB'), base('1GB')]).toEqual([1500, 9000, 2e6, 1e9]);
    expect([base('100bps'), base('5Kbps'), base('10Mbps'), base('1Gbps')]).toEqual([100, 5000, 1e7, 1e9]);
    expect([base('250us'), base('10ms'), base('2s'), base('3min'), base('1h')]).toEqual([0.00025, 0.01, 2, 180, 3600]);
    expect(base('5%')).toBe(0.05);
    expect(value('10ms').atom).toMatchObject({ value: 10, unit: 'ms', raw: '10ms' });
  });

  it('points at an unknown unit, suggesting the right case', () => {
    const v = value('5parsecs');
    expect(v.codes).toEqual(['TOPO1106']);
    expect(v.bad).toEqual(['parsecs']);
    expect(parse('x: 9kb\n').diagnostics[0].help).toBe('did you mean `KB`? (units are case-sensitive)');
  });

  it('reports bad hex and numbers beyond 2^53', () => {
    expect(value('0xZZ').codes).toEqual(['TOPO1107']);
    expect(value('99999999999999999999').codes).toEqual(['TOPO1107']);
  });
});

describe('strings', () => {
  it('decodes escapes', () => {
    expect(value('"a \\"b\\" \\\\ \\n \\t \\u{1F600}"').atom).toMatchObject({ type: 'String', value: 'a "b" \\ \n \t 😀' });
  });

  it('points at a bad escape', () => {
    const v = value('"x\\qy \\u{110000}"');
    expect(v.atom.type).toBe('Invalid');
    expect(v.codes).toEqual(['TOPO1108', 'TOPO1108']);
    expect(v.bad).toEqual(['\\q', '\\u{110000}']);
  });
});

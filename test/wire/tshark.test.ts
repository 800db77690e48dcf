// Wireshark decodes `topo hops --pcap` exactly as `topo hops --format json` states: every hop's MACs, outer
// and inner addresses, TTLs, ports, TEIDs and VNIs; every checksum good (or absent: VXLAN's outer UDP); no
// malformed packet and no expert error. Needs tshark (Debian package `tshark`, installed by .ci/run).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { topo } from '../cli/helpers.js';
import { FLAGSHIP } from '../hops/helpers.js';

const hasTshark = spawnSync('tshark', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasTshark) console.warn('test/wire/tshark.test.ts SKIPPED: tshark is not installed (apt-get install tshark)');

/** Verify every checksum: Wireshark leaves them unverified by default, and a bad one then counts as an expert error. */
const CHECKS = ['ip', 'udp', 'tcp'].flatMap((p) => ['-o', `${p}.check_checksum:TRUE`]);
const FIELDS = [
  'frame.time_epoch', 'eth.src', 'eth.dst', 'ip.src', 'ip.dst', 'ip.ttl', 'udp.srcport', 'udp.dstport', 'tcp.srcport', 'tcp.dstport',
  'gtp.teid', 'vxlan.vni', 'ip.checksum.status', 'udp.checksum.status', 'tcp.checksum.status',
] as const;
/** Wireshark's checksum status values (epan/proto.h): 1 good, 3 not present; 0 is bad. */
const GOOD = '1';
const NOT_PRESENT = '3';

interface JsonHeader {
  proto: 'eth' | 'ipv4' | 'udp' | 'tcp' | 'gtpu' | 'vxlan';
  onWire: boolean;
  src?: string | number;
  dst?: string | number;
  ttl?: number;
  teid?: number;
  vni?: number;
}
interface JsonHop {
  index: number;
  headers: JsonHeader[];
}
type Row = Record<(typeof FIELDS)[number], string>;

function tshark(args: string[]): string {
  const r = spawnSync('tshark', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tshark ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

function decode(pcap: string): Row[] {
  const out = tshark(['-r', pcap, ...CHECKS, '-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=,', ...FIELDS.flatMap((f) => ['-e', f])]);
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => Object.fromEntries(line.split('\t').map((v, i) => [FIELDS[i], v])) as Row);
}

/** Packets Wireshark could not decode, or flagged with an expert error (a bad checksum is one). */
function problems(pcap: string): string {
  return tshark(['-r', pcap, ...CHECKS, '-Y', '_ws.malformed || _ws.expert.severity == error']);
}

/** What `topo hops` says the hop's bytes contain, in tshark's terms: the on-wire headers' fields, outermost first. */
function expected(hop: JsonHop) {
  const onWire = hop.headers.filter((h) => h.onWire);
  const of = (proto: JsonHeader['proto'], key: keyof JsonHeader) => onWire.filter((h) => h.proto === proto).map((h) => String(h[key]));
  const good = (proto: JsonHeader['proto']) => onWire.filter((h) => h.proto === proto).map(() => GOOD);
  const udp = onWire.flatMap((h, i) => (h.proto === 'udp' ? [onWire[i + 1]?.proto === 'vxlan' ? NOT_PRESENT : GOOD] : []));
  return {
    ms: hop.index,
    eth: [of('eth', 'src'), of('eth', 'dst')],
    ip: [of('ipv4', 'src'), of('ipv4', 'dst'), of('ipv4', 'ttl')],
    ports: [of('udp', 'src'), of('udp', 'dst'), of('tcp', 'src'), of('tcp', 'dst')],
    teid: of('gtpu', 'teid'),
    vni: of('vxlan', 'vni'),
    checksums: [good('ipv4'), udp, good('tcp')],
  };
}

function decoded(row: Row) {
  const list = (v: string) => (v === '' ? [] : v.split(','));
  return {
    ms: Math.round(Number(row['frame.time_epoch']) * 1000),
    eth: [list(row['eth.src']), list(row['eth.dst'])],
    ip: [list(row['ip.src']), list(row['ip.dst']), list(row['ip.ttl'])],
    ports: [list(row['udp.srcport']), list(row['udp.dstport']), list(row['tcp.srcport']), list(row['tcp.dstport'])],
    teid: list(row['gtp.teid']).map((t) => String(Number(t))), // tshark shows TEIDs in hex
    vni: list(row['vxlan.vni']),
    checksums: [list(row['ip.checksum.status']), list(row['udp.checksum.status']), list(row['tcp.checksum.status'])],
  };
}

describe.skipIf(!hasTshark)('tshark reads topo hops --pcap as topo hops states it', () => {
  const dir = hasTshark ? mkdtempSync(join(tmpdir(), 'topo-tshark-')) : '';

  for (const reply of [false, true]) {
    test(`flagship order${reply ? ' --reply' : ''}: addresses, TEIDs, VNIs, ports and TTLs per hop; checksums good; nothing malformed`, () => {
      const pcap = join(dir, `order${reply ? '.reply' : ''}.pcap`);
      const r = topo(['hops', FLAGSHIP, '--flow', 'order', ...(reply ? ['--reply'] : []), '--format', 'json', '--pcap', pcap]);
      expect(r.status).toBe(0);
      const hops: JsonHop[] = JSON.parse(r.stdout).flows[0].hops;
      const wired = hops.filter((h) => h.headers[0].onWire);
      expect(wired.length).toBe(hops.length - 2); // the radio hops, phone ↔ eNodeB
      // The flagship's tunnels are all in it: two GTP-U legs each way, VXLAN between three hosts.
      expect(new Set(wired.flatMap((h) => h.headers.flatMap((x) => x.teid ?? []))).size).toBe(2);
      expect(wired.some((h) => h.headers.some((x) => x.vni !== undefined))).toBe(true);

      expect(decode(pcap).map(decoded)).toEqual(wired.map(expected));
      expect(problems(pcap)).toBe('');
    });
  }

  test('the check can fail: one flipped bit in an IPv4 header is a bad checksum and an expert error', () => {
    const good = join(dir, 'control.pcap');
    expect(topo(['hops', FLAGSHIP, '--flow', 'order', '--pcap', good]).status).toBe(0);
    expect(problems(good)).toBe('');
    const bytes = readFileSync(good);
    const firstFrame = 24 + 16;
    bytes[firstFrame + 14 + 8] ^= 1; // the outer TTL
    const bad = join(dir, 'bad.pcap');
    writeFileSync(bad, bytes);
    expect(decode(bad)[0]['ip.checksum.status'].split(',')[0]).toBe('0');
    expect(problems(bad)).toMatch(/^\s*1\s/);
  });
});

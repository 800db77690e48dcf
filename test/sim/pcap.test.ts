// The simulation's capture is a pcap Wireshark decodes: the flagship's GTP-U TEIDs and VXLAN VNI as the model
// assigned them, TCP handshakes with their flags, and no malformed frame.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/runtime/index.js';
import { specOf } from './helpers.js';

const tshark = spawnSync('tshark', ['--version']).status === 0;

function fields(pcap: string, names: string[], filter?: string): string[][] {
  const args = ['-r', pcap, '-T', 'fields', ...names.flatMap((n) => ['-e', n]), ...(filter ? ['-Y', filter] : [])];
  const r = spawnSync('tshark', args, { encoding: 'utf8' });
  return r.stdout.trim().split('\n').filter(Boolean).map((l) => l.split('\t'));
}

describe.skipIf(!tshark)('tshark reads the capture of a run', () => {
  const spec = specOf('examples/order-from-phone.topo');
  const { capture } = runProgram({ spec }, { only: ['order'], quiet: true, capture: true }, { write: () => true }, { write: () => true });
  const pcap = join(mkdtempSync(join(tmpdir(), 'topo-pcap-')), 'order.pcap');
  writeFileSync(pcap, capture!.bytes());
  const teids = new Set(spec.bearers[0].legs.flatMap((l) => [l.uplinkTeid, l.downlinkTeid]));

  it('decodes the GTP-U TEIDs and the VXLAN VNI the model assigned', () => {
    const seen = new Set(fields(pcap, ['gtp.teid'], 'gtp').map(([t]) => Number(t)));
    expect([...seen].sort()).toEqual([...teids].sort());
    expect(new Set(fields(pcap, ['vxlan.vni'], 'vxlan').map(([v]) => v))).toEqual(new Set(['5001']));
  });

  it('shows the phone’s handshake to the SLB’s public address, and no malformed frame', () => {
    const syn = fields(pcap, ['ip.src', 'ip.dst', 'tcp.dstport'], 'tcp.flags.syn == 1 && tcp.flags.ack == 0 && tcp.dstport == 443');
    expect(syn.some(([src, dst]) => src.endsWith('100.64.0.2') && dst.endsWith('198.51.100.10'))).toBe(true);
    expect(fields(pcap, ['frame.number'], '_ws.malformed || _ws.expert.severity == error')).toEqual([]);
  });
});

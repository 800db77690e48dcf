// Malformed assertions are diagnostics at the offending word, one per assertion, never a crash.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { compile } from '../../src/driver/index.js';

const NET = `import "std/internet"
import "std/services"
host a
host b
link a -- b { subnet: 10.0.0.0/24 }
service web on b { listen: tcp/80 }
flow ping { from: a; to: web }
`;

function diagnose(assertion: string): { code: string; word: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'topo-assert-'));
  const path = join(dir, 'net.topo');
  const text = NET + assertion + '\n';
  writeFileSync(path, text);
  return compile([path]).diagnostics.map((d) => ({ code: d.code, word: text.slice(d.span.start, d.span.end) }));
}

test.each([
  ['assert ping', 'TOPO5001', ''],
  ['assert ping reaches', 'TOPO5001', ''],
  ['assert ping reaches b c', 'TOPO5001', 'c'],
  ['assert ping via a,', 'TOPO5001', ''],
  ['assert ping at hop 0 { ip.ttl == 1 }', 'TOPO5001', '0'],
  ['assert ping at a -> b', 'TOPO5001', ''],
  ['assert ping path a, b { ip.ttl == 1 }', 'TOPO5001', 'ip.ttl == 1'],
  ['assert reachable a b', 'TOPO5001', 'b'],
  ['assert reachable internet -- b', 'TOPO5001', 'internet'],
  ['assert reachable a -> b:53', 'TOPO5001', '53'],
  ['assert session a b established', 'TOPO5001', 'b'],
  ['assert route a b via b', 'TOPO5001', 'b'],
  ['assert route a 10.0.0.0/24 as_path x', 'TOPO5001', 'x'],
  ['assert pnig reaches b', 'TOPO5002', 'pnig'],
  ['assert 10.0.0.1 reaches b', 'TOPO5001', '10.0.0.1'],
  ['assert ping reaches c', 'TOPO5003', 'c'],
  ['assert session a -- x.y established', 'TOPO5003', 'x'],
  ['assert ping at a -> b { ip.tos == 1 }', 'TOPO5004', 'ip.tos'],
  ['assert ping at a -> b { pathMtu >= 1400 }', 'TOPO5004', 'pathMtu'],
  ['assert ping { ip.ttl == 1 }', 'TOPO5004', 'ip.ttl'],
  ['assert ping at a -> b { outer.encap == "" }', 'TOPO5004', 'outer.encap'],
  ['assert ping at a -> b { ip.src < 10.0.0.1 }', 'TOPO5005', '<'],
  ['assert ping at a -> b { ip.src in 10.0.0.1 }', 'TOPO5005', '10.0.0.1'],
  ['assert ping at a -> b { ip.ttl == a }', 'TOPO5005', 'a'],
  ['assert ping at a -> b { vxlan.vni == "5001" }', 'TOPO5005', '"5001"'],
  ['assert ping { tunnels == gtpu }', 'TOPO5005', 'gtpu'],
  ['assert ping at a -> b { ip.src == zz }', 'TOPO5003', 'zz'],
])('%s → %s at `%s`', (assertion, code, word) => {
  expect(diagnose(assertion)).toEqual([{ code, word }]);
});

test('well-formed assertions type-check without diagnostics', () => {
  for (const a of ['assert ping reaches b', 'assert ping path a, b', 'assert soft ping { pathMtu >= 1400; nat exists }', 'assert ping at hop 1 { layer1.ip.dst == b; inner.ip.src in 10.0.0.0/24; encap == "" }', 'assert not reachable internet -> b', 'assert reachable a -- b', 'assert route a 10.0.0.0/24']) {
    expect(diagnose(a), a).toEqual([]);
  }
});

// The CI reporters of `topo test`: JUnit XML that a parser reads with the right counts, and GitHub annotations.
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { capture } from '../cli/helpers.js';

const FAILING = ['test/fixtures/assert/route.topo', 'test/fixtures/assert/flow-fields.topo', 'test/fixtures/diagnostics/TOPO5002.topo'];

async function run(reporter: string): Promise<{ status: number; out: string }> {
  const c = capture();
  const status = await runCli(['test', ...FAILING, '--reporter', reporter], c.io);
  return { status, out: c.stdout() };
}

test('junit: one suite per file, a testcase per assertion, failures and errors counted', async () => {
  const { status, out } = await run('junit');
  expect(status).toBe(1);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(out);
  const root = doc.testsuites;
  // route: 13 flagship assertions pass, 2 fail; flow-fields: 13 pass, 1 fails, 1 soft warns; TOPO5002: a compile error.
  expect(root).toMatchObject({ name: 'topo test', tests: '31', failures: '3', errors: '1' });
  const suites = root.testsuite as Record<string, unknown>[];
  expect(suites.map((s) => [s.name, s.tests, s.failures, s.errors])).toEqual([
    ['test/fixtures/assert/route.topo', '15', '2', '0'],
    ['test/fixtures/assert/flow-fields.topo', '15', '1', '0'],
    ['test/fixtures/diagnostics/TOPO5002.topo', '1', '0', '1'],
  ]);
  for (const s of suites) expect((s.testcase as unknown[]).length).toBe(Number(s.tests));
  const route = (suites[0].testcase as Record<string, any>[]).find((t) => t.name === 'assert route a2 198.51.100.0/24 via nat')!;
  expect(route.line).toBe('3');
  expect(route.failure.message).toBe('expected route a2 198.51.100.0/24 via nat, actual via c1');
  const soft = (suites[1].testcase as Record<string, any>[]).find((t) => t.name.startsWith('assert soft'))!;
  expect(soft.failure).toBeUndefined();
  expect(soft['system-out']).toContain('expected tunnels == "gtpu gtpu"');
  expect((suites[2].testcase as Record<string, any>[])[0].error.type).toBe('TOPO5002');
});

test('github: ::error and ::warning workflow commands at file, line and column', async () => {
  const { out } = await run('github');
  const lines = out.trimEnd().split('\n');
  expect(lines).toContain('::error file=test/fixtures/assert/route.topo,line=3,col=1,endLine=3,endColumn=40,title=topo test%3A assert route a2 198.51.100.0/24 via nat::expected route a2 198.51.100.0/24 via nat%0Aactual via c1 (FIB 198.51.100.0/24 → 203.0.113.22 (eth1))');
  expect(lines.filter((l) => l.startsWith('::warning file=test/fixtures/assert/flow-fields.topo,line=4,'))).toHaveLength(1);
  expect(lines).toContain('::error file=test/fixtures/diagnostics/TOPO5002.topo,line=6,col=8,endLine=6,endColumn=12,title=TOPO5002::no flow named `pong`');
  for (const l of lines.slice(0, -1)) expect(l).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::\S/);
  expect(lines[lines.length - 1]).toBe('3 failed, 26 passed, 1 warned, 1 file with errors');
});

test('json: files, assertions with failures and the hop they point at, and the summary', async () => {
  const { out } = await run('json');
  const doc = JSON.parse(out);
  expect(doc.summary).toEqual({ passed: 26, failed: 3, warned: 1, errors: 1 });
  expect(doc.files[2].errors[0]).toMatchObject({ code: 'TOPO5002', line: 6, col: 8 });
  const c = capture();
  await runCli(['test', 'test/fixtures/assert/headers.topo', '--reporter', 'json'], c.io);
  const failed = JSON.parse(c.stdout()).files[0].assertions.find((a: { status: string }) => a.status === 'failed');
  expect(failed.failures[0]).toMatchObject({ expected: 'vxlan.vni == 5002', actual: 'vxlan.vni == 5001', origin: { text: 'vpc shop { vni: 5001 }', line: 71 } });
  expect(failed.failures[0].hop.hop).toMatchObject({ from: 'hostA', to: 'hostB', index: 25 });
});

// `topo sim` output is a TypeScript program that type-checks, builds and runs on its own, and prints exactly
// what the in-process run prints; names from the .topo file cannot inject code into it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/driver/index.js';
import { writeSimProject } from '../../src/emit/sim/project.js';
import { simSpec } from '../../src/emit/sim/spec.js';
import { parseArgs, runProgram } from '../../src/runtime/index.js';

const TSC = resolve('node_modules/.bin/tsc');

async function generated(path: string): Promise<string> {
  const c = compile([path]).compilations[0];
  if (!c.program || !c.network || !c.routing) throw new Error(`${path} does not compile`);
  const dir = mkdtempSync(join(tmpdir(), 'topo-sim-'));
  await writeSimProject({ path, program: c.program, network: c.network, routing: c.routing }, dir);
  return dir;
}

function inProcess(path: string, argv: string[]): string {
  const c = compile([path]).compilations[0];
  const spec = simSpec({ path, program: c.program!, network: c.network!, routing: c.routing! });
  let out = '';
  const options = parseArgs(argv);
  if (typeof options === 'string') throw new Error(options);
  runProgram({ spec }, options, { write: (t: string) => (out += t) }, { write: () => true });
  return out;
}

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each([
  ['examples/order-from-phone.topo', ['--seed', '7', '--loss', '10%'], 'order written to orderdb'],
  ['test/sim/fixtures/hostile.topo', ['--seed', '2'], 'svc"); process.exit(7); (" receives HTTP POST /o\'rders`${1}`*/'],
])('topo sim %s', (path, argv, shown) => {
  it('type-checks, builds, runs standalone and prints what the in-process run prints', async () => {
    const dir = await generated(path);
    const check = sh(TSC, ['--noEmit', '-p', '.'], dir);
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
    const build = sh(TSC, ['-p', 'tsconfig.build.json'], dir);
    expect(build.stdout + build.stderr).toBe('');
    const run = sh(process.execPath, ['build/sim.js', ...argv], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('row written');
    expect(run.stdout).toContain(shown);
    expect(run.stdout).toBe(inProcess(path, argv));
  });
});

describe('determinism', () => {
  it('the same seed gives the same bytes; another seed another run', () => {
    const argv = ['--loss', '20%', '--orders', '3', '--json'];
    const a = inProcess('examples/order-from-phone.topo', [...argv, '--seed', '11']);
    expect(inProcess('examples/order-from-phone.topo', [...argv, '--seed', '11'])).toBe(a);
    expect(inProcess('examples/order-from-phone.topo', [...argv, '--seed', '12'])).not.toBe(a);
  });
});

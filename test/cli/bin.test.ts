// End to end: the built command, spawned as users run it (vitest's global setup builds dist/ first).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { topo } from './helpers.js';

const flagship = 'examples/order-from-phone.topo';
const broken = 'test/cli/inputs/unterminated-string.topo';
const ansi = /\u001b\[[0-9;]*m/;
const stackTrace = /\n\s+at /;

describe('bin/topo.js', () => {
  test('--version', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(topo(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  test('--help', () => {
    const r = topo(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Commands:[\s\S]*check/);
  });

  test('a usage error exits 2', () => {
    const r = topo(['check', '--format', 'yaml', flagship]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/'yaml' is invalid/);
  });

  test('a clean file exits 0', () => {
    const r = topo(['check', flagship]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^ok: /);
  });

  test('a clean file with CRLF line ends exits 0', () => {
    expect(topo(['check', 'test/cli/inputs/clean-crlf.topo'])).toMatchObject({ status: 0 });
  });

  test('an unterminated string exits 1 with the rustc-style report on stderr', () => {
    const r = topo(['check', broken]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error[TOPO1002]: unterminated string\n --> ${broken}:4:8\n`);
    expect(r.stderr).toContain('4 | router "r2');
    expect(r.stderr).toMatch(/\nerror: \d+ errors?, \d+ warnings? in 1 file\n$/);
    expect(r.stdout).toBe('');
  });

  test('--format json: the report parses and matches the exit code', () => {
    const r = topo(['check', '--format', 'json', broken]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: { code: string }[]; summary: { errors: number } };
    expect(report.summary.errors).toBeGreaterThan(0);
    expect(report.diagnostics.find((d) => d.code === 'TOPO1002')).toMatchObject({ file: broken, line: 4, col: 8, endCol: 11 });
  });

  test('a missing file exits 2 with an I/O diagnostic, no stack trace', () => {
    const r = topo(['check', 'test/cli/inputs/no-such-file.topo']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error\[TOPO00\d\d\]/);
    expect(r.stderr).toContain('no-such-file.topo');
    expect(r.stderr).not.toMatch(stackTrace);
  });

  test('a directory exits 2 with an I/O diagnostic', () => {
    const r = topo(['check', 'test/cli/inputs']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error\[TOPO00\d\d\]/);
    expect(r.stderr).not.toMatch(stackTrace);
  });

  test('colour: never when piped, on with FORCE_COLOR, and NO_COLOR wins', () => {
    expect(topo(['check', broken]).stderr).not.toMatch(ansi);
    const forced = topo(['check', broken], { FORCE_COLOR: '1' }).stderr;
    expect(forced).toMatch(ansi);
    expect(forced.replace(new RegExp(ansi, 'g'), '')).toContain('error[TOPO1002]');
    expect(topo(['check', broken], { FORCE_COLOR: '1', NO_COLOR: '1' }).stderr).not.toMatch(ansi);
  });
});

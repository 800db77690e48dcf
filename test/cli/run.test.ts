import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import type { TopoCommand } from '../../src/cli/command.js';
import { ExitCode, exitCodeFor } from '../../src/cli/exit-codes.js';
import { runCli } from '../../src/cli/program.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { fileSpan } from '../../src/diagnostics/span.js';
import { capture } from './helpers.js';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const flagship = 'examples/order-from-phone.topo';

describe('topo (in-process)', () => {
  test('--version prints the package version', async () => {
    const c = capture();
    expect(await runCli(['--version'], c.io)).toBe(0);
    expect(c.stdout()).toBe(`${version}\n`);
  });

  test('--help lists the commands and exit codes on stdout', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.stdout()).toMatch(/Usage: topo/);
    expect(c.stdout()).toMatch(/check \[options\] <files\.\.\.>/);
    expect(c.stdout()).toMatch(/Exit status: 0 .* 1 errors, 2 usage or I\/O error/);
  });

  test('check --help documents its options', async () => {
    const c = capture();
    expect(await runCli(['check', '--help'], c.io)).toBe(0);
    expect(c.stdout()).toMatch(/--format <format>/);
    expect(c.stdout()).toMatch(/--quiet/);
  });

  test.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['check without files', ['check']],
    ['an unknown format', ['check', '--format', 'xml', flagship]],
    ['an unknown option', ['check', '--colour', flagship]],
  ])('%s is a usage error: exit 2, a message on stderr, nothing on stdout', async (_name, argv) => {
    const c = capture();
    expect(await runCli(argv, c.io)).toBe(ExitCode.usage);
    expect(c.stderr()).not.toBe('');
    expect(c.stderr()).not.toMatch(/\n\s+at /);
    if (argv.length > 0) expect(c.stdout()).toBe('');
  });

  test('check on the flagship example: exit 0, an ok line on stderr, stdout empty', async () => {
    const c = capture();
    expect(await runCli(['check', flagship], c.io)).toBe(0);
    expect(c.stderr()).toBe('ok: 1 file checked, no problems\n');
    expect(c.stdout()).toBe('');
  });

  test('check --quiet on a clean file prints nothing', async () => {
    const c = capture();
    expect(await runCli(['check', '--quiet', flagship], c.io)).toBe(0);
    expect(c.stderr() + c.stdout()).toBe('');
  });

  test('check --format json on a clean file: the document on stdout, nothing on stderr', async () => {
    const c = capture();
    expect(await runCli(['check', '--format', 'json', flagship], c.io)).toBe(0);
    expect(JSON.parse(c.stdout())).toMatchObject({ diagnostics: [], summary: { errors: 0 } });
    expect(c.stderr()).toBe('');
  });

  test('warnings only: exit 0, the warnings and a warning summary; --quiet leaves them out', async () => {
    const file = 'test/cli/inputs/warnings-only.topo';
    const loud = capture();
    expect(await runCli(['check', file], loud.io)).toBe(0);
    expect(loud.stderr()).toMatch(/^warning\[TOPO\d{4}\]: /);
    expect(loud.stderr()).toMatch(/\nwarning: 0 errors, 1 warning in 1 file\n$/);

    const quiet = capture();
    expect(await runCli(['check', '--quiet', file], quiet.io)).toBe(0);
    expect(quiet.stderr()).toBe('');

    const json = capture();
    expect(await runCli(['check', '--quiet', '--format', 'json', file], json.io)).toBe(0);
    expect(JSON.parse(json.stdout())).toEqual({ diagnostics: [], summary: { errors: 0, warnings: 0, files: 0 } });
  });

  test('a command plugs in through the list and receives its arguments and options', async () => {
    const seen: unknown[] = [];
    const echo: TopoCommand = {
      define: (program: Command) => program.command('echo').argument('<words...>').option('--loud'),
      run: async ({ args, options }) => {
        seen.push(args, options);
        return 0;
      },
    };
    expect(await runCli(['echo', 'a', 'b', '--loud'], capture().io, [echo])).toBe(0);
    expect(seen).toEqual([[['a', 'b']], { loud: true }]);
  });

  test('an exception in a command is an internal error: exit 3, one line, no stack trace', async () => {
    const boom: TopoCommand = {
      define: (program: Command) => program.command('boom'),
      run: async () => {
        throw new Error('kaboom');
      },
    };
    const c = capture();
    expect(await runCli(['boom'], c.io, [boom])).toBe(ExitCode.internal);
    expect(c.stderr()).toMatch(/^topo: internal error: kaboom\n/);
    expect(c.stderr()).not.toMatch(/\n\s+at /);
  });
});

describe('exit codes', () => {
  const d = (code: string, severity: 'error' | 'warning'): Diagnostic => ({
    code, severity, message: 'm', span: fileSpan('a.topo'), related: [], notes: [],
  });

  test.each([
    ['nothing', [], 0],
    ['warnings only', [d('TOPO2901', 'warning')], 0],
    ['an error', [d('TOPO2901', 'warning'), d('TOPO2104', 'error')], 1],
    ['an I/O error outranks other errors', [d('TOPO2104', 'error'), d('TOPO0001', 'error')], 2],
  ])('%s', (_name, diags, expected) => {
    expect(exitCodeFor(diags as Diagnostic[])).toBe(expected);
  });
});

import { Command, CommanderError } from 'commander';
import type { CliIo } from './io.js';
import { commands as allCommands } from './commands/index.js';
import type { TopoCommand } from './command.js';
import { ExitCode } from './exit-codes.js';
import { packageVersion } from './version.js';

/**
 * Run `topo` with the given arguments (without `node` and the script path) and return the exit code.
 * Never throws and never calls process.exit, so tests can run it in-process (with their own commands, too).
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly TopoCommand[] = allCommands): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('topo')
    .description('topo: a compiler for declarative network-topology files (.topo)')
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'print help and exit')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nExit status: 0 no errors (warnings allowed), 1 errors, 2 usage or I/O error, 3 internal error.\nReference: docs/cli.md')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error:/, 'topo: error:')),
    });
  for (const command of commands) {
    command.define(program).action(async (...params: unknown[]) => {
      const sub = params[params.length - 1] as Command;
      exitCode = await command.run({ args: params.slice(0, -2), options: sub.opts() }, io);
    });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    // Commander reports --help/--version as exit 0 and every misuse as 1; topo's contract for misuse is 2.
    if (err instanceof CommanderError) return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    return internalError(err, io);
  }
}

/** A bug in topo: say so in one line; the stack trace only on request (TOPO_DEBUG=1). */
function internalError(err: unknown, io: CliIo): number {
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(`topo: internal error: ${e.message}\n`);
  io.stderr.write(io.env.TOPO_DEBUG ? `${e.stack ?? ''}\n` : 'this is a bug in topo; set TOPO_DEBUG=1 for details and please report it with the input\n');
  return ExitCode.internal;
}

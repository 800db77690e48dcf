import { Option, type Command } from 'commander';
import type { TopoCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { compileForOutput } from '../report.js';

export const diffCommand: TopoCommand = {
  define: (program: Command) =>
    program
      .command('diff')
      .description('what a change does: flows whose path, disposition or headers changed, routes gained or lost per node, reachability that appeared or vanished')
      .argument('<old>', 'the .topo file before the change')
      .argument('<new>', 'the .topo file after it')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text')),

  async run({ args, options }, io) {
    // Errors about routing or traces are what a diff shows; only a file with no network cannot be compared.
    const old = await compileForOutput(args[0] as string, io);
    if (typeof old === 'number') return old;
    const now = await compileForOutput(args[1] as string, io);
    if (typeof now === 'number') return now;
    const { diffNetworks, diffJson, diffText } = await import('../../emit/diff.js');
    const doc = diffNetworks(old, now);
    io.stdout.write(options.format === 'json' ? diffJson(doc) : diffText(doc));
    return ExitCode.ok;
  },
};

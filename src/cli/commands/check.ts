import { Option, type Command } from 'commander';
import { formats, reporters, wantsColor, palette, type Format } from '../../diagnostics/render/index.js';
import { plural } from '../../diagnostics/render/summary.js';
import type { TopoCommand } from '../command.js';
import { exitCodeFor } from '../exit-codes.js';

interface CheckOptions {
  format: Format;
  quiet?: boolean;
}

export const checkCommand: TopoCommand = {
  define: (program: Command) =>
    program
      .command('check')
      .description('parse and check .topo files and everything they import, routing included; report every problem found')
      .argument('<files...>', '.topo files to check')
      .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default('pretty'))
      .option('-q, --quiet', 'report errors only: no warnings, and nothing at all when clean'),

  async run({ args, options }, io) {
    const files = args[0] as string[];
    const { format, quiet } = options as unknown as CheckOptions;
    // The compiler pulls in the parser: load it only when checking, not for --help or other commands.
    const { compile } = await import('../../driver/index.js');
    const result = compile(files, { ribs: [] });
    const shown = quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    const reporter = reporters[format];
    const stream = io[reporter.stream];
    const color = reporter.colors && wantsColor(stream, io.env);
    stream.write(reporter.render({ diagnostics: shown, sources: result.sources }, { color }));
    if (format === 'pretty' && shown.length === 0 && !quiet) {
      io.stderr.write(`${palette(wantsColor(io.stderr, io.env)).green('ok')}: ${plural(files.length, 'file')} checked, no problems\n`);
    }
    return exitCodeFor(result.diagnostics);
  },
};

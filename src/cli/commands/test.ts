import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { TopoCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { wantsColor } from '../../diagnostics/render/colors.js';
import type { TestReporter } from '../../emit/test-report/index.js';

interface TestOptions {
  reporter: TestReporter;
  filter?: string;
}

/** Files as named; a directory stands for the .topo files directly inside it, sorted (sub-folders are not searched). */
function expand(paths: string[]): string[] {
  return paths.flatMap((p) => {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // A missing path is the compiler's to report (TOPO0001).
    }
    return dir ? readdirSync(p).filter((n) => n.endsWith('.topo')).sort().map((n) => join(p, n)) : [p];
  });
}

export const testCommand: TopoCommand = {
  define: (program: Command) =>
    program
      .command('test')
      .description('run every `assert` in .topo files (a directory: the .topo files in it); exit 1 when one fails')
      .argument('<paths...>', '.topo files or directories')
      .addOption(new Option('-r, --reporter <reporter>', 'output format').choices(['pretty', 'json', 'junit', 'github']).default('pretty'))
      .option('--filter <text>', 'only assertions whose text contains this'),

  async run({ args, options }, io) {
    const { reporter, filter } = options as unknown as TestOptions;
    const files = expand(args[0] as string[]);
    const { compile } = await import('../../driver/index.js');
    const { runAsserts } = await import('../../assert/index.js');
    const { fileDoc, summarizeTests, testFailed, testReporters } = await import('../../emit/test-report/index.js');
    const result = compile(files);
    const docs = result.compilations.map((c) => {
      const errors = c.diagnostics.filter((d) => d.severity === 'error');
      const ran = c.program && c.network && c.routing ? runAsserts(c.program, c.network, c.routing) : [];
      const results = filter === undefined ? ran : ran.filter((r) => r.text.includes(filter));
      const compiled = c.program && c.network && c.routing ? { program: c.program, network: c.network, routing: c.routing } : undefined;
      return fileDoc(c.path, errors, results, compiled);
    });
    const report = { files: docs, sources: result.sources };
    io.stdout.write(testReporters[reporter](report, { color: reporter === 'pretty' && wantsColor(io.stdout, io.env) }));
    return testFailed(summarizeTests(report)) ? ExitCode.errors : ExitCode.ok;
  },
};

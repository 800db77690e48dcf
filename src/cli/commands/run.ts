import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { TopoCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { compileForOutput } from '../report.js';

interface RunFlags {
  seed?: string;
  loss?: string;
  until?: string;
  tls?: string;
  flow?: string[];
  orders?: string;
  pcap?: string;
  json?: boolean;
  quiet?: boolean;
}

/**
 * `topo run FILE`: compile, build the simulation and run it in one step — in this process, through the same
 * runtime and data a `topo sim` program carries — printing the timeline and a summary.
 */
export const runCommand: TopoCommand = {
  define: (program: Command) =>
    program
      .command('run')
      .description('simulate the network and its flows in time (TCP, TLS, DNS, HTTP, loss) and print the timeline')
      .argument('<file>', 'the .topo file')
      .option('--seed <n>', 'random seed: the same seed gives the same run', '1')
      .option('--loss <percent>', 'end-to-end loss: each packet is lost with this probability, e.g. 5%')
      .option('--until <duration>', 'stop at this simulated time, e.g. 30s')
      .option('--tls <version>', 'TLS version clients offer: 1.2 or 1.3')
      .option('--flow <name...>', 'only these flows')
      .option('--orders <n>', 'start each flow this many times at once')
      .option('--pcap <file>', 'write every Ethernet frame to a pcap file')
      .option('--json', 'the timeline as JSON lines')
      .option('--quiet', 'no timeline; only the summary'),

  async run({ args, options }, io) {
    const file = args[0] as string;
    const flags = options as RunFlags;
    const { parseArgs, runProgram } = await import('../../runtime/index.js');
    const argv = Object.entries(flags).flatMap(([k, v]) => (v === true ? [`--${k}`] : Array.isArray(v) ? v.flatMap((x) => [`--${k}`, x]) : v === undefined || v === false ? [] : [`--${k}`, String(v)]));
    const parsed = parseArgs(argv);
    if (typeof parsed === 'string') {
      io.stderr.write(`error: ${parsed}\n`);
      return ExitCode.usage;
    }
    const compiled = await compileForOutput(file, io);
    if (typeof compiled === 'number') return compiled;
    const { simSpec } = await import('../../emit/sim/spec.js');
    const spec = simSpec({ path: file, ...compiled });
    const result = runProgram({ spec }, parsed, io.stdout, io.stderr);
    if (result.unknownFlows.length > 0) {
      io.stderr.write(`error: no flow named ${result.unknownFlows.join(', ')} in ${file}\n`);
      return ExitCode.usage;
    }
    if (parsed.pcap && result.capture) {
      writeFileSync(parsed.pcap, result.capture.bytes());
      if (!parsed.quiet) io.stdout.write(`wrote ${parsed.pcap} (${result.capture.count} frames)\n`);
    }
    return result.failed > 0 ? ExitCode.errors : ExitCode.ok;
  },
};

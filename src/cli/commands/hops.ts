import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { TopoCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { compileForOutput } from '../report.js';
import type { HopsOptions } from '../../emit/hops.js';

export const hopsCommand: TopoCommand = {
  define: (program: Command) =>
    program
      .command('hops')
      .description('trace each flow hop by hop: the full header stack (outer and inner) at every hop, the changes made there, and where it is delivered or dropped')
      .argument('<file>', 'the .topo file')
      .option('--flow <name>', 'only this flow')
      .option('--reply', 'the answers\' way back (reverse NAT, downlink tunnels) instead of the request')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'csv', 'json']).default('text'))
      .option('--pcap <file>', 'also write the hops as a capture file for Wireshark: one Ethernet frame per hop, 1 ms apart'),

  async run({ args, options }, io) {
    const file = args[0] as string;
    const { flow, reply, format, pcap } = options as unknown as HopsOptions & { pcap?: string };
    const compiled = await compileForOutput(file, io);
    if (typeof compiled === 'number') return compiled;
    const { program } = compiled;
    const { renderHops } = await import('../../emit/hops.js');
    const rendered = renderHops(compiled, { flow, reply, format });
    if (!rendered) {
      io.stderr.write(`error: no flow named ${flow} in ${file}${program.flows.length ? ` (flows: ${program.flows.map((f) => f.name).join(', ')})` : ''}\n`);
      return ExitCode.usage;
    }
    io.stdout.write(rendered.output);
    if (pcap !== undefined) {
      const { hopsCapture } = await import('../../runtime/wire/index.js');
      const capture = hopsCapture(rendered.traces);
      writeFileSync(pcap, capture.bytes);
      const radio = capture.skipped ? ` (${capture.skipped} radio hop${capture.skipped === 1 ? '' : 's'} left out: no Ethernet on the air)` : '';
      io.stderr.write(`wrote ${capture.frames} frame${capture.frames === 1 ? '' : 's'} to ${pcap}${radio}\n`);
    }
    return rendered.traces.every((t) => t.disposition.kind === 'delivered') ? ExitCode.ok : ExitCode.errors;
  },
};

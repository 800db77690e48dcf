import type { Command } from 'commander';
import type { TopoCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { compileForOutput } from '../report.js';

/** `topo sim FILE -o DIR`: the simulator as a TypeScript program that imports `topo/runtime`. */
export const simCommand: TopoCommand = {
  define: (program: Command) =>
    program
      .command('sim')
      .description('generate a runnable TypeScript simulation of the network and its flows (imports topo/runtime)')
      .argument('<file>', 'the .topo file')
      .option('-o, --out <dir>', 'the folder to write into (created if missing)', 'sim'),

  async run({ args, options }, io) {
    const file = args[0] as string;
    const dir = (options as { out: string }).out;
    const compiled = await compileForOutput(file, io);
    if (typeof compiled === 'number') return compiled;
    const { writeSimProject } = await import('../../emit/sim/project.js');
    for (const path of await writeSimProject({ path: file, ...compiled }, dir)) io.stdout.write(`wrote ${path}\n`);
    io.stdout.write(`type-check: npx tsc --noEmit -p ${dir}\nrun: npx tsc -p ${dir}/tsconfig.build.json && node ${dir}/build/sim.js\n`);
    return ExitCode.ok;
  },
};

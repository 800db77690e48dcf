import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import type { TopoCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { compileForOutput } from '../report.js';

interface DiagramOptions {
  view: string;
  format: 'dot' | 'svg' | 'html';
  output?: string;
}

export const diagramCommand: TopoCommand = {
  define: (program: Command) =>
    program
      .command('diagram')
      .description('draw the network: its physical layout, its BGP sessions, or a flow\'s path, as Graphviz DOT, SVG or an HTML page')
      .argument('<file>', 'the .topo file')
      .option('-v, --view <view>', 'physical, routing, or flow:NAME', 'physical')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['dot', 'svg', 'html']).default('dot'))
      .option('-o, --output <file>', 'write to this file instead of standard output'),

  async run({ args, options }, io) {
    const file = args[0] as string;
    const { view: viewText, format, output } = options as unknown as DiagramOptions;
    const { parseView, diagram, viewName } = await import('../../emit/diagram/index.js');
    const view = parseView(viewText);
    if (!view) {
      io.stderr.write(`error: --view takes physical, routing or flow:NAME, not ${viewText}\n`);
      return ExitCode.usage;
    }
    const c = await compileForOutput(file, io);
    if (typeof c === 'number') return c;
    if (view.type === 'flow' && !c.program.flows.some((f) => f.name === view.flow)) {
      const names = c.program.flows.map((f) => f.name).join(', ') || 'none';
      io.stderr.write(`error: ${file} has no flow named ${view.flow} (its flows: ${names})\n`);
      return ExitCode.usage;
    }
    const input = { program: c.program, network: c.network, routing: c.routing, title: `${basename(file)} — ${viewName(view)}` };
    const { dot, hops } = diagram(input, view);
    let text = dot;
    if (format !== 'dot') {
      const { renderSvg } = await import('../../emit/diagram/svg.js');
      const svg = await renderSvg(dot);
      text = format === 'svg' ? svg : (await import('../../emit/diagram/html.js')).diagramHtml({ title: input.title, svg, hops });
    }
    if (output === undefined) io.stdout.write(text);
    else writeFileSync(output, text);
    return ExitCode.ok;
  },
};

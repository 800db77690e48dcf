import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { TopoCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { compileForOutput } from '../report.js';

/**
 * Everything topo computes for one file, written to a folder: the routes, every flow's hop tables (request and
 * reply) and the diagrams (physical, routing, and an HTML page per flow). `npm start` runs it on the flagship.
 */
export const buildCommand: TopoCommand = {
  define: (program: Command) =>
    program
      .command('build')
      .description('write every output for a file into a folder: routes, hop tables of every flow, diagrams')
      .argument('<file>', 'the .topo file')
      .option('-o, --out <dir>', 'the folder to write into (created if missing)', 'out'),

  async run({ args, options }, io) {
    const file = args[0] as string;
    const dir = (options as { out: string }).out;
    const compiled = await compileForOutput(file, io);
    if (typeof compiled === 'number') return compiled;
    const [{ routesText }, { renderHops }, diagrams, { renderSvg }, { diagramHtml }] = await Promise.all([
      import('../../emit/routes.js'),
      import('../../emit/hops.js'),
      import('../../emit/diagram/index.js'),
      import('../../emit/diagram/svg.js'),
      import('../../emit/diagram/html.js'),
    ]);
    const name = basename(file).replace(/\.topo$/, '');
    const outputs: [string, string][] = [[`${name}.routes.txt`, routesText(compiled.routing, {})]];
    let delivered = true;
    for (const flow of compiled.program.flows) {
      for (const reply of [false, true]) {
        const rendered = renderHops(compiled, { flow: flow.name, reply, format: 'markdown' })!;
        delivered &&= rendered.traces.every((t) => t.disposition.kind === 'delivered');
        outputs.push([`${name}.${flow.name}${reply ? '.reply' : ''}.hops.md`, rendered.output]);
      }
    }
    const views = ['physical', 'routing', ...compiled.program.flows.map((f) => `flow:${f.name}`)];
    for (const text of views) {
      const view = diagrams.parseView(text)!;
      const title = `${basename(file)} — ${diagrams.viewName(view)}`;
      const { dot, hops } = diagrams.diagram({ ...compiled, title }, view);
      const svg = await renderSvg(dot);
      const stem = `${name}.${text.replace(':', '-')}`;
      outputs.push([`${stem}.svg`, svg]);
      if (view.type === 'flow') outputs.push([`${stem}.html`, diagramHtml({ title, svg, hops })]);
    }
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of outputs) {
      writeFileSync(join(dir, file), text);
      io.stdout.write(`wrote ${join(dir, file)}\n`);
    }
    return delivered ? ExitCode.ok : ExitCode.errors;
  },
};

import { Option, type Command } from 'commander';
import type { TopoCommand } from '../command.js';
import { ExitCode } from '../exit-codes.js';
import { compileForOutput } from '../report.js';

interface RoutesOptions {
  node?: string;
  prefix?: string;
  format: 'text' | 'json';
}

export const routesCommand: TopoCommand = {
  define: (program: Command) =>
    program
      .command('routes')
      .description('show each node\'s routes: every BGP candidate with why the best won, and the forwarding table')
      .argument('<file>', 'the .topo file')
      .option('-n, --node <name>', 'only this node')
      .option('-p, --prefix <prefix>', 'only this prefix, e.g. 198.51.100.0/24')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text')),

  async run({ args, options }, io) {
    const file = args[0] as string;
    const { node, prefix, format } = options as unknown as RoutesOptions;
    const compiled = await compileForOutput(file, io);
    if (typeof compiled === 'number') return compiled;
    const { routing } = compiled;
    if (node !== undefined && !(node in routing.nodes)) {
      io.stderr.write(`error: no node named ${node} holds routes in ${file}\n`);
      return ExitCode.usage;
    }
    if (prefix !== undefined && !/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(prefix)) {
      io.stderr.write(`error: --prefix takes an IPv4 prefix such as 198.51.100.0/24, not ${prefix}\n`);
      return ExitCode.usage;
    }
    const { routesJson, routesText } = await import('../../emit/routes.js');
    io.stdout.write(format === 'json' ? routesJson(routing, { node, prefix }) : routesText(routing, { node, prefix }));
    return ExitCode.ok;
  },
};

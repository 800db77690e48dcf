import type { TopoCommand } from '../command.js';
import { buildCommand } from './build.js';
import { checkCommand } from './check.js';
import { diagramCommand } from './diagram.js';
import { diffCommand } from './diff.js';
import { hopsCommand } from './hops.js';
import { routesCommand } from './routes.js';
import { runCommand } from './run.js';
import { simCommand } from './sim.js';
import { testCommand } from './test.js';

/** Every sub-command, in the order `topo --help` lists them. A new command is a file here and one entry. */
export const commands: TopoCommand[] = [checkCommand, routesCommand, hopsCommand, diagramCommand, buildCommand, testCommand, diffCommand, simCommand, runCommand];

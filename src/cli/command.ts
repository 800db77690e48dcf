import type { Command } from 'commander';
import type { CliIo } from './io.js';

/** What commander parsed for a sub-command: its positional arguments in order, and its options. */
export interface Invocation {
  args: unknown[];
  options: Record<string, unknown>;
}

/**
 * A `topo` sub-command. `define` declares its name, arguments and options on the program (help comes from
 * there); `run` does the work and returns the exit code. Keep a command module's top level light: import
 * the compiler stages and heavy libraries inside `run`, so that `topo --help` and other commands start fast.
 */
export interface TopoCommand {
  define(program: Command): Command;
  run(invocation: Invocation, io: CliIo): Promise<number>;
}

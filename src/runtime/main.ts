// The command line of a generated simulator: `node sim.js [--seed N] [--loss 5%] [--until 30s] [--tls 1.3]
// [--flow NAME] [--orders N] [--pcap FILE] [--json] [--quiet]`. `topo run` takes the same options.
import { writeFileSync } from 'node:fs';
import { parseDuration, parseLoss, runProgram, type RunOptions, type SimProgram } from './run.js';

const USAGE = 'usage: node sim.js [--seed N] [--loss 5%] [--until 30s] [--tls 1.2|1.3] [--flow NAME] [--orders N] [--pcap FILE] [--json] [--quiet]\n';

export function parseArgs(argv: string[]): (RunOptions & { pcap?: string }) | string {
  const o: RunOptions & { pcap?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? '';
    switch (arg) {
      case '--seed': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 0) return '--seed takes a non-negative integer';
        o.seed = v;
        break;
      }
      case '--loss': {
        const v = parseLoss(value());
        if (v === null) return '--loss takes a percentage like 5%';
        o.loss = v;
        break;
      }
      case '--until': {
        const v = parseDuration(value());
        if (v === null) return '--until takes a duration like 30s';
        o.until = v;
        break;
      }
      case '--tls': {
        const v = value();
        if (v !== '1.2' && v !== '1.3') return '--tls takes 1.2 or 1.3';
        o.tls = v;
        break;
      }
      case '--flow':
        (o.only ??= []).push(value());
        break;
      case '--orders': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1) return '--orders takes a positive integer';
        o.instances = v;
        break;
      }
      case '--pcap':
        o.pcap = value();
        o.capture = true;
        break;
      case '--json':
        o.json = true;
        break;
      case '--quiet':
        o.quiet = true;
        break;
      default:
        return `unknown option ${arg}`;
    }
  }
  return o;
}

/** Runs `program` with the process's arguments; the exit code is 1 when a flow failed, 2 on bad usage. */
export function main(program: SimProgram, argv: string[] = process.argv.slice(2)): void {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const result = runProgram(program, options, process.stdout, process.stderr);
  if (result.unknownFlows.length > 0) {
    process.stderr.write(`no flow named ${result.unknownFlows.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  if (options.pcap && result.capture) writeFileSync(options.pcap, result.capture.bytes());
  process.exitCode = result.failed > 0 ? 1 : 0;
}

/**
 * `npm run bench [-- --only frontend,cold]`: runs the benchmark sections and prints each figure with its
 * target and PASS/MISS. It reports; it does not fail (a section that throws is printed as ERROR).
 */
import { cpus } from 'node:os';
import { sections } from './sections/index.js';
import { verdict, type Figure } from './sections/section.js';

function selected(argv: string[]): typeof sections {
  const at = argv.indexOf('--only');
  if (at < 0) return sections;
  const wanted = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = wanted.filter((name) => !sections.some((s) => s.name === name));
  if (wanted.length === 0 || unknown.length > 0) {
    process.stderr.write(`bench: --only takes a list of: ${sections.map((s) => s.name).join(', ')}\n`);
    process.exit(2);
  }
  return sections.filter((s) => wanted.includes(s.name));
}

function formatFigure(f: Figure): string {
  const value = `${f.measured.toLocaleString('en')} ${f.unit}`;
  const target = f.target ? `target ${f.target.op === '<=' ? '≤' : '≥'} ${f.target.value.toLocaleString('en')} ${f.unit}` : '';
  const line = `  ${f.label.padEnd(40)} ${value.padStart(18)}   ${target.padEnd(28)} ${verdict(f).padEnd(4)}`;
  return (f.note ? `${line}  (${f.note})` : line).trimEnd();
}

async function main(): Promise<void> {
  const chosen = selected(process.argv.slice(2));
  console.log(`topo bench — node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} CPUs, ${cpus()[0]?.model ?? ''}`);
  for (const section of chosen) {
    console.log(`\n${section.name}: ${section.title}`);
    try {
      for (const figure of await section.run()) console.log(formatFigure(figure));
    } catch (err) {
      console.log(`  ERROR ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

await main();

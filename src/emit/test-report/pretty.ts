// `topo test` for terminals (docs/design ux.md, "A failed assertion"): each failure with its source location and
// text, expected against actual, where the value came from, and the header table of the hop it points at.
import { palette, renderPretty } from '../../diagnostics/render/index.js';
import { hopTable, hopTitle } from '../hops-table.js';
import type { AssertionDoc, FailureDoc, TestReport } from './model.js';
import { summarizeTests, summaryLine, testFailed } from './model.js';

export function renderTestPretty(r: TestReport, opts: { color: boolean }): string {
  const c = palette(opts.color);
  const out: string[] = [];
  for (const f of r.files) {
    if (f.errors.length > 0) {
      out.push(`${c.bold(c.red('ERROR'))} ${f.file}: ${f.errors.length === 1 ? 'an error stops' : 'errors stop'} it from passing`, '');
      out.push(renderPretty(f.errors, r.sources, { color: opts.color }).trimEnd(), '');
    }
    for (const a of f.assertions) if (a.status !== 'passed') out.push(...assertion(a, c), '');
  }
  const s = summarizeTests(r);
  const line = summaryLine(s);
  out.push(testFailed(s) ? c.bold(c.red(line)) : c.bold(c.green(line)));
  return out.join('\n') + '\n';
}

function assertion(a: AssertionDoc, c: ReturnType<typeof palette>): string[] {
  const head = a.status === 'failed' ? c.bold(c.red('FAIL')) : c.bold(c.yellow('WARN'));
  const out = [`${head} ${a.file}:${a.line}:${a.col}  ${a.text}`];
  for (const f of a.failures) out.push(...failure(f, c));
  return out;
}

function failure(f: FailureDoc, c: ReturnType<typeof palette>): string[] {
  const out = [`  expected  ${c.green(f.expected)}`, `  actual    ${c.red(f.actual)}${f.where ? `   (${f.where})` : ''}`];
  if (f.origin) out.push(`  ${f.origin.label}: ${f.origin.text}  ${f.origin.file}:${f.origin.line}:${f.origin.col}`);
  if (f.hop) out.push('', ...hopBlock(f.hop));
  return out;
}

/** The hop as `topo hops` prints it: title, changes, then fields by layer with owners. */
function hopBlock({ hop, segment }: NonNullable<FailureDoc['hop']>): string[] {
  const t = hopTable(hop);
  const rows = [['', ...t.columns.flatMap((col) => [col, '', ''])], ...t.rows.map((r) => [r.field, ...r.cells.flatMap((x) => [x.value, x.owner, x.note])])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const table = rows.map((r) => '    ' + r.map((x, i) => x.padEnd(widths[i])).filter((_, i) => widths[i] > 0).join('  ').trimEnd());
  return [`  ${hopTitle(hop, segment)}`, `    changes: ${hop.changes.join('; ') || 'none'}`, '', ...table];
}

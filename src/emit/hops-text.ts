// `topo hops` as text (for terminals) and markdown (for docs and reviews).
import type { DropReason } from '../dataplane/index.js';
import { REASON_TEXT } from '../trace/index.js';
import type { FlowDoc, HopsDoc } from './hops-doc.js';
import { hopTable, hopTitle, type Cell } from './hops-table.js';

function dispositionLine(f: FlowDoc): string {
  if (f.disposition === 'delivered') return `flow ${f.name} (${f.direction}): delivered`;
  const after = f.afterHop === undefined ? '' : ` after hop ${f.afterHop}`;
  return `flow ${f.name} (${f.direction}): DROPPED at ${f.at}${after} — ${REASON_TEXT[f.reason as DropReason]}: ${f.detail}`;
}

function segmentRows(f: FlowDoc): string[][] {
  return f.segments.map((s) => [`${s.index}`, `${s.client} → ${s.server ?? '?'}`, s.protocol, s.pathMtu === null ? 'same node' : `path MTU ${s.pathMtu} B`]);
}

function pad(rows: string[][], indent: string): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  // Empty columns (no owner anywhere, say) take no room.
  return rows.map((r) => indent + r.map((c, i) => c.padEnd(widths[i])).filter((_, i) => widths[i] > 0).join('  ').trimEnd());
}

export function hopsText(doc: HopsDoc): string {
  const out: string[] = [];
  for (const f of doc.flows) {
    out.push(dispositionLine(f), '', 'segments');
    if (f.segments.length > 0) out.push(...pad(segmentRows(f), '  '));
    for (const hop of f.hops) {
      const t = hopTable(hop);
      out.push('', hopTitle(hop, f.segments[hop.segment - 1]), `  changes: ${hop.changes.join('; ') || 'none'}`, '');
      // Each layer is three text columns: value, owner, remark.
      const head = ['', ...t.columns.flatMap((c) => [c, '', ''])];
      out.push(...pad([head, ...t.rows.map((r) => [r.field, ...r.cells.flatMap((c) => [c.value, c.owner, c.note])])], '  '));
    }
    out.push('');
  }
  return out.join('\n');
}

const md = (s: string) => s.replace(/\|/g, '\\|');

export function hopsMarkdown(doc: HopsDoc): string {
  const out: string[] = [];
  for (const f of doc.flows) {
    out.push(`## ${dispositionLine(f)}`, '', '| segment | connection | protocol | path MTU |', '|---|---|---|---|');
    for (const r of segmentRows(f)) out.push(`| ${r.map(md).join(' | ')} |`);
    for (const hop of f.hops) {
      const t = hopTable(hop);
      out.push('', `### ${hopTitle(hop, f.segments[hop.segment - 1])}`, '', `changes: ${md(hop.changes.join('; ') || 'none')}`, '');
      out.push(`| field | ${t.columns.join(' | ')} |`, `|${'---|'.repeat(t.columns.length + 1)}`);
      const text = (c: Cell) => [c.value && `\`${c.value}\``, c.owner, c.note && `_${c.note}_`].filter((x) => x).join(' ');
      for (const r of t.rows) out.push(`| ${[r.field, ...r.cells.map(text)].map(md).join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

// Diagram → Graphviz DOT text. Every piece of user text goes through `html` (labels are HTML-like, so
// quotes, backslashes and `<script>` are plain characters there) and every other string through `quoted`.
// Identifiers are made by the views from ids, never from names. Same Diagram, same bytes.
import type { DCluster, DEdge, Diagram, DNode, LegendEntry, Line } from './graph.js';
import { CLUSTER_LOOKS, EDGE_LOOKS, HOP_COLOUR, type Attrs } from './style.js';

const FONT = 'Helvetica,Arial,sans-serif';
const DETAIL_COLOUR = '#555555';

/** Text for an HTML-like label: markup characters as entities, a newline as a line break, other controls dropped. */
export function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\r\n|\r|\n/g, '<BR/>')
    .replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\t' ? ' ' : ''));
}

/** A DOT double-quoted string. Backslashes are doubled so that escString attributes read them literally. */
export function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

function lineHtml(line: Line): string {
  const text = html(line.text);
  if (line.tone === 'title') return `<B>${text}</B>`;
  if (line.tone === 'mark') return `<FONT POINT-SIZE="8" COLOR="${HOP_COLOUR}"><B>${text}</B></FONT>`;
  if (line.tone === 'small') return `<FONT POINT-SIZE="8">${text}</FONT>`;
  if (line.tone === 'detail') return `<FONT POINT-SIZE="8" COLOR="${DETAIL_COLOUR}">${text}</FONT>`;
  return text;
}

/**
 * A label with hop numbers: its text lines, then the numbers as white-on-red cells, four to a row. (An
 * HTML-like label is either text or a single table, so the text goes in the table too.)
 */
function badgeTable(lines: readonly Line[]): string {
  const text = lines.filter((l) => l.tone !== 'badge').map((l) => `<TR><TD COLSPAN="4">${lineHtml(l)}</TD></TR>`);
  const cells = lines.filter((l) => l.tone === 'badge').map((l) => `<TD BGCOLOR="${HOP_COLOUR}"><FONT COLOR="white" POINT-SIZE="11"><B>${html(l.text)}</B></FONT></TD>`);
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 4) rows.push(`<TR>${cells.slice(i, i + 4).join('')}</TR>`);
  return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">${text.join('')}${rows.join('')}</TABLE>`;
}

/** An HTML-like label value (`<…>`), or an empty quoted string when there are no lines. */
export function labelValue(lines: readonly Line[]): string {
  if (lines.length === 0) return '""';
  if (lines.some((l) => l.tone === 'badge')) return `<${badgeTable(lines)}>`;
  return `<${lines.map(lineHtml).join('<BR/>')}>`;
}

function attrList(attrs: Attrs, extra: string[] = []): string {
  const parts = Object.entries(attrs).map(([k, v]) => `${k}=${typeof v === 'number' ? String(v) : quoted(v)}`);
  return `[${[...extra, ...parts].join(' ')}]`;
}

function nodeLine(n: DNode, indent: string): string {
  const attrs: Attrs = { id: n.id, shape: n.shape };
  if (n.fill) Object.assign(attrs, { style: 'filled', fillcolor: n.fill });
  if (n.marks?.length) Object.assign(attrs, { color: HOP_COLOUR, penwidth: 2.5 });
  const lines = [...n.lines, ...(n.marks ?? []).map((text): Line => ({ text, tone: 'mark' }))];
  return `${indent}${n.id} ${attrList(attrs, [`label=${labelValue(lines)}`])}`;
}

function clusterLines(d: Diagram, c: DCluster, depth: number, out: string[]): void {
  const indent = '  '.repeat(depth);
  const inner = `${indent}  `;
  out.push(`${indent}subgraph ${c.id} {`);
  const attrs: Attrs = { ...CLUSTER_LOOKS[c.style] };
  if (c.fill) Object.assign(attrs, { style: `filled,${String(attrs.style ?? 'solid')}`, fillcolor: c.fill });
  for (const [k, v] of Object.entries(attrs)) out.push(`${inner}${k}=${typeof v === 'number' ? String(v) : quoted(v)}`);
  out.push(`${inner}label=${labelValue(c.lines)}`);
  for (const child of c.clusters) clusterLines(d, child, depth + 1, out);
  for (const id of c.nodes) out.push(nodeLine(d.nodes.get(id)!, inner));
  out.push(`${indent}}`);
}

function edgeLine(e: DEdge): string {
  const attrs: Attrs = { id: e.id, ...EDGE_LOOKS[e.style].attrs };
  if (!e.directed) attrs.dir = 'none';
  const extra: string[] = [];
  if (e.label?.length) extra.push(`label=${labelValue(e.label)}`);
  if (e.tailLabel) extra.push(`taillabel=${labelValue([{ text: e.tailLabel, tone: 'detail' }])}`);
  if (e.headLabel) extra.push(`headlabel=${labelValue([{ text: e.headLabel, tone: 'detail' }])}`);
  return `  ${e.tail} -> ${e.head} ${attrList(attrs, extra)}`;
}

/** Sample strokes for the legend table, drawn with characters (a table cell cannot hold a line style). */
function sampleStroke(style: string | number | undefined): string {
  if (style === 'dashed') return '╍ ╍ ╍ ╍';
  if (style === 'dotted') return '┈┈┈┈┈';
  return '━━━━━';
}

function legendNode(entries: readonly LegendEntry[]): string {
  const rows = entries.map((e) => {
    const sample =
      'edge' in e.sample
        ? `<TD><FONT COLOR="${String(EDGE_LOOKS[e.sample.edge].attrs.color)}">${sampleStroke(EDGE_LOOKS[e.sample.edge].attrs.style)}</FONT></TD>`
        : `<TD BGCOLOR="${e.sample.fill}"> </TD>`;
    return `<TR>${sample}<TD ALIGN="LEFT">${html(e.text)}</TD></TR>`;
  });
  const table = `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2"><TR><TD COLSPAN="2"><B>legend</B></TD></TR>${rows.join('')}</TABLE>`;
  return `  legend [id="legend" shape=box style="rounded" color="#cccccc" fontsize=9 label=<${table}>]`;
}

/**
 * Above this many nodes, layout effort is capped: fewer network-simplex and crossing-minimisation passes and
 * straight edges. A 1,000-node network then lays out in seconds rather than minutes, with a few more crossings.
 */
export const LARGE_DIAGRAM = 300;
const LARGE_LAYOUT: Attrs = { nslimit: 0.05, mclimit: 0.01, splines: 'line' };

export function toDot(d: Diagram): string {
  const layout: Attrs = { rankdir: 'TB', fontname: FONT, fontsize: 12, nodesep: 0.35, ranksep: 0.6, labelloc: 't', newrank: 'true' };
  if (d.nodes.size > LARGE_DIAGRAM) Object.assign(layout, LARGE_LAYOUT);
  const out: string[] = [
    'digraph topo {',
    `  graph ${attrList(layout, [`label=${labelValue([{ text: d.title, tone: 'title' }])}`])}`,
    `  node ${attrList({ fontname: FONT, fontsize: 10, margin: '0.08,0.04', height: 0.3 })}`,
    `  edge ${attrList({ fontname: FONT, fontsize: 8, arrowsize: 0.7 })}`,
  ];
  for (const c of d.root.clusters) clusterLines(d, c, 1, out);
  for (const id of d.root.nodes) out.push(nodeLine(d.nodes.get(id)!, '  '));
  for (const e of d.edges) out.push(edgeLine(e));
  if (d.legend.length > 0) out.push(legendNode(d.legend));
  out.push('}', '');
  return out.join('\n');
}

// A self-contained HTML page: the SVG inline, and for a flow its hop table. Clicking a hop number (in the
// table or on the diagram) highlights that hop's edge and shows its header stack. No external resources,
// so the file opens offline; user text is escaped, and the hop data is JSON with `<` escaped so that it
// cannot close its <script> element.
import type { HopTable } from '../hops-table.js';
import { html } from './dot.js';

/** One hop as `topo hops` shows it. */
export interface HopRow {
  n: number;
  /** The id of the hop's edge in the SVG. */
  edge: string;
  /** "hop 2 · enb → sgw · segment 1 (phone → ldns, udp/53)" */
  title: string;
  from: string;
  to: string;
  /** What the sending node changed (NAT, encapsulation, TTL…). */
  changes: readonly string[];
  /** The header stack: fields by layer (outer … inner), each value with the node that owns it. */
  stack: HopTable;
}

export interface HtmlPage {
  title: string;
  svg: string;
  hops?: HopRow[];
}

const STYLE = `
body { font: 14px/1.4 Helvetica, Arial, sans-serif; margin: 1em; color: #222; }
h1 { font-size: 1.2em; }
#diagram svg { max-width: 100%; height: auto; }
#flow { display: flex; gap: 2em; align-items: flex-start; }
table { border-collapse: collapse; }
td, th { border-bottom: 1px solid #ddd; padding: 2px 8px; text-align: left; vertical-align: top; }
button.hop { font: bold 12px Helvetica, Arial, sans-serif; color: #fff; background: #d7191c; border: 0; border-radius: 1em; min-width: 2em; cursor: pointer; }
tr.selected { background: #fff3c4; }
#stack { min-width: 22em; }
#stack h2 { font-size: 1em; }
#stack table { border-left: 4px solid #d7191c; background: #f7f7f7; }
#stack td { font-family: monospace; }
#stack .owner { color: #777; }
g.edge.highlight path { stroke: #ffb000; stroke-width: 7; }
g.edge.highlight polygon { fill: #ffb000; stroke: #ffb000; }
g.edge[id^="hop_"] { cursor: pointer; }
`;

// Runs in the page: clicking a hop's button or its edge selects the hop.
const SCRIPT = `
const hops = JSON.parse(document.getElementById('hop-data').textContent);
const stack = document.getElementById('stack');
function text(tag, value) { const e = document.createElement(tag); e.textContent = value; return e; }
function select(n) {
  const hop = hops.find((h) => h.n === n);
  if (!hop) return;
  document.querySelectorAll('g.edge.highlight').forEach((e) => e.classList.remove('highlight'));
  document.querySelectorAll('tr.selected').forEach((e) => e.classList.remove('selected'));
  document.getElementById(hop.edge)?.classList.add('highlight');
  document.getElementById('row-' + n)?.classList.add('selected');
  const table = document.createElement('table');
  const head = table.insertRow();
  for (const c of ['', ...hop.stack.columns]) head.append(text('th', c));
  for (const row of hop.stack.rows) {
    const tr = table.insertRow();
    tr.append(text('th', row.field));
    for (const c of row.cells) {
      const owner = text('span', [c.owner, c.note].filter(Boolean).join(' '));
      owner.className = 'owner';
      tr.insertCell().append(c.value + ' ', owner);
    }
  }
  stack.replaceChildren(text('h2', hop.title), table);
  stack.dataset.hop = String(n);
}
document.querySelectorAll('button.hop').forEach((b) => b.addEventListener('click', () => select(Number(b.dataset.hop))));
// An edge carries every hop between its two nodes: clicking it again selects its next hop.
const byEdge = new Map();
for (const hop of hops) byEdge.set(hop.edge, [...(byEdge.get(hop.edge) ?? []), hop.n]);
for (const [edge, ns] of byEdge) {
  document.getElementById(edge)?.addEventListener('click', () => select(ns[(ns.indexOf(Number(stack.dataset.hop)) + 1) % ns.length]));
}
`;

/** The SVG element alone: the XML declaration and DOCTYPE are not allowed inside an HTML document. */
function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  return start < 0 ? svg : svg.slice(start);
}

/** JSON that is safe inside a <script> element: `<` cannot open `</script>` or `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function hopTable(hops: readonly HopRow[]): string {
  const rows = hops.map(
    (h) =>
      `<tr id="row-${h.n}"><td><button class="hop" data-hop="${h.n}">${h.n}</button></td><td>${html(h.from)} → ${html(h.to)}</td>` +
      `<td>${h.changes.map(html).join('<br>')}</td></tr>`,
  );
  return `<table><thead><tr><th>hop</th><th>wire</th><th>changes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function diagramHtml(page: HtmlPage): string {
  const title = html(page.title);
  const flow = page.hops
    ? `<div id="flow">${hopTable(page.hops)}<aside id="stack"><p>Click a hop number to see its headers.</p></aside></div>` +
      `<script type="application/json" id="hop-data">${scriptJson(page.hops)}</script><script>${SCRIPT}</script>`
    : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style></head><body>`,
    `<h1>${title}</h1>`,
    `<div id="diagram">${inlineSvg(page.svg)}</div>`,
    flow,
    '</body></html>',
    '',
  ].join('\n');
}

import type { Diagnostic } from '../diagnostic.js';
import type { SourceText } from '../span.js';
import { palette, type Palette } from './colors.js';
import { marksOf, renderLine, type LineMark, type MarkStyles } from './snippet.js';
import { formatSummary, summarize } from './summary.js';

export interface PrettyOptions {
  /** ANSI colours; decide with wantsColor() for the stream the text goes to. */
  color: boolean;
  /** Longest source excerpt, in characters, before a line is cut to a window around its marks. */
  maxWidth?: number;
}

export const DEFAULT_MAX_WIDTH = 120;

/**
 * The rustc-style report: every diagnostic, a blank line between them, then the summary line.
 * Nothing (the empty string) when there are no diagnostics: a clean run is the caller's to announce.
 */
export function renderPretty(diags: readonly Diagnostic[], sources: ReadonlyMap<string, SourceText>, opts: PrettyOptions): string {
  if (diags.length === 0) return '';
  const c = palette(opts.color);
  const maxWidth = opts.maxWidth ?? DEFAULT_MAX_WIDTH;
  const blocks = diags.map((d) => renderDiagnostic(d, sources, c, maxWidth));
  return `${blocks.join('\n\n')}\n\n${formatSummary(summarize(diags), c)}\n`;
}

/** The marks of one file, and the position its `-->` line names. */
interface FileGroup {
  file: string;
  line: number;
  col: number;
  src: SourceText | undefined;
  marks: LineMark[];
}

/** One diagnostic, without a trailing newline. */
export function renderDiagnostic(d: Diagnostic, sources: ReadonlyMap<string, SourceText>, c: Palette, maxWidth: number): string {
  const sevColor = d.severity === 'error' ? c.red : c.yellow;
  const styles: MarkStyles = { primary: (s) => c.bold(sevColor(s)), secondary: (s) => c.bold(c.blue(s)) };
  const groups = groupByFile(d, sources);
  const width = String(Math.max(...groups.flatMap((g) => g.marks.map((m) => m.line)), 1)).length;
  const pad = ' '.repeat(width);
  const gutter = (num: string) => c.bold(c.blue(`${num.padStart(width)} |`));
  const rows = [`${c.bold(sevColor(`${d.severity}[${d.code}]`))}${c.bold(`: ${d.message}`)}`];

  groups.forEach((g, i) => {
    if (i > 0) rows.push(gutter(''));
    rows.push(`${pad}${c.bold(c.blue('-->'))} ${g.file}:${g.line}:${g.col}`);
    if (!g.src || g.marks.length === 0) return;
    const src = g.src;
    rows.push(gutter(''));
    const lines = [...new Set(g.marks.map((m) => m.line))].sort((a, b) => a - b);
    let prev = 0;
    for (const line of lines) {
      // A single skipped line is shown (it costs no more room than `...`); longer gaps are elided.
      if (prev > 0 && line - prev === 2) rows.push(withGutter(gutter(String(prev + 1)), renderLine(src.lineText(prev + 1), [], maxWidth, styles).source));
      else if (prev > 0 && line - prev > 2) rows.push(c.bold(c.blue('...')));
      const { source, rows: markRows } = renderLine(src.lineText(line), g.marks.filter((m) => m.line === line), maxWidth, styles);
      rows.push(withGutter(gutter(String(line)), source));
      for (const r of markRows) rows.push(withGutter(gutter(''), r));
      prev = line;
    }
  });

  rows.push(gutter(''));
  const equals = (kind: string, text: string) => {
    const indent = `\n${pad}   ${' '.repeat(kind.length + 2)}`;
    rows.push(`${pad} ${c.bold(c.blue('='))} ${c.bold(`${kind}:`)} ${text.split(/\r?\n/).join(indent)}`);
  };
  for (const note of d.notes) equals('note', note);
  if (d.help !== undefined) equals('help', d.help);
  equals('docs', `docs/diagnostics/${d.code}.md`);
  return rows.join('\n');
}

function withGutter(gutter: string, text: string): string {
  return text === '' ? gutter : `${gutter} ${text}`;
}

/**
 * The primary span's file first, then other files in the order related spans name them. Marks are only made
 * where the source is known and the span lies inside it; otherwise the group shows just its `-->` line.
 */
function groupByFile(d: Diagnostic, sources: ReadonlyMap<string, SourceText>): FileGroup[] {
  const groups = new Map<string, FileGroup>();
  const spans = [{ span: d.span, label: d.label ?? '', primary: true }, ...d.related.map((r) => ({ ...r, primary: false }))];
  for (const { span, label, primary } of spans) {
    let g = groups.get(span.file);
    if (!g) {
      g = { file: span.file, line: span.line, col: span.col, src: sources.get(span.file), marks: [] };
      groups.set(span.file, g);
    }
    if (g.src && span.line >= 1 && span.endLine <= g.src.lineCount && span.line <= span.endLine) {
      g.marks.push(...marksOf(span, g.src, label, primary));
    }
  }
  return [...groups.values()];
}

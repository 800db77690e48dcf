import type { SourceText, Span } from '../span.js';

/** A marked range on one source line, in 0-based UTF-16 offsets into the line's text (`end` exclusive). */
export interface LineMark {
  line: number;
  start: number;
  end: number;
  label: string;
  primary: boolean;
}

/** What one source line looks like on screen, and where each of its code units lands. */
interface LaidOutLine {
  text: string;
  /** Screen column (0-based, after any `...` prefix) of a 0-based offset in the line. */
  column(offset: number): number;
}

/** A mark in screen columns; `end` > `start` so that empty spans still get one marker. */
interface ColumnMark {
  start: number;
  end: number;
  label: string;
  primary: boolean;
}

/** How to colour primary and secondary markers and their labels (identity functions when plain). */
export interface MarkStyles {
  primary(text: string): string;
  secondary(text: string): string;
}

const TAB = '    ';
const ELLIPSIS = '...';

/**
 * Split a span into per-line marks. A span that ends at column 1 of a later line really ends with the line
 * before it. A multi-line span marks its first line from its start to the end of the line and its last line
 * from the first non-blank character to its end; the label goes on the last line.
 */
export function marksOf(span: Span, src: SourceText, label: string, primary: boolean): LineMark[] {
  let { endLine, endCol } = span;
  if (endLine > span.line && endCol === 1) {
    endLine--;
    endCol = src.lineText(endLine).length + 1;
  }
  if (endLine <= span.line) {
    return [{ line: span.line, start: span.col - 1, end: Math.max(endCol - 1, span.col - 1), label, primary }];
  }
  const first = src.lineText(span.line);
  const last = src.lineText(endLine);
  const indent = last.length - last.trimStart().length;
  return [
    { line: span.line, start: span.col - 1, end: first.length, label: '', primary },
    { line: endLine, start: Math.min(indent, endCol - 1), end: endCol - 1, label, primary },
  ];
}

/**
 * Lay out a line for display: tabs become four spaces, C0 control characters their visible Unicode pictures,
 * and C1 controls and bidirectional overrides U+FFFD, so that neither a binary file nor "Trojan source" text
 * can drive the terminal or reorder what is shown. A line longer than `maxWidth` is cut to a window around
 * `focus`, with `...` on the cut sides.
 */
function layoutLine(raw: string, focus: number, maxWidth: number): LaidOutLine {
  let from = 0;
  let to = raw.length;
  if (raw.length > maxWidth) {
    from = Math.max(0, Math.min(focus - Math.floor(maxWidth / 3), raw.length - maxWidth));
    if (isLowSurrogate(raw.charCodeAt(from))) from--;
    to = Math.min(raw.length, from + maxWidth);
  }
  const prefix = from > 0 ? ELLIPSIS : '';
  const cols: number[] = [];
  let text = prefix;
  let width = prefix.length;
  for (let i = from; i < to; i++) {
    cols.push(width);
    const c = raw.charCodeAt(i);
    if (c === 9) text += TAB;
    else if (c < 32) text += String.fromCharCode(0x2400 + c);
    else if (c === 127) text += '\u2421';
    else if ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) text += '\ufffd';
    else text += raw[i];
    width += c === 9 ? TAB.length : charWidth(c);
  }
  cols.push(width);
  if (to < raw.length) text += ELLIPSIS;
  return {
    text,
    column(offset) {
      if (offset <= from) return offset < from ? 0 : prefix.length;
      if (offset >= to) return width + (offset > to ? ELLIPSIS.length : 0);
      return cols[offset - from];
    },
  };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Terminal columns of one UTF-16 code unit, so that markers line up under wide text. East Asian wide ranges
 * and astral characters (mostly emoji) take two columns; the low half of a surrogate pair takes none.
 */
function charWidth(c: number): number {
  if (isLowSurrogate(c)) return 0;
  if (c >= 0xd800 && c <= 0xdbff) return 2;
  const wide =
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
  return wide ? 2 : 1;
}

/** Source line and the rows of markers and labels under it, without the gutter. */
export function renderLine(raw: string, marks: readonly LineMark[], maxWidth: number, styles: MarkStyles): { source: string; rows: string[] } {
  const focusMark = marks.find((m) => m.primary) ?? marks[0];
  const laid = layoutLine(raw, focusMark ? focusMark.start : 0, maxWidth);
  const columnMarks = marks.map((m) => {
    const start = laid.column(m.start);
    return { start, end: Math.max(laid.column(m.end), start + 1), label: m.label, primary: m.primary };
  });
  return { source: laid.text, rows: markerRows(columnMarks, styles) };
}

type Style = 'primary' | 'secondary' | null;
type Cell = { ch: string; style: Style };

/**
 * rustc's layout: one row of `^^^` (primary) and `---` (secondary) markers; the rightmost label follows its
 * markers on that row when nothing is marked after it; every other label hangs below its marker's start on a
 * `|` connector, rightmost first, so that labels never cross.
 */
function markerRows(marks: ColumnMark[], styles: MarkStyles): string[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || Number(b.primary) - Number(a.primary));
  const first: Cell[] = [];
  for (const pass of [false, true]) {
    for (const m of sorted) if (m.primary === pass) fill(first, m.start, m.end, m.primary ? '^' : '-', styleOf(m));
  }
  const labelled = sorted.filter((m) => m.label !== '');
  const last = labelled[labelled.length - 1];
  const inline = last && sorted.every((m) => m === last || m.end <= last.start) ? last : undefined;
  if (inline) fill(first, first.length + 1, first.length + 1 + inline.label.length, inline.label, styleOf(inline));
  const rows = [first];
  const hanging = labelled.filter((m) => m !== inline).reverse();
  hanging.forEach((m, i) => {
    const connectors: Cell[] = [];
    for (const other of hanging.slice(i)) fill(connectors, other.start, other.start + 1, '|', styleOf(other));
    const labelRow: Cell[] = [];
    for (const other of hanging.slice(i + 1)) fill(labelRow, other.start, other.start + 1, '|', styleOf(other));
    fill(labelRow, m.start, m.start + m.label.length, m.label, styleOf(m));
    rows.push(connectors, labelRow);
  });
  return rows.map((row) => paint(row, styles));
}

function styleOf(m: ColumnMark): Style {
  return m.primary ? 'primary' : 'secondary';
}

/** Write `text` (or one character repeated) into cells [start, end), padding with spaces before it. */
function fill(cells: Cell[], start: number, end: number, text: string, style: Style): void {
  while (cells.length < start) cells.push({ ch: ' ', style: null });
  for (let i = start; i < end; i++) {
    const ch = text.length === 1 ? text : text[i - start];
    cells[i] = { ch, style };
  }
}

/** Join cells into a string, colouring each run of one style. */
function paint(cells: Cell[], styles: MarkStyles): string {
  let out = '';
  let i = 0;
  while (i < cells.length) {
    let j = i;
    let run = '';
    while (j < cells.length && cells[j].style === cells[i].style) run += cells[j++].ch;
    const style = cells[i].style;
    out += style === null ? run : styles[style](run);
    i = j;
  }
  return out.trimEnd();
}

/**
 * A range of source text. Offsets are UTF-16 code-unit offsets into the file's decoded text
 * (BOM removed), `end` exclusive. Lines and columns are 1-based; columns count UTF-16 code units.
 */
export interface Span {
  file: string;
  start: number;
  end: number;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** A decoded source file with its line-start table, shared by every stage that needs positions. */
export class SourceText {
  private starts: number[] | undefined;

  constructor(readonly path: string, readonly text: string) {}

  /** The offset where each line starts; computed when first needed (a valid file may never need it). */
  get lineStarts(): readonly number[] {
    if (this.starts) return this.starts;
    const text = this.text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    return (this.starts = starts);
  }

  /** 1-based line and column of an offset (binary search: O(log lines)). */
  position(offset: number): { line: number; col: number } {
    const line = this.lineOf(offset);
    return { line, col: offset - this.lineStarts[line - 1] + 1 };
  }

  /** 1-based line of an offset (binary search: O(log lines)). */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column of an offset, in UTF-16 code units. */
  colOf(offset: number): number {
    return offset - this.lineStarts[this.lineOf(offset) - 1] + 1;
  }

  span(start: number, end: number): Span {
    const s = this.position(start);
    const e = this.position(end);
    return { file: this.path, start, end, line: s.line, col: s.col, endLine: e.line, endCol: e.col };
  }

  /** The text of a 1-based line without its line terminator. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1] ?? this.text.length;
    let end = this.lineStarts[line] ?? this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/**
 * A span that keeps only its offsets and its source, and computes lines and columns when they are read: a
 * million-line file has millions of spans and few are ever shown. The AST's nodes are spans of this kind
 * themselves (they inherit this prototype and hold `source`, `start` and `end`: see grammar/nodes.ts).
 * It reads like any Span and serialises (JSON.stringify) as a plain one. Spreading one (`{ ...span }`) copies
 * only its own fields (source, start, end), not the computed ones: build a new span instead.
 */
export class OffsetSpan implements Span {
  constructor(readonly source: SourceText, readonly start: number, readonly end: number) {}

  get file(): string {
    return this.source.path;
  }

  get line(): number {
    return this.source.lineOf(this.start);
  }

  get col(): number {
    return this.source.colOf(this.start);
  }

  get endLine(): number {
    return this.source.lineOf(this.end);
  }

  get endCol(): number {
    return this.source.colOf(this.end);
  }

  toJSON(): Span {
    return { file: this.file, start: this.start, end: this.end, line: this.line, col: this.col, endLine: this.endLine, endCol: this.endCol };
  }
}

/** A plain span from the start of `first` to the end of `last` (spans may be OffsetSpans: never spread one). */
export function spanFromTo(first: Span, last: Span): Span {
  return { file: first.file, start: first.start, end: last.end, line: first.line, col: first.col, endLine: last.endLine, endCol: last.endCol };
}

/** A plain zero-width span at the end of `span`. */
export function spanAtEnd(span: Span): Span {
  return { file: span.file, start: span.end, end: span.end, line: span.endLine, col: span.endCol, endLine: span.endLine, endCol: span.endCol };
}

/** A span for diagnostics about a file as a whole (I/O errors, empty files): line 1, column 1. */
export function fileSpan(file: string): Span {
  return { file, start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
}

import type { Span, SourceText } from '../src/diagnostics/span.js';

/**
 * Span construction for the parser's hot path. The parser asks for positions in nearly increasing order,
 * so a cursor on the current line answers most lookups in O(1); anything else falls back to the binary
 * search of SourceText. Same results as `SourceText.span`.
 */
export class SpanMaker {
  private line = 0;
  private readonly starts: number[];

  constructor(readonly src: SourceText) {
    this.starts = src.lineStarts;
  }

  span(start: number, end: number): Span {
    const sl = this.lineOf(start);
    const sc = start - this.starts[sl] + 1;
    const el = end === start ? sl : this.lineOf(end);
    return { file: this.src.path, start, end, line: sl + 1, col: sc, endLine: el + 1, endCol: end - this.starts[el] + 1 };
  }

  /** 0-based line of an offset; moves the cursor there. */
  private lineOf(offset: number): number {
    const starts = this.starts;
    let l = this.line;
    if (offset >= starts[l]) {
      // Usually the same line or one of the next few.
      for (let k = 0; k < 4; k++) {
        if (l + 1 >= starts.length || offset < starts[l + 1]) return (this.line = l);
        l++;
      }
    }
    return (this.line = this.src.position(offset).line - 1);
  }
}

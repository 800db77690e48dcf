import { expect } from 'vitest';
import type { CheckResult } from '../../src/check/index.js';
import type { Span } from '../../src/diagnostics/span.js';

/**
 * Assert what every check result must satisfy whatever the input: registered-looking codes, a message, and
 * spans that lie inside their file's decoded text with line/col matching the offsets (via the result's
 * SourceText). A span in a file that was never decoded (I/O errors) must be the whole-file span at 1:1.
 */
export function expectWellFormed(result: CheckResult): void {
  for (const d of result.diagnostics) {
    expect(d.code, d.message).toMatch(/^TOPO\d{4}$/);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.message.length, d.code).toBeGreaterThan(0);
    expectValidSpan(result, d.span, d.code);
    for (const related of d.related) expectValidSpan(result, related.span, `${d.code} related`);
  }
}

function expectValidSpan(result: CheckResult, span: Span, what: string): void {
  const source = result.sources.get(span.file);
  const where = `${what} at ${span.file}:${span.line}:${span.col} [${span.start}, ${span.end})`;
  if (!source) {
    expect({ start: span.start, end: span.end, line: span.line, col: span.col }, where).toEqual({ start: 0, end: 0, line: 1, col: 1 });
    return;
  }
  expect(Number.isInteger(span.start) && Number.isInteger(span.end), where).toBe(true);
  expect(span.start, where).toBeGreaterThanOrEqual(0);
  expect(span.end, where).toBeGreaterThanOrEqual(span.start);
  expect(span.end, where).toBeLessThanOrEqual(source.text.length);
  expect({ line: span.line, col: span.col }, where).toEqual(source.position(span.start));
  expect({ line: span.endLine, col: span.endCol }, where).toEqual(source.position(span.end));
}

export function errorsOf(result: CheckResult) {
  return result.diagnostics.filter((d) => d.severity === 'error');
}

/** Run `fn` and return its result with its wall time in ms. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

import { describe, expect, test } from 'vitest';
import { renderJson, toJsonReport } from '../../src/diagnostics/render/json.js';
import { SourceText } from '../../src/diagnostics/span.js';
import { diagnostic, related, spanOf } from './helpers.js';

const a = new SourceText('a.topo', 'router a2\nrouter a2\n');
const b = new SourceText('b.topo', 'host h\n');

describe('json report', () => {
  test('the documented shape, every key present, absent label and help as null', () => {
    const dup = diagnostic(spanOf(a, 'a2', 1), {
      code: 'TOPO2002',
      message: 'duplicate name `a2`',
      label: 'declared again',
      related: [related(spanOf(a, 'a2'), 'first declared here')],
      notes: ['names are per scope'],
      help: 'rename one',
    });
    const unused = diagnostic(spanOf(b, 'h', 1), { code: 'TOPO2901', severity: 'warning', message: 'host `h` is never used' });
    expect(toJsonReport([dup, unused])).toEqual({
      diagnostics: [
        {
          code: 'TOPO2002', severity: 'error', message: 'duplicate name `a2`',
          file: 'a.topo', line: 2, col: 8, endLine: 2, endCol: 10,
          label: 'declared again',
          related: [{ file: 'a.topo', line: 1, col: 8, endLine: 1, endCol: 10, label: 'first declared here' }],
          notes: ['names are per scope'],
          help: 'rename one',
        },
        {
          code: 'TOPO2901', severity: 'warning', message: 'host `h` is never used',
          file: 'b.topo', line: 1, col: 6, endLine: 1, endCol: 7,
          label: null, related: [], notes: [], help: null,
        },
      ],
      summary: { errors: 1, warnings: 1, files: 2 },
    });
  });

  test('keys in a fixed order, indented, newline-terminated, parseable', () => {
    const text = renderJson([diagnostic(spanOf(b, 'host'))]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text).diagnostics[0])).toEqual([
      'code', 'severity', 'message', 'file', 'line', 'col', 'endLine', 'endCol', 'label', 'related', 'notes', 'help',
    ]);
  });

  test('a clean run is an empty list and zero counts', () => {
    expect(JSON.parse(renderJson([]))).toEqual({ diagnostics: [], summary: { errors: 0, warnings: 0, files: 0 } });
  });
});

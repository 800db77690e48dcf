import { describe, expect, test } from 'vitest';
import { renderDiagnostic, renderPretty } from '../../src/diagnostics/render/pretty.js';
import { palette } from '../../src/diagnostics/render/colors.js';
import { SourceText } from '../../src/diagnostics/span.js';
import { diagnostic, related, rows, sourcesOf, spanOf } from './helpers.js';

const plain = palette(false);

const net = new SourceText(
  'net.topo',
  [
    'as 64500 carrier {',
    '  link pgw -- nat { subnet: 10.0.3.0/30 }',
    '  router a2',
    '  sgw sgw',
    '  nat nat { ip: 10.0.4.2; pool: 203.0.113.0/28 }',
    '}',
    '',
  ].join('\n'),
);
const render = (d: Parameters<typeof renderDiagnostic>[0], ...srcs: SourceText[]) =>
  renderDiagnostic(d, sourcesOf(net, ...srcs), plain, 120);

describe('pretty renderer', () => {
  test('one line: header, location, carets with label, note, help, docs', () => {
    const d = diagnostic(spanOf(net, '10.0.4.2'), {
      message: 'address 10.0.4.2 is outside subnet 10.0.3.0/30 of link pgw -- nat',
      label: 'not in 10.0.3.0/30',
      notes: ['a node address must lie in one of its links'],
      help: 'use an address in 10.0.3.0/30, or omit `ip`',
    });
    expect(render(d)).toBe(
      rows(
        'error[TOPO2104]: address 10.0.4.2 is outside subnet 10.0.3.0/30 of link pgw -- nat',
        ' --> net.topo:5:17',
        '  |',
        '5 |   nat nat { ip: 10.0.4.2; pool: 203.0.113.0/28 }',
        '  |                 ^^^^^^^^ not in 10.0.3.0/30',
        '  |',
        '  = note: a node address must lie in one of its links',
        '  = help: use an address in 10.0.3.0/30, or omit `ip`',
        '  = docs: docs/diagnostics/TOPO2104.md',
      ),
    );
  });

  test('secondary spans on the same line and on another line; labels never cross', () => {
    const d = diagnostic(spanOf(net, '10.0.4.2'), {
      label: 'not in 10.0.3.0/30',
      related: [related(spanOf(net, '10.0.3.0/30'), "the link's subnet"), related(spanOf(net, 'pgw'), 'this end'), related(spanOf(net, 'pool'), 'pool here')],
    });
    expect(render(d)).toBe(
      rows(
        'error[TOPO2104]: something is wrong',
        ' --> net.topo:5:17',
        '  |',
        '2 |   link pgw -- nat { subnet: 10.0.3.0/30 }',
        "  |        ---                  ----------- the link's subnet",
        '  |        |',
        '  |        this end',
        '...',
        '5 |   nat nat { ip: 10.0.4.2; pool: 203.0.113.0/28 }',
        '  |                 ^^^^^^^^  ---- pool here',
        '  |                 |',
        '  |                 not in 10.0.3.0/30',
        '  |',
        '  = docs: docs/diagnostics/TOPO2104.md',
      ),
    );
  });

  test('a gap of one line is shown rather than elided', () => {
    const d = diagnostic(spanOf(net, 'ip'), { related: [related(spanOf(net, 'router'), 'here')] });
    expect(render(d)).toContain(rows('  |   ------ here', '4 |   sgw sgw', '5 |   nat nat'));
  });

  test('a secondary span in another file gets its own --> line', () => {
    const lib = new SourceText('lib/other.topo', 'router a2\n');
    const d = diagnostic(spanOf(net, 'a2'), { message: 'duplicate name `a2`', label: 'declared again here', related: [related(spanOf(lib, 'a2'), 'first declared here')] });
    expect(render(d, lib)).toBe(
      rows(
        'error[TOPO2104]: duplicate name `a2`',
        ' --> net.topo:3:10',
        '  |',
        '3 |   router a2',
        '  |          ^^ declared again here',
        '  |',
        ' --> lib/other.topo:1:8',
        '  |',
        '1 | router a2',
        '  |        -- first declared here',
        '  |',
        '  = docs: docs/diagnostics/TOPO2104.md',
      ),
    );
  });

  test('a multi-line span marks its first line to the end and its last line up to its end', () => {
    const open = net.text.indexOf('{');
    const d = diagnostic(net.span(open, net.text.lastIndexOf('}') + 1), { label: 'this block' });
    expect(render(d)).toBe(
      rows(
        'error[TOPO2104]: something is wrong',
        ' --> net.topo:1:18',
        '  |',
        '1 | as 64500 carrier {',
        '  |                  ^',
        '...',
        '6 | }',
        '  | ^ this block',
        '  |',
        '  = docs: docs/diagnostics/TOPO2104.md',
      ),
    );
  });

  test('a span ending at column 1 of the next line ends with the line before', () => {
    const start = net.text.indexOf('  router');
    const d = diagnostic(net.span(start, net.text.indexOf('  sgw')), { label: 'whole line' });
    expect(render(d)).toContain(rows('3 |   router a2', '  | ^^^^^^^^^^^ whole line', '  |'));
  });

  test('notes and help may span several lines; continuation lines are indented', () => {
    const d = diagnostic(spanOf(net, 'a2'), { notes: ['first\nsecond'], help: 'do this\nor that' });
    expect(render(d)).toContain(rows('  = note: first', '          second', '  = help: do this', '          or that'));
  });

  test('tabs are shown as four spaces and markers follow them', () => {
    const src = new SourceText('t.topo', 'router\ta2\t{ ip: 10.0.0.1/33 }\n');
    expect(render(diagnostic(spanOf(src, '/33'), { label: 'prefix too long' }), src)).toContain(
      rows('1 | router    a2    { ip: 10.0.0.1/33 }', '  |                               ^^^ prefix too long'),
    );
  });

  test('a long line is cut to a window around the primary span', () => {
    const src = new SourceText('l.topo', `announce: ${Array.from({ length: 40 }, (_, i) => `10.${i}.0.0/16`).join(', ')}\n`);
    const d = diagnostic(spanOf(src, '10.30.0.0/16'), { label: 'overlaps', related: [related(spanOf(src, '10.0.0.0/16'), 'first')] });
    expect(renderDiagnostic(d, sourcesOf(src), plain, 60)).toBe(
      rows(
        'error[TOPO2104]: something is wrong',
        ' --> l.topo:1:421',
        '  |',
        '1 | ...0/16, 10.29.0.0/16, 10.30.0.0/16, 10.31.0.0/16, 10.32.0.0/16...',
        '  | -                      ^^^^^^^^^^^^ overlaps',
        '  | |',
        '  | first',
        '  |',
        '  = docs: docs/diagnostics/TOPO2104.md',
      ),
    );
  });

  test('an empty span at the end of a file gets one caret after the last character', () => {
    const src = new SourceText('e.topo', 'link a -- b {');
    const end = src.text.length;
    expect(render(diagnostic(src.span(end, end), { label: 'expected `}`' }), src)).toContain(
      rows(' --> e.topo:1:14', '  |', '1 | link a -- b {', '  |              ^ expected `}`'),
    );
  });

  test('CRLF line ends are not shown and do not shift columns', () => {
    const src = new SourceText('c.topo', 'router a\r\nrouter b { ip: 1.2.3.400 }\r\n');
    expect(render(diagnostic(spanOf(src, '1.2.3.400'), { label: 'octet 400' }), src)).toContain(
      rows('2 | router b { ip: 1.2.3.400 }', '  |                ^^^^^^^^^ octet 400', '  |'),
    );
  });

  test('control characters are shown as symbols, never sent to the terminal', () => {
    const src = new SourceText('b.topo', 'ab\u0000\u001b[31mcd\n');
    const out = render(diagnostic(spanOf(src, 'cd')), src);
    expect(out).toContain(rows('1 | ab\u2400\u241b[31mcd', '  |         ^^'));
    expect(out).not.toContain('\u001b');
  });

  test('C1 controls and bidirectional overrides are replaced, so shown text is never reordered', () => {
    const src = new SourceText('r.topo', 'host "a\u202eb\u009bc" { ip: 1.2.3.999 }\n');
    expect(render(diagnostic(spanOf(src, '999')), src)).toContain(rows('1 | host "a\ufffdb\ufffdc" { ip: 1.2.3.999 }', `  |${' '.repeat(26)}^^^`));
  });

  test('wide characters take two columns', () => {
    const src = new SourceText('u.topo', 'host "\u{1F4F1}\u4E2D" { ip: 300.1.1.1 }\n');
    expect(render(diagnostic(spanOf(src, '300')), src)).toContain(`  |${' '.repeat(19)}^^^`);
  });

  test('a file without source (it could not be read) shows only its location', () => {
    const span = { file: 'missing.topo', start: 0, end: 0, line: 1, col: 1, endLine: 1, endCol: 1 };
    const d = diagnostic(span, { code: 'TOPO0001', message: 'cannot read missing.topo: no such file' });
    expect(render(d)).toBe(
      rows('error[TOPO0001]: cannot read missing.topo: no such file', ' --> missing.topo:1:1', '  |', '  = docs: docs/diagnostics/TOPO0001.md'),
    );
  });

  test('the gutter is as wide as the largest line number', () => {
    const src = new SourceText('w.topo', `${'\n'.repeat(99)}router a2\n`);
    expect(render(diagnostic(spanOf(src, 'a2')), src)).toContain(rows('   --> w.topo:100:8', '    |', '100 | router a2', '    |        ^^'));
  });
});

describe('pretty report', () => {
  const error = diagnostic(spanOf(net, '10.0.4.2'));
  const warning = diagnostic(spanOf(net, 'a2'), { severity: 'warning', code: 'TOPO2901', message: 'router `a2` is never used' });

  test('diagnostics separated by blank lines, then the summary', () => {
    const out = renderPretty([error, warning, error], sourcesOf(net), { color: false });
    expect(out.split('\n\n')).toHaveLength(4);
    expect(out.endsWith('\n\nerror: 2 errors, 1 warning in 1 file\n')).toBe(true);
  });

  test('warnings only: a warning summary', () => {
    expect(renderPretty([warning], sourcesOf(net), { color: false })).toMatch(/\nwarning: 0 errors, 1 warning in 1 file\n$/);
  });

  test('nothing at all when there is nothing to report', () => {
    expect(renderPretty([], sourcesOf(net), { color: false })).toBe('');
  });

  test('colour on: ANSI codes, and the same text once they are stripped', () => {
    const coloured = renderPretty([error, warning], sourcesOf(net), { color: true });
    const plainText = renderPretty([error, warning], sourcesOf(net), { color: false });
    expect(coloured).toContain('\u001b[31m');
    expect(coloured).toContain('\u001b[33m');
    expect(plainText).not.toContain('\u001b');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plainText);
  });

  test('same input, same bytes', () => {
    const once = renderPretty([error, warning], sourcesOf(net), { color: false });
    expect(renderPretty([error, warning], sourcesOf(net), { color: false })).toBe(once);
  });
});

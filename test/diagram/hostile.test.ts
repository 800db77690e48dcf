// Names with quotes, backslashes, markup, newlines and non-ASCII must stay text in DOT, SVG and HTML.
import { describe, expect, test } from 'vitest';
import { html, quoted } from '../../src/emit/diagram/dot.js';
import { diagram, parseView } from '../../src/emit/diagram/index.js';
import { diagramHtml } from '../../src/emit/diagram/html.js';
import { renderSvg } from '../../src/emit/diagram/svg.js';
import { inputFor, nativeDot, parseSvg, runNativeDot, svgTexts } from './helpers.js';

const HOSTILE = 'test/diagram/fixtures/hostile.topo';
const VIEWS = ['physical', 'routing', 'flow:f&<i>'];

describe('escaping', () => {
  test('html() leaves no markup, turns newlines into line breaks and drops control characters', () => {
    expect(html('a<b>&"c\'')).toBe('a&lt;b&gt;&amp;&quot;c&#39;');
    expect(html('x\ny\r\nz')).toBe('x<BR/>y<BR/>z');
    expect(html('a\u0000b\tc')).toBe('ab c');
    expect(html('日本語 🚀')).toBe('日本語 🚀');
  });

  test('quoted() escapes quotes and backslashes so that DOT reads them literally', () => {
    expect(quoted('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });
});

describe.each(VIEWS)('hostile names, %s view', (view) => {
  const input = inputFor(HOSTILE, view);
  const out = diagram(input, parseView(view)!);

  test.skipIf(!nativeDot)('native dot accepts the DOT', () => {
    const r = runNativeDot(out.dot);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    parseSvg(r.stdout);
  });

  test('the SVG is XML and shows every name as written', async () => {
    const svg = await renderSvg(out.dot);
    const texts = svgTexts(svg).join('\n');
    expect(texts).toContain('r<script>alert(1)</script>');
    expect(texts).toContain('back\\slash "q" ]; x -> y [');
    if (view !== 'routing') {
      expect(texts).toContain('日本語 é ü 🚀');
      expect(texts).toContain('svc </svg> & --> <!--');
      // A newline in a name is a line break: each half is its own text element.
      expect(texts).toMatch(/^multi$/m);
      expect(texts).toMatch(/^line$/m);
    }
    expect(svg).not.toContain('<script');
  });

  test('the HTML page has only its own elements', async () => {
    const page = diagramHtml({ title: input.title, svg: await renderSvg(out.dot), hops: out.hops });
    expect(page.match(/<script/g)?.length ?? 0).toBe(out.hops ? 2 : 0);
    expect(page).not.toContain('<b>bold</b>');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('r&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { compile } from '../../src/driver/index.js';
import { parseView, viewName, type DiagramInput } from '../../src/emit/diagram/index.js';

/** The diagram input of an error-free file, titled as `topo diagram` titles it. */
export function inputFor(path: string, view = 'physical'): DiagramInput {
  const c = compile([path]).compilations[0];
  if (!c.program || !c.network || !c.routing) throw new Error(`${path} does not compile: ${c.diagnostics.map((d) => d.message).join('; ')}`);
  return { program: c.program, network: c.network, routing: c.routing, title: `${basename(path)} — ${viewName(parseView(view)!)}` };
}

/** Whether native Graphviz is installed (Debian package `graphviz`; CI's .ci/run installs it). */
export const nativeDot = spawnSync('dot', ['-V'], { encoding: 'utf8' }).status === 0;

/** Native `dot -Tsvg` on `dot`: its exit status, stderr and SVG. */
export function runNativeDot(dot: string, format = 'svg'): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync('dot', [`-T${format}`], { input: dot, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

/** Parses SVG as XML, throwing on anything malformed. */
export function parseSvg(svg: string): Record<string, unknown> {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`invalid XML: ${valid.err.msg} at line ${valid.err.line}`);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true }).parse(svg) as Record<string, unknown>;
}

/** Every text node of an SVG, in document order (labels as the reader sees them). */
export function svgTexts(svg: string): string[] {
  const texts: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k === 'text') (Array.isArray(child) ? child : [child]).forEach((t) => texts.push(typeof t === 'object' ? String((t as Record<string, unknown>)['#text'] ?? '') : String(t)));
        else visit(child);
      }
    }
  };
  visit(parseSvg(svg));
  return texts;
}

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { astData, fragment, parse } from './helpers.js';

describe('parseFile on any input', () => {
  it('never throws and keeps every span inside the text', () => {
    const input = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fragment, { maxLength: 60 }).map((a) => a.join('')));
    fc.assert(
      fc.property(input, (text) => {
        const r = parse(text);
        for (const d of r.diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.start).toBeLessThanOrEqual(d.span.end);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000, seed: 20261125 },
    );
  });

  it('is deterministic', () => {
    const text = 'as 1 a {\n router x { ip = 1 }\n link x -- { }\n}\n}\nflow f { to: 10.0.0.300 }';
    const data = (r: ReturnType<typeof parse>) => JSON.stringify({ file: astData(r.file), diagnostics: r.diagnostics });
    expect(data(parse(text))).toBe(data(parse(text)));
  });
});

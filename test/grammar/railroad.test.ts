import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GRAMMAR_HTML, railroadHtml } from '../../grammar/railroad.js';

it('docs/grammar.html is generated from the current grammar (node dist/grammar/railroad.js)', () => {
  const html = railroadHtml();
  expect(html).toContain('statement');
  expect(readFileSync(GRAMMAR_HTML, 'utf8')).toBe(html);
});

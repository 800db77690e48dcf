/**
 * Writes docs/grammar.html: railroad (syntax) diagrams of the parser's rules, drawn by Chevrotain from the
 * grammar itself, so they cannot drift from it. Run from the repo root after a build:
 *   node dist/grammar/railroad.js
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createSyntaxDiagramsCode } from './chevrotain.js';
import { getParser } from './parser.js';

export const GRAMMAR_HTML = 'docs/grammar.html';

export function railroadHtml(): string {
  return createSyntaxDiagramsCode(getParser().getSerializedGastProductions());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(GRAMMAR_HTML, railroadHtml());
  process.stdout.write(`wrote ${GRAMMAR_HTML}\n`);
}

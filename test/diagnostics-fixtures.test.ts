// Golden tests for diagnostics: each test/fixtures/diagnostics/TOPOnnnn*.topo is checked and its whole pretty
// report pinned in TOPOnnnn*.expected.txt beside it. Extra files a fixture imports belong in a sub-folder
// (they are not fixtures themselves). Paths are relative to the repo root, where `npm test` runs, so the
// `-->` lines are the same on every machine. Refresh goldens with UPDATE_GOLDEN=1 and review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compile } from '../src/driver/index.js';
import { allCodes } from '../src/diagnostics/codes/index.js';
import { renderCodesIndex } from '../src/diagnostics/render/codes-index.js';
import { renderPretty } from '../src/diagnostics/render/pretty.js';

const FIXTURES = 'test/fixtures/diagnostics';
const DOCS = 'docs/diagnostics';
const CODE = /^TOPO\d{4}/;
const update = process.env.UPDATE_GOLDEN === '1';
const inCi = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

const list = (dir: string, pattern: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((n) => pattern.test(n)).sort() : []);
const fixtures = list(FIXTURES, /^TOPO\d{4}.*\.topo$/);
const docPages = list(DOCS, /^TOPO\d{4}\.md$/);
const registered = new Set(allCodes.map((c) => c.code));
const codeOf = (name: string) => CODE.exec(name)![0];

describe('diagnostic fixtures', () => {
  test.each(fixtures)('%s', (name) => {
    const path = `${FIXTURES}/${name}`;
    const { diagnostics, sources } = compile([path]);
    const output = renderPretty(diagnostics, sources, { color: false });
    expect(output).toContain(`[${codeOf(name)}]`);

    const golden = path.replace(/\.topo$/, '.expected.txt');
    if (update || (!existsSync(golden) && !inCi)) {
      writeFileSync(golden, output);
      return;
    }
    if (!existsSync(golden)) throw new Error(`${golden} is missing: run the tests with UPDATE_GOLDEN=1 and commit it`);
    expect(output).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('diagnostic code registry', () => {
  test('every code has a fixture and a docs page', () => {
    const withFixture = new Set(fixtures.map(codeOf));
    const docs = new Set(docPages.map(codeOf));
    expect([...registered].filter((c) => !withFixture.has(c)), 'codes without a fixture').toEqual([]);
    expect([...registered].filter((c) => !docs.has(c)), 'codes without docs/diagnostics/CODE.md').toEqual([]);
  });

  test('every fixture and docs page names a registered code', () => {
    expect(fixtures.filter((n) => !registered.has(codeOf(n))), 'fixtures of unknown codes').toEqual([]);
    expect(docPages.filter((n) => !registered.has(codeOf(n))), 'docs pages of unknown codes').toEqual([]);
  });

  test('codes are unique and well-formed', () => {
    expect(allCodes.map((c) => c.code).filter((c) => !/^TOPO\d{4}$/.test(c))).toEqual([]);
    expect(registered.size).toBe(allCodes.length);
  });

  test('docs/diagnostics/README.md is up to date (npm run docs:codes)', () => {
    expect(readFileSync(`${DOCS}/README.md`, 'utf8')).toBe(renderCodesIndex(allCodes));
  });
});

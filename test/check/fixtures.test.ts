import { lstatSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkFiles } from '../../src/check/index.js';
import {
  addressCodes, cloudCodes, flowCodes, ioCodes, lintCodes, mobileCodes, resolveCodes, servicesCodes, topologyCodes,
} from '../../src/diagnostics/codes/index.js';

// Each fixture of the resolve and check codes triggers its own code and nothing else: a fixture that
// also raised an unrelated error or warning would pin the wrong behaviour in its golden file.
const DIR = 'test/fixtures/diagnostics';
const mine = new Set(
  [ioCodes, resolveCodes, addressCodes, topologyCodes, servicesCodes, mobileCodes, cloudCodes, flowCodes, lintCodes]
    .flatMap((group) => Object.values(group).map((c) => c.code)),
);

describe('resolve and check fixtures', () => {
  test('every code of these areas has a fixture', () => {
    const names = new Set(readdirSync(DIR).map((n) => n.slice(0, 8)));
    expect([...mine].filter((c) => !names.has(c))).toEqual([]);
  });

  test.each([...mine].sort())('%s triggers exactly its code', (code) => {
    const path = `${DIR}/${code}.topo`;
    // TOPO0001 and TOPO0003 are symbolic links (dangling; to itself): lstat sees them, reading fails.
    expect(lstatSync(path, { throwIfNoEntry: false })).toBeDefined();
    const found = checkFiles([path]).diagnostics.map((d) => `${d.code} ${d.span.line}:${d.span.col} ${d.message}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((d) => !d.startsWith(code))).toEqual([]);
  });
});

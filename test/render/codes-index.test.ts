import { expect, test } from 'vitest';
import { defineCode } from '../../src/diagnostics/diagnostic.js';
import { renderCodesIndex } from '../../src/diagnostics/render/codes-index.js';

test('one linked row per code, with severity and title; pipes in titles escaped', () => {
  const codes = [
    defineCode({ code: 'TOPO0001', severity: 'error', title: 'file not found', message: () => 'x' }),
    defineCode({ code: 'TOPO2901', severity: 'warning', title: 'unused a | b', message: () => 'x' }),
  ];
  const text = renderCodesIndex(codes);
  expect(text).toContain('2 codes.');
  expect(text).toContain('| [TOPO0001](TOPO0001.md) | error | file not found |\n| [TOPO2901](TOPO2901.md) | warning | unused a \\| b |\n');
  expect(text.startsWith('# Diagnostic codes\n')).toBe(true);
});

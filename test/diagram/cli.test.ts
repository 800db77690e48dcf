// `topo diagram` end to end: the built CLI, as users run it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { topo } from '../cli/helpers.js';
import { parseSvg } from './helpers.js';

const FLAGSHIP = 'examples/order-from-phone.topo';
const dir = mkdtempSync(join(tmpdir(), 'topo-diagram-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('DOT on standard output by default: the physical view, matching its golden', () => {
  const r = topo(['diagram', FLAGSHIP]);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(readFileSync('examples/expected/diagram/order-from-phone.physical.dot', 'utf8'));
});

test('-o writes SVG and HTML files', () => {
  const svg = join(dir, 'order.svg');
  const html = join(dir, 'order.html');
  expect(topo(['diagram', FLAGSHIP, '--view', 'flow:order', '-f', 'svg', '-o', svg]).status).toBe(0);
  expect(topo(['diagram', FLAGSHIP, '--view', 'flow:order', '-f', 'html', '-o', html]).status).toBe(0);
  parseSvg(readFileSync(svg, 'utf8'));
  const page = readFileSync(html, 'utf8');
  expect(page).toMatch(/^<!DOCTYPE html>/);
  expect(page).toContain('id="hop_1"');
  expect(page).not.toMatch(/(src|href)="https?:/);
});

test('a bad view or an unknown flow is a usage error that says what is accepted', () => {
  const bad = topo(['diagram', FLAGSHIP, '--view', 'sideways']);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('physical, routing or flow:NAME');
  const unknown = topo(['diagram', FLAGSHIP, '--view', 'flow:nope']);
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toContain('its flows: order, asset');
});

test('a file with errors reports them and draws nothing', () => {
  const r = topo(['diagram', 'test/diagram/fixtures/does-not-exist.topo']);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
});

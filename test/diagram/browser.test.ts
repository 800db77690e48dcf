// Opens the HTML view in headless Chromium (Debian's `chromium`, driven by playwright-core): the diagram must
// render, and clicking a hop number must highlight that hop's edge and show that hop's header stack.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diagram, parseView } from '../../src/emit/diagram/index.js';
import { diagramHtml, type HopRow } from '../../src/emit/diagram/html.js';
import { renderSvg } from '../../src/emit/diagram/svg.js';
import { inputFor } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FLAGSHIP = 'examples/order-from-phone.topo';

let browser: BrowserContext;
let dir: string;

async function page(path: string, view: string): Promise<{ page: Page; hops: HopRow[] }> {
  const input = inputFor(path, view);
  const out = diagram(input, parseView(view)!);
  const file = join(dir, `${view.replace(':', '-')}.html`);
  writeFileSync(file, diagramHtml({ title: input.title, svg: await renderSvg(out.dot), hops: out.hops }));
  const p = await browser.newPage();
  // The page must need nothing from the network.
  await p.route(/^(?!file:)/, (route) => route.abort());
  await p.goto(`file://${file}`);
  return { page: p, hops: out.hops ?? [] };
}

describe.skipIf(!existsSync(CHROMIUM))('HTML view in Chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'topo-diagram-'));
    // A fresh, empty profile: launchPersistentContext passes it to Chromium as --user-data-dir.
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, headless: true, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the physical view renders: nodes and edges with size', async () => {
    const { page: p } = await page(FLAGSHIP, 'physical');
    const box = await p.locator('#diagram svg').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(300);
    expect(await p.locator('g.node').count()).toBeGreaterThan(30);
    expect(await p.locator('#e_tunnel_0').count()).toBe(1);
    const enb = await p.locator('g.node#n2').boundingBox();
    expect(enb!.width).toBeGreaterThan(10);
  });

  test('clicking a hop highlights its edge and shows its header stack', async () => {
    const { page: p, hops } = await page(FLAGSHIP, 'flow:order');
    // Hop 13 is enb → sgw inside the GTP-U tunnel: its stack has an outer and an inner layer.
    const hop = hops.find((h) => h.n === 13)!;
    expect([hop.from, hop.to]).toEqual(['enb', 'sgw']);
    await p.click('button.hop[data-hop="13"]');
    expect(await p.locator('g.edge.highlight').evaluateAll((es) => es.map((e) => e.id))).toEqual([hop.edge]);
    const title = await p.locator(`#${hop.edge} title`).textContent();
    expect(title).toBe('n2->n5');
    await expect.poll(() => p.locator('#stack').getAttribute('data-hop')).toBe('13');
    const stack = await p.locator('#stack').innerText();
    expect(stack).toContain('hop 13 · enb → sgw');
    expect(stack).toMatch(/outer\s+inner/);
    expect(stack).toContain('0x00000201');
    expect(stack).toContain('10.0.1.1');

    // On the diagram, an edge selects its first hop, and its next one when clicked again.
    // The order's own NAPT hop: the DNS query crossed the same edge (and NAT) before it.
    const nat = hops.filter((h) => h.from === 'nat' && h.changes.some((c) => c.startsWith('NAPT'))).at(-1)!;
    const onEdge = hops.filter((h) => h.edge === nat.edge).map((h) => String(h.n));
    expect(onEdge.length).toBeGreaterThan(1);
    await p.locator(`#${nat.edge}`).dispatchEvent('click');
    await expect.poll(() => p.locator('#stack').getAttribute('data-hop')).toBe(onEdge[0]);
    await p.locator(`#${nat.edge}`).dispatchEvent('click');
    expect(onEdge[1]).toBe(String(nat.n));
    await expect.poll(() => p.locator('#stack').getAttribute('data-hop')).toBe(String(nat.n));
    expect(await p.locator('g.edge.highlight').evaluateAll((es) => es.map((e) => e.id))).toEqual([nat.edge]);
    expect(await p.locator('#stack').innerText()).toContain('203.0.113.1');
    expect(await p.locator('tr.selected').getAttribute('id')).toBe(`row-${nat.n}`);
  });

  test('hostile names stay text: no script runs, the names are shown', async () => {
    const { page: p } = await page('test/diagram/fixtures/hostile.topo', 'flow:f&<i>');
    const alerts: string[] = [];
    p.on('dialog', (d) => void alerts.push(d.message()));
    await p.click('button.hop[data-hop="1"]');
    const text = await p.locator('body').innerText();
    expect(text).toContain('r<script>alert(1)</script>');
    expect(await p.locator('#diagram svg text').allTextContents()).toContain('日本語 é ü 🚀');
    expect(await p.locator('script').count()).toBe(2);
    expect(alerts).toEqual([]);
  });
});

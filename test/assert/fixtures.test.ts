// Failing fixtures, one per assertion form: each fails for a real reason stated in its first line, and the whole
// `topo test` output is pinned beside it (NAME.expected.txt). Refresh with UPDATE_GOLDEN=1 and review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { capture } from '../cli/helpers.js';

const DIR = 'test/fixtures/assert';
const fixtures = readdirSync(DIR).filter((n) => n.endsWith('.topo')).sort();
const update = process.env.UPDATE_GOLDEN === '1';

describe('failing assertion fixtures', () => {
  test.each(fixtures)('%s', async (name) => {
    const c = capture();
    const status = await runCli(['test', `${DIR}/${name}`], c.io);
    expect(status).toBe(1);
    expect(c.stdout()).toMatch(/^(FAIL|WARN) /m);
    const golden = `${DIR}/${name.replace(/\.topo$/, '.expected.txt')}`;
    if (update || !existsSync(golden)) writeFileSync(golden, c.stdout());
    expect(c.stdout()).toBe(readFileSync(golden, 'utf8'));
  });

  test('there is a fixture for every form', () => {
    const text = fixtures.map((n) => readFileSync(`${DIR}/${n}`, 'utf8')).join('\n');
    for (const form of [/ reaches /, /assert reachable /, /assert not reachable \w+ /, /not reachable internet/, / path /, / via /, / not via /, / at \w+ -> /, / at hop /, / at segment /, /assert soft /, /\{ pathMtu/, /session /, /route .* via /, /as_path /]) {
      expect(text).toMatch(form);
    }
  });
});

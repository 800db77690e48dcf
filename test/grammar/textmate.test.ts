import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

interface Rule { match?: string; begin?: string; end?: string; patterns?: Rule[]; include?: string }

/** Every regex in the TextMate grammar compiles (as JavaScript regexes; editors use Oniguruma, a superset). */
it('topo.tmLanguage.json is valid JSON with compiling patterns and resolvable includes', () => {
  const g = JSON.parse(readFileSync('grammar/topo.tmLanguage.json', 'utf8')) as { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> };
  expect(g.scopeName).toBe('source.topo');
  const visit = (r: Rule) => {
    for (const re of [r.match, r.begin, r.end]) if (re !== undefined) expect(() => new RegExp(re, 'm')).not.toThrow();
    if (r.include) expect(g.repository[r.include.slice(1)], r.include).toBeDefined();
    r.patterns?.forEach(visit);
  };
  g.patterns.forEach(visit);
  Object.values(g.repository).forEach(visit);
  const ip = new RegExp(g.repository.literals.patterns![1].match!);
  expect(ip.exec('ip: 10.0.1.2/24')?.[0]).toBe('10.0.1.2/24');
});

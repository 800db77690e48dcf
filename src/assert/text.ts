// An assertion written back as text, for reports: words and checks as the user wrote them, normalised spacing.
import type { Assert, Atom, Check } from '../ast/types.js';

export function atomText(a: Atom): string {
  switch (a.type) {
    case 'Ref':
      return a.parts.map((p) => (p.quoted ? JSON.stringify(p.text) : p.text)).join('.');
    case 'String':
      return JSON.stringify(a.value);
    case 'Op':
      return a.value;
    default:
      return a.raw;
  }
}

export function checkText(c: Check): string {
  const field = c.field.map((n) => n.text).join('.');
  return c.value ? `${field} ${c.op} ${atomText(c.value)}` : `${field} ${c.op}`;
}

export function assertText(a: Assert): string {
  let words = '';
  for (const w of a.words) words += (w.type === 'Op' && (w.value === ',' || w.value === ':')) || words === '' || words.endsWith(':') ? atomText(w) : ` ${atomText(w)}`;
  const soft = a.soft ? 'soft ' : '';
  const checks = a.checks.length ? ` { ${a.checks.map(checkText).join('; ')} }` : '';
  return `assert ${soft}${words}${checks}`;
}

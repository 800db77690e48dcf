// `topo test` for CI systems: JUnit XML (one testsuite per file, one testcase per assertion, a file's errors as
// one errored testcase) and GitHub Actions workflow commands (an annotation per failure at its line).
import type { AssertionDoc, FailureDoc, TestReport } from './model.js';
import { summarizeTests, summaryLine } from './model.js';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const failureText = (f: FailureDoc) => [`expected ${f.expected}`, `actual ${f.actual}${f.where ? ` (${f.where})` : ''}`, ...(f.origin ? [`${f.origin.label}: ${f.origin.text} ${f.origin.file}:${f.origin.line}:${f.origin.col}`] : [])].join('\n');

export function renderTestJunit(r: TestReport): string {
  const s = summarizeTests(r);
  const suites = r.files.map((f) => {
    const failures = f.assertions.filter((a) => a.status === 'failed').length;
    const errors = f.errors.length > 0 ? 1 : 0;
    const tests = f.assertions.length + errors;
    const cases = f.assertions.map((a) => testcase(f.file, a));
    if (errors) {
      const text = f.errors.map((d) => `${d.span.file}:${d.span.line}:${d.span.col}: ${d.code} ${d.message}`).join('\n');
      cases.unshift(`    <testcase name="compile ${xml(f.file)}" classname="${xml(f.file)}" file="${xml(f.file)}" time="0">\n      <error message="${xml(f.errors[0].message)}" type="${xml(f.errors[0].code)}">${xml(text)}</error>\n    </testcase>`);
    }
    return `  <testsuite name="${xml(f.file)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const total = s.passed + s.failed + s.warned + s.errors;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="topo test" tests="${total}" failures="${s.failed}" errors="${s.errors}" time="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

function testcase(file: string, a: AssertionDoc): string {
  const open = `    <testcase name="${xml(a.text)}" classname="${xml(file)}" file="${xml(a.file)}" line="${a.line}" time="0"`;
  if (a.status === 'passed') return `${open}/>`;
  const text = xml(a.failures.map(failureText).join('\n\n'));
  // A soft assertion that does not hold passes, with its failure kept as output.
  if (a.status === 'warned') return `${open}>\n      <system-out>${text}</system-out>\n    </testcase>`;
  const message = `expected ${a.failures[0].expected}, actual ${a.failures[0].actual}`;
  return `${open}>\n      <failure message="${xml(message)}" type="assertion">${text}</failure>\n    </testcase>`;
}

/** Workflow command data: `%`, CR and LF escaped; properties also escape `:` and `,`. */
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function renderTestGithub(r: TestReport): string {
  const out: string[] = [];
  for (const f of r.files) {
    for (const d of f.errors) {
      out.push(`::error file=${ghProp(d.span.file)},line=${d.span.line},col=${d.span.col},endLine=${d.span.endLine},endColumn=${d.span.endCol},title=${ghProp(d.code)}::${ghData(d.message)}`);
    }
    for (const a of f.assertions) {
      if (a.status === 'passed') continue;
      const level = a.status === 'failed' ? 'error' : 'warning';
      const title = ghProp(`topo test: ${a.text}`);
      out.push(`::${level} file=${ghProp(a.file)},line=${a.line},col=${a.col},endLine=${a.endLine},endColumn=${a.endCol},title=${title}::${ghData(a.failures.map(failureText).join('\n'))}`);
    }
  }
  out.push(summaryLine(summarizeTests(r)));
  return out.join('\n') + '\n';
}
